import type { TemplateSet } from '../template/template.schema';
import type { BudgetDocument, CellRef, JsonValue } from '../document/document';
import { projectNumber, rowFieldLabel } from '../document/document-texts';
import { cleanJsonTexts, cleanText, isTooLong, tooLongMessage } from '../document/clean-text';
import { checkJsonShape, jsonShapeMessage } from '../file/json-shape';
import { inputLabel } from '../inputs/input-labels';
import { CommandError } from './raw';

/**
 * Every command that sets a text takes it through here: cleaned by the one cleaner (what XML cannot carry dropped,
 * VT/FF/CR as line breaks), and refused over Excel's 32,767-character cell limit with the field named. A refusal
 * throws before the document is touched, so nothing enters the history.
 */
export function acceptText(text: string, field: string): string {
  const clean = cleanText(text);
  if (isTooLong(clean)) throw new CommandError(tooLongMessage(field, clean.length));
  return clean;
}

/** Refuses a structured input nested deeper than any real one (checked without recursion). */
export function checkInputShape(key: string, value: unknown): void {
  const shape = checkJsonShape(value);
  if (shape) throw new CommandError(jsonShapeMessage(shape, inputLabel(key)));
}

/** The same for a structured input (lists, objects of texts): the value is cleaned in place. */
export function acceptInput<T extends JsonValue>(key: string, value: T): T {
  checkInputShape(key, value);
  const clean = cleanJsonTexts(value);
  const stack: JsonValue[] = [clean];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (typeof v === 'string') {
      if (isTooLong(v)) throw new CommandError(tooLongMessage(inputLabel(key), v.length));
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return clean;
}

/** "表7 第 3 个项目（2101202）的名称" / "表10 行“abroad”的“说明”列": a cell named as the officer finds it. */
export function cellField(template: TemplateSet, doc: BudgetDocument, ref: CellRef): string {
  const def = template.tables.find((t) => t.id === ref.table);
  const col = def?.columns.find((c) => c.id === ref.col);
  const rows = doc.tables[ref.table]?.rows ?? [];
  const found = rows.find((r) => r.id === ref.row);
  const row = found ? rowFieldLabel(found, projectNumber(rows, found)) : `行“${ref.row}”`;
  if (col?.kind === 'name') return `${def?.no ?? ref.table} ${row}的名称`;
  return `${def?.no ?? ref.table} ${row}的“${col?.header.at(-1) ?? ref.col}”列`;
}
