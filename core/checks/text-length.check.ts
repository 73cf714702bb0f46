import type { BudgetDocument } from '../document/document';
import type { Finding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import { overLongTexts } from '../document/document-texts';
import { tooLongMessage } from '../document/clean-text';
import { textFinding } from './finding-factory';

export const TEXT_TOO_LONG = 'text.too-long';

/**
 * A text over Excel's cell limit (32,767 characters) cannot be typed or pasted, but a file or workbook may bring
 * one: it is loaded as it is (nothing the officer wrote is cut silently) and flagged here as a 错误 naming the field;
 * both exporters refuse until it is shortened.
 */
export function checkTextLength(doc: BudgetDocument, template: TemplateSet): Finding[] {
  return overLongTexts(doc, template).map((t) =>
    textFinding(TEXT_TOO_LONG, '文字过长', 'error', t.cell ? `${t.cell.table}.${t.cell.row}.${t.cell.col}` : t.field, tooLongMessage(t.field, t.text.length), {
      ...(t.input && !t.cell ? { input: t.input } : {}),
      ...(t.cell ? { cells: [t.cell] } : {}),
    }),
  );
}
