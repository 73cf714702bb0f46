import type { RuleDef, TableDef } from '../template.schema';
import { impliedRules as tableRules } from '../implied-rules';
import { leafLabel } from '../header-layout';

/**
 * The rules a proposed set's tables imply. The 表内 rules every table definition implies (computed columns,
 * 类 = Σ 款, 合计 rows, organisation rows, project groups, 其中 ≤ parent, the balance of a 收支 table) come from the
 * one generator the loader runs on every set (core/template/implied-rules.ts), so a proposed set and a built-in one
 * cannot disagree on what a header means. This module adds only what a blank workbook says beyond its structure:
 * the 人员经费/公用经费 split of an economic table (by header words), and the code and sign checks a set states itself.
 */
export function impliedRules(tables: readonly TableDef[]): RuleDef[] {
  return [...tableRules(tables), ...ownRules(tables)];
}

/** The rules a proposed set writes into its own rules (the loader generates the rest when the set is read). */
export function ownRules(tables: readonly TableDef[]): RuleDef[] {
  const rules: RuleDef[] = tables.flatMap(economicSplitRules);
  if (tables.some((t) => t.rows.kind === 'coded' || t.rows.kind === 'projects')) {
    rules.push(
      { id: 'codes-valid', name: '科目编码结构有效', severity: 'error', scope: '表内', expr: 'validCodes(*)' },
      { id: 'codes-parent', name: '上级科目在表中', severity: 'error', scope: '表内', expr: 'parentsPresent(*)' },
      { id: 'codes-unique', name: '科目编码不重复', severity: 'error', scope: '表内', expr: 'uniqueCodes(*)' },
      { id: 'codes-name', name: '科目名称与当年科目表一致', severity: 'warning', scope: '表内', expr: 'knownNames(*)' },
    );
  }
  rules.push({ id: 'amounts-negative', name: '金额为负数', severity: 'warning', scope: '表内', expr: 'nonNegative(*)' });
  return rules;
}

/** An economic table with 人员经费 and 公用经费 columns: 302 款 carry no 人员经费, 301 款 no 公用经费 (提示). */
function economicSplitRules(t: TableDef): RuleDef[] {
  const model = t.rows;
  if (model.kind !== 'coded' || model.classification !== 'economic') return [];
  const personnel = t.columns.find((c) => leafLabel(c) === '人员经费');
  const pub = t.columns.find((c) => leafLabel(c) === '公用经费');
  if (!personnel || !pub) return [];
  return [
    {
      id: `${t.id}-302-personnel`, name: `${t.no}商品和服务支出（302）各款一般不列人员经费`, severity: 'warning', scope: '表内',
      expr: `${t.id}[302*].${personnel.id} = 0`, message: '{表} {行}：人员经费 {左值}，商品和服务支出（302）一般列公用经费，请确认',
    },
    {
      id: `${t.id}-301-public`, name: `${t.no}工资福利支出（301）各款一般不列公用经费`, severity: 'warning', scope: '表内',
      expr: `${t.id}[301*].${pub.id} = 0`, message: '{表} {行}：公用经费 {左值}，工资福利支出（301）一般列人员经费，请确认',
    },
  ];
}
