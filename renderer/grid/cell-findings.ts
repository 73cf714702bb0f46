import { cellKey } from '../../core/document/document';
import type { Finding } from '../../core/rules/finding';
import { mergeFindings } from '../../core/worker/session-sync';

/** Findings by cellKey, for the cells' outlines and tooltips (a plain Map will do in tests). */
export interface CellFindingsLookup {
  get(key: string): readonly Finding[] | undefined;
}

type CellMap = Map<string, Finding[]>;

/**
 * One table's findings by cell, kept per list (the table rules' and the text checks'): an edit that leaves the
 * text checks' answer alone rebuilds and compares only the rules' map, not the thousands of text findings'.
 */
export class CellFindings implements CellFindingsLookup {
  constructor(
    readonly rules: CellMap,
    readonly text: CellMap,
  ) {}

  get(key: string): readonly Finding[] | undefined {
    const a = this.rules.get(key);
    const b = this.text.get(key);
    return a && b ? mergeFindings(a, b) : (a ?? b);
  }
}

const maps = new WeakMap<readonly Finding[], Map<string, CellMap>>();

/** The list's findings on this table's cells by cellKey, built once per list and table. */
function cellMap(list: readonly Finding[], tableId: string): CellMap {
  let byTable = maps.get(list);
  if (!byTable) maps.set(list, (byTable = new Map()));
  let map = byTable.get(tableId);
  if (map) return map;
  map = new Map();
  for (const f of list) for (const c of f.cells) {
    if (c.table !== tableId) continue;
    const k = cellKey(c);
    const cell = map.get(k);
    if (!cell) map.set(k, [f]);
    else if (cell[cell.length - 1] !== f) cell.push(f);
  }
  byTable.set(tableId, map);
  return map;
}

export function cellFindings(parts: { rules: readonly Finding[]; text: readonly Finding[] }, tableId: string): CellFindings {
  return new CellFindings(cellMap(parts.rules, tableId), cellMap(parts.text, tableId));
}

/** Adds the document row ids (and their column ids to `cols`) of this table's cells that gained, lost or changed a finding. */
export function changedFindingRows(before: CellFindingsLookup, after: CellFindingsLookup, tableId: string, out: Set<string>, cols?: Set<string>): void {
  if (before instanceof CellFindings && after instanceof CellFindings) {
    if (before.rules !== after.rules) diff(before.rules, after.rules, tableId, out, cols);
    if (before.text !== after.text) diff(before.text, after.text, tableId, out, cols);
  } else if (before instanceof Map && after instanceof Map) diff(before as CellMap, after as CellMap, tableId, out, cols);
}

function diff(before: CellMap, after: CellMap, tableId: string, out: Set<string>, cols?: Set<string>): void {
  const prefix = `${tableId}\u0001`;
  const note = (key: string) => {
    if (!key.startsWith(prefix)) return;
    const rest = key.slice(prefix.length);
    const at = rest.indexOf('\u0001');
    out.add(rest.slice(0, at));
    cols?.add(rest.slice(at + 1));
  };
  for (const [key, list] of after) {
    const old = before.get(key);
    if (!old || old.length !== list.length || old.some((f, i) => f !== list[i])) note(key);
  }
  for (const key of before.keys()) if (!after.has(key)) note(key);
}
