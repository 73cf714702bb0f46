import { formatAmount, type Amount } from '../../amount/amount';
import type { BudgetDocument } from '../../document/document';
import type { TemplateSet } from '../../template/template.schema';
import type { Command } from '../../commands/command';
import { composite } from '../../commands/composite.command';
import { setInput } from '../../commands/document-fields.command';
import { setCells } from '../../commands/set-cells.command';
import { formatChanges, previewCommand } from '../../commands/preview';
import { createContext } from '../context';
import { sangongFig } from '../generators/funds';
import { finalBudgetKey } from './keys';
import { budgetColumnOf, SANGONG_ITEMS } from './sangong';

/**
 * 从预算文件导入: a 决算's 年初预算数 taken from that year's 预算 document — per 一般公共预算 项 from its
 * gpbExpenditure table (the 项's 合计), per “三公” item from its sangong table into the 决算 三公 table's 预算数
 * columns. Nothing is written here: the result lists every value that would change, old → new, and the one command
 * (one 撤销) that writes them once the officer agrees. A 预算 of another year is refused.
 */

export type BudgetCarry =
  | { ok: true; command: Command; lines: string[]; items: number; sangong: number }
  | { ok: false; message: string };

export function budgetCarry(finalDoc: BudgetDocument, finalTemplate: TemplateSet, budgetDoc: BudgetDocument, budgetTemplate: TemplateSet): BudgetCarry {
  if (budgetDoc.meta.year !== finalDoc.meta.year) {
    return { ok: false, message: `所选文件是${budgetDoc.meta.year}年的预算，本决算是${finalDoc.meta.year}年度，请选择${finalDoc.meta.year}年的预算文件` };
  }
  const budget = createContext(budgetDoc, budgetTemplate);
  const gpb = budget.table('gpbExpenditure');
  if (!gpb || gpb.rows.kind !== 'coded') return { ok: false, message: '所选文件的模板没有一般公共预算支出表，无法取得年初预算数' };
  const itemLength = gpb.rows.levels[gpb.rows.levels.length - 1];

  const parts: Command[] = [];
  const lines: string[] = [];
  let items = 0;
  for (const row of budget.rows('gpbExpenditure')) {
    if (row.code?.length !== itemLength) continue;
    const key = finalBudgetKey(row.code);
    const now = finalDoc.inputs[key];
    const old = typeof now === 'number' ? now : undefined;
    const value = row.values.total ?? 0;
    if (value === (old ?? 0)) continue;
    parts.push(setInput(key, value === 0 ? undefined : value, '填写年初预算数'));
    lines.push(`年初预算数“${row.code} ${row.name ?? ''}”：${old === undefined ? '（空）' : formatAmount(old)} → ${value === 0 ? '（空）' : formatAmount(value)}`);
    items++;
  }

  const target = createContext(finalDoc, finalTemplate).table('sangong');
  const cells = SANGONG_ITEMS.flatMap((item) => {
    const col = target ? budgetColumnOf(target, item) : undefined;
    return target && col && budget.table('sangong') ? [{ table: target.id, row: 'total', col, value: sangongFig(budget, item).value as Amount }] : [];
  });
  let sangong = 0;
  if (cells.length > 0) {
    const write = setCells(cells, '填写“三公”经费预算数');
    const preview = previewCommand(finalDoc, finalTemplate, write);
    if (!preview.ok) return { ok: false, message: preview.message };
    if (preview.changes.length > 0) {
      parts.push(write);
      lines.push(...formatChanges(preview.changes));
      sangong = preview.changes.filter((c) => cells.some((x) => x.col === c.ref.col)).length;
    }
  }
  return { ok: true, command: composite('从预算文件导入年初预算数', parts), lines, items, sangong };
}
