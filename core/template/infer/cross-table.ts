import type { RuleDef, TableDef } from '../template.schema';
import type { Block } from './sheet-blocks';

/**
 * Equalities between two tables that print the same thing: the same row model (coded rows of one classification and
 * depth, or the same fixed labels), the same amount columns under the same header paths, and — where the blank
 * workbook shows example rows — the same codes. Such a pair is one figure printed twice, so each cell must agree.
 * Offered as 提示 (warning): a blank workbook cannot prove that two tables are meant to be equal.
 */
export function crossTableRules(tables: readonly TableDef[], blocks: readonly Block[]): RuleDef[] {
  const rules: RuleDef[] = [];
  for (let i = 0; i < tables.length; i++) {
    for (let j = i + 1; j < tables.length; j++) {
      const a = tables[i]!;
      const b = tables[j]!;
      if (!sameRows(a, b) || !sameAmountColumns(a, b)) continue;
      if (codesOf(blocks[i]!).join() !== codesOf(blocks[j]!).join()) continue;
      rules.push({
        id: `x-${a.id}-${b.id}-same`,
        name: `${a.no}与${b.no}同一行同一列的金额相等`,
        severity: 'warning',
        scope: '表间',
        expr: `${a.id}[*].* = ${b.id}[*].*`,
      });
    }
  }
  return rules;
}

function sameRows(a: TableDef, b: TableDef): boolean {
  const x = a.rows;
  const y = b.rows;
  if (x.kind === 'coded' && y.kind === 'coded') return x.classification === y.classification && x.levels.join() === y.levels.join();
  if (x.kind === 'fixed' && y.kind === 'fixed') return x.rows.map((r) => r.label).join('\n') === y.rows.map((r) => r.label).join('\n');
  return false;
}

function sameAmountColumns(a: TableDef, b: TableDef): boolean {
  const paths = (t: TableDef) => t.columns.filter((c) => c.kind === 'amount').map((c) => c.header.join('/'));
  const pa = paths(a);
  return pa.length > 0 && pa.join('\n') === paths(b).join('\n') && a.columns.filter((c) => c.kind === 'amount').every((c, k) => c.id === b.columns.filter((d) => d.kind === 'amount')[k]!.id);
}

/** The codes of a block's example rows (digits in the code columns, joined per row). */
function codesOf(block: Block): string[] {
  const out: string[] = [];
  for (const row of block.body) {
    const digits = row.filter((c) => /^\d{2,}$/.test(c.text)).map((c) => c.text).join('');
    if (digits) out.push(digits);
  }
  return out;
}
