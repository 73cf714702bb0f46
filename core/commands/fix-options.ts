import { formatAmount, type Amount } from '../amount/amount';
import type { BudgetDocument, CellRef } from '../document/document';
import type { Finding } from '../rules/finding';
import { toPrintedFindings } from '../rules/printed';
import type { TemplateSet } from '../template/template.schema';
import { isComputedCell } from './cell-writer';
import { structureOf } from '../structure/structure-model';
import { tableShape } from '../structure/table-shape';
import type { Command } from './command';
import { setCells } from './set-cells.command';

/**
 * 修正 that says what it writes. For a finding that compares two sides, every input cell on either side whose
 * change alone makes the sides equal is an option ("将 表4 210 卫生健康支出 由 849.14 改为 850.14"). Each option is
 * tried on a copy of the document and checked in full, so the officer sees what it leaves: the options come sorted
 * by the 错误 left in the whole document (the first is the default), and an option that creates a 错误 the
 * document did not have says so before it runs.
 */
export interface FixOption {
  cell: CellRef;
  from: Amount;
  to: Amount;
  /** "将 表4 210 卫生健康支出 由 849.14 改为 850.14" */
  label: string;
  /** The finding is gone after this change. */
  resolves: boolean;
  /** 错误 in the whole document after the change. */
  errorsAfter: number;
  /** 错误 the change creates (absent before). */
  newErrors: Finding[];
  command: Command;
}

export function fixOptions(
  finding: Finding,
  doc: BudgetDocument,
  template: TemplateSet,
  check: (doc: BudgetDocument) => readonly Finding[],
): FixOption[] {
  const balance = finding.balance;
  if (!balance || balance.diff === 0) return [];
  const before = new Set(check(doc).filter((f) => f.severity === 'error').map((f) => f.id));
  const seen = new Set<string>();
  const options: FixOption[] = [];
  for (const { cell, coef } of expandFormulaColumns(balance.terms, doc, template)) {
    const key = `${cell.table}\u0001${cell.row}\u0001${cell.col}`;
    if (seen.has(key) || coef === 0 || -balance.diff % coef !== 0) continue;
    seen.add(key);
    if (isComputedCell(doc, template, cell)) continue;
    const row = doc.tables[cell.table]?.rows.find((r) => r.id === cell.row);
    if (!row) continue;
    const from = row.values[cell.col] ?? 0;
    const to = from - balance.diff / coef;
    const where = toPrintedFindings([{ ...finding, cells: [cell] }], template, doc)[0]!.cells[0]!;
    const name = row.name ? ` ${row.name}` : '';
    const label = `将 ${where.table} ${where.row}${name} ${where.column} 由 ${formatAmount(from)} 改为 ${formatAmount(to)}`;
    const command = setCells([{ ...cell, value: to }], `修正：${finding.ruleName}`);
    const copy = structuredClone(doc);
    command.apply(copy, { template });
    const after = check(copy);
    const errors = after.filter((f) => f.severity === 'error');
    options.push({
      cell,
      from,
      to,
      label,
      resolves: !after.some((f) => f.id === finding.id),
      errorsAfter: errors.length,
      newErrors: errors.filter((f) => !before.has(f.id)),
      command,
    });
  }
  // Options that resolve the finding first, then the fewest 错误 left; ties keep the rule's order (left side first).
  return options.sort((a, b) => Number(b.resolves) - Number(a.resolves) || a.errorsAfter - b.errorsAfter);
}

/**
 * A formula column of an input row (表6 30110 合计 = 人员经费 + 公用经费) is changed through the column it adds up
 * that holds the row's money (a zero part is not offered: 30110 has no 公用经费).
 */
function expandFormulaColumns(terms: { cell: CellRef; coef: number }[], doc: BudgetDocument, template: TemplateSet): { cell: CellRef; coef: number }[] {
  const out: { cell: CellRef; coef: number }[] = [];
  for (const term of terms) {
    const def = template.tables.find((t) => t.id === term.cell.table);
    const row = doc.tables[term.cell.table]?.rows.find((r) => r.id === term.cell.row);
    const formula = def ? tableShape(def).formulas.find((f) => f.col === term.cell.col) : undefined;
    if (!def || !row || !formula || isComputedRow(doc, template, term.cell)) {
      out.push(term);
      continue;
    }
    const parts = formula.terms.filter((t) => (row.values[t.ref] ?? 0) !== 0);
    for (const part of parts.length > 0 ? parts : formula.terms.slice(0, 1)) {
      out.push(...expandFormulaColumns([{ cell: { ...term.cell, col: part.ref }, coef: term.coef * part.sign }], doc, template));
    }
  }
  return out;
}

/** The row itself is a sum (类/款/合计 or a fixed-row formula): none of its cells can be written. */
function isComputedRow(doc: BudgetDocument, template: TemplateSet, cell: CellRef): boolean {
  const t = structureOf(doc, template).table(cell.table);
  const i = t?.positionOf(cell.row) ?? -1;
  return !t || i < 0 || t.computed[i] !== 0;
}

/** What the fix question says of an option: what it changes, and a new 错误 it would create. */
export function describeFixOption(option: FixOption): string {
  if (option.newErrors.length === 0) return `${option.label}？`;
  return `${option.label}？注意：这样会产生 ${option.newErrors.length} 条新的错误（如：${option.newErrors[0]!.message}）`;
}
