import type { FixedRowDef, RuleDef, TableDef } from '../template.schema';
import { formulaRefs } from '../../structure/formula';
import { leafLabel } from '../header-layout';

/**
 * The 表内 rules a table definition implies, written as the built-in sets write them: each computed column (合计 =
 * its parts), 类 = Σ 款 and 款 = Σ 项, the 合计 row = Σ 类, organisation rows, project groups, fixed-row sums and
 * their 其中 items (≤ the parent), the balance of a side-by-side table; plus the code and sign checks every set
 * carries. Ids are stable: "<table>-row", "<table>-subtotals", "<table>-<row>-le" …
 */
const LEVEL_NAMES = ['类', '款', '项'];

export function impliedRules(tables: readonly TableDef[]): RuleDef[] {
  const rules: RuleDef[] = [];
  for (const t of tables) rules.push(...tableRules(t));
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

const sum = (terms: string[]) => terms.join(' + ');

/** inTotal → in-total: the id style of the built-in rules. */
const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function tableRules(t: TableDef): RuleDef[] {
  const out: RuleDef[] = [];
  const id = t.id;
  const rule = (suffix: string, name: string, expr: string, severity: RuleDef['severity'] = 'error', message?: string): void => {
    out.push({ id: `${id}-${suffix}`, name: `${t.no}${name}`, severity, scope: '表内', expr, ...(message ? { message } : {}) });
  };
  const label = (colId: string) => {
    const col = t.columns.find((c) => c.id === colId);
    return col ? leafLabel(col) : colId;
  };
  const formulaCols = t.columns.filter((c) => c.formula && c.side === undefined);
  const rowSel = t.rows.kind === 'fixed' && t.rows.rows.length === 1 ? t.rows.rows[0]!.id : '*';
  formulaCols.forEach((col) => {
    rule(col.id === 'total' ? 'row' : kebab(col.id), `每行${label(col.id)}等于${formulaRefs(col.formula!).map(label).join('、')}之和`,
      `${id}[${rowSel}].${col.id} = ${sum(formulaRefs(col.formula!).map((r) => `${id}[${rowSel}].${r}`))}`);
  });
  const model = t.rows;
  if (model.kind === 'coded') {
    if (model.levels.length > 1) {
      const parents = LEVEL_NAMES.slice(0, model.levels.length - 1).join(', ');
      rule('subtotals', model.levels.length > 2 ? '类等于各款之和、款等于各项之和（逐列）' : '类等于所属各款之和（逐列）', `${id}[${parents}].* = sum(${id}[children].*)`);
    }
    rule('total', '合计行等于各类之和（逐列）', `${id}[total].* = sum(${id}[类].*)`);
    rule('org', '部门、单位汇总行等于所属各行之和（逐列）', `${id}[机构].* = sum(${id}[children].*)`);
    const leaves = new Set(t.columns.filter((c) => c.kind === 'amount').map((c) => leafLabel(c)));
    const personnel = t.columns.find((c) => leafLabel(c) === '人员经费');
    const pub = t.columns.find((c) => leafLabel(c) === '公用经费');
    if (model.classification === 'economic' && personnel && pub && leaves.size > 0) {
      rule('302-personnel', '商品和服务支出（302）各款一般不列人员经费', `${id}[302*].${personnel.id} = 0`, 'warning', '{表} {行}：人员经费 {左值}，商品和服务支出（302）一般列公用经费，请确认');
      rule('301-public', '工资福利支出（301）各款一般不列公用经费', `${id}[301*].${pub.id} = 0`, 'warning', '{表} {行}：公用经费 {左值}，工资福利支出（301）一般列人员经费，请确认');
    }
  } else if (model.kind === 'projects') {
    const amounts = t.columns.filter((c) => c.kind === 'amount' && !c.formula);
    const col = amounts.length === 1 ? amounts[0]!.id : '*';
    rule('total', '合计等于各项目之和', `${id}[total].${col} = sum(${id}[projects].${col})`);
    rule('groups', '科目小计等于所属项目之和', `${id}[${LEVEL_NAMES.slice(0, model.levels.length).join(', ')}].${col} = sum(${id}[children].${col})`);
    rule('org', '部门、单位汇总行等于所属各行之和（逐列）', `${id}[机构].* = sum(${id}[children].*)`);
  } else if (model.kind === 'fixed') {
    out.push(...rowRules(t, model.rows, '*'));
  } else {
    const [left, right] = [0, 1].map((side) => t.columns.filter((c) => c.side === side && c.kind === 'amount'));
    const inCol = left![0]?.id;
    const outCol = right![0]?.id;
    const [inTotal, outTotal] = model.totals;
    if (inCol && outCol) rule('balance', `${inTotal.label.replace(/\s+/g, '')}等于${outTotal.label.replace(/\s+/g, '')}`, `${id}[${inTotal.id}].${inCol} = ${id}[${outTotal.id}].${outCol}`);
    if (inCol) out.push(...rowRules(t, [...model.sides[0], inTotal], inCol));
    const rightFormulas = right!.filter((c) => c.formula);
    const classRows = model.sides[1].every((r) => r.code !== undefined) && model.sides[1].length > 0;
    const rowsOf = classRows ? `类, ${outTotal.id}` : '*';
    rightFormulas.forEach((col) => {
      rule(col.id === 'total' ? 'row' : kebab(col.id), `每行${label(col.id)}等于${formulaRefs(col.formula!).map(label).join('、')}之和`,
        `${id}[${rowsOf}].${col.id} = ${sum(formulaRefs(col.formula!).map((r) => `${id}[${rowsOf}].${r}`))}`);
    });
    if (classRows) {
      for (const col of right!) {
        rule(right!.length === 1 ? 'out-total' : `out-total-${col.id}`, `${outTotal.label.replace(/\s+/g, '')}等于各类支出之和`, `${id}[${outTotal.id}].${col.id} = sum(${id}[类].${col.id})`);
      }
    } else if (outCol) out.push(...rowRules(t, [...model.sides[1], outTotal], outCol));
  }
  return out;
}

/** Sums of fixed rows and their 其中 items, over one column (side-by-side) or every column (`*`). */
function rowRules(t: TableDef, rows: FixedRowDef[], col: string): RuleDef[] {
  const out: RuleDef[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const name = (r: FixedRowDef) => r.label.replace(/\s+/g, '').replace(/^其中[:：]/, '');
  for (const row of rows) {
    if (row.formula) {
      const terms = formulaRefs(row.formula);
      const ownParts = terms.every((x) => byId.get(x)?.partOf === row.id);
      out.push({
        id: ownParts ? `${t.id}-${row.id}-parts` : `${t.id}-${kebab(row.id)}`, name: `${t.no}${name(row)}等于${terms.map((x) => name(byId.get(x) ?? row)).join('、')}之和`, severity: 'error', scope: '表内',
        expr: `${t.id}[${row.id}].${col} = ${sum(terms.map((x) => `${t.id}[${x}].${col}`))}`,
      });
    }
    if (row.partOf) {
      out.push({
        id: `${t.id}-${row.id}-le`, name: `${t.no}其中项不大于${name(byId.get(row.partOf) ?? row)}`, severity: 'error', scope: '表内',
        expr: `${t.id}[${row.id}].${col} <= ${t.id}[${row.partOf}].${col}`,
      });
    }
  }
  return out;
}
