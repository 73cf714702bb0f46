import type { BudgetDocument, CellRef } from '../document/document';
import { structureOf } from '../structure/structure-model';
import { tableShape } from '../structure/table-shape';
import type { TemplateSet } from '../template/template.schema';

/** A small seeded generator (mulberry32): one seed, one sequence, so a failing case replays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole numbers 0..max and yes/no with probability p, drawn from one seeded sequence. */
export interface Draws {
  int(max: number): number;
  chance(p: number): boolean;
}

export function seededDraws(seed: number): Draws {
  const r = seededRandom(seed);
  return { int: (max) => Math.floor(r() * (max + 1)), chance: (p) => r() < p };
}

/** Every input amount cell of a document that holds a figure (its row not computed, its column not a formula). */
export function filledInputCells(doc: BudgetDocument, template: TemplateSet): CellRef[] {
  const model = structureOf(doc, template);
  const out: CellRef[] = [];
  for (const def of template.tables) {
    const t = model.table(def.id);
    if (!t) continue;
    const shape = tableShape(def);
    doc.tables[def.id]!.rows.forEach((row, i) => {
      if (t.computed[i]) return;
      for (const col of shape.amountCols) if (!shape.formulaColSet.has(col) && row.values[col]) out.push({ table: def.id, row: row.id, col });
    });
  }
  return out;
}
