/** Shared by the benchmarks: a seeded generator of large documents and a best-of-N timer. */
import type { BudgetDocument, RowData } from '../core/document/document';
import { createDocument } from '../core/document/create';
import { deriveTable } from '../core/template/derive';
import type { TemplateSet } from '../core/template/template.schema';
import { INPUT } from '../core/inputs/keys';
import { randomDocument } from '../core/text/random-doc.testutil';
import { seededRandom as uniformRandom } from '../core/testing/random';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Deterministic pseudo-random integers in [0, n), so every run measures the same document. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => Math.floor(((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
}

export interface BigDocumentOptions {
  lei: number;
  kuan: number;
  xiang: number;
  seed: number;
  /** Functional-coded tables to fill with the same rows (with their 类/款/合计 recomputed). */
  tables: string[];
  /** Also give about two thirds of the 项 a last-year figure (for the text generator). */
  priorYear?: boolean;
}

/** A department document of the given set with lei × kuan × xiang 项 rows (basic always, project on about half). */
export function bigDocument(template: TemplateSet, o: BigDocumentOptions): BudgetDocument {
  const randInt = seededRandom(o.seed);
  const doc = createDocument(template, { unitName: '基准测试局', compiler: '基准测试局', year: 2024 });
  const rows: RowData[] = [];
  for (let l = 0; l < o.lei; l++) {
    const a = String(201 + l);
    rows.push({ id: a, code: a, name: `类${a}`, values: {} });
    for (let k = 1; k <= o.kuan; k++) {
      const b = a + pad(k);
      rows.push({ id: b, code: b, name: `款${b}`, values: {} });
      for (let x = 1; x <= o.xiang; x++) {
        const c = b + pad(x);
        const values: Record<string, number> = { basic: 100 + randInt(1_000_000) };
        if (randInt(2)) values.project = 1 + randInt(500_000);
        rows.push({ id: c, code: c, name: `项目名称${c}`, values });
        if (o.priorYear && randInt(3)) doc.priorYear[`item.${c}`] = 100 + randInt(1_000_000);
      }
    }
  }
  for (const id of o.tables) {
    const def = template.tables.find((t) => t.id === id)!;
    doc.tables[id] = { rows: deriveTable(def, [...rows.map((r) => ({ ...r, values: { ...r.values } })), { id: 'total', values: {} }]) };
  }
  return doc;
}

/** Best wall-clock time of `runs` calls (the machine is shared: the minimum is the least disturbed figure). */
export async function timeBest<T>(f: () => Promise<T> | T, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best), value: value as T };
}

/** How often a county unit arrives with a fault (a typed figure that breaks its sums, or a missing part of the text). */
export const FAULTY_SHARE = 0.05;

/**
 * The units a county's finance bureau collects: complete, consistent 2024 部门 documents (every table, inputs and
 * last year's figures, as core's random consistent documents are) of mixed size — 10 to 300 rows a coded table,
 * most of them small — with about one in twenty faulty, so a batch report holds the findings it would in practice.
 */
export function countyUnits(count: number, seed: number): { docs: BudgetDocument[]; faulty: number; meanRows: number } {
  const r = uniformRandom(seed);
  const docs: BudgetDocument[] = [];
  let faulty = 0;
  let rows = 0;
  for (let i = 0; i < count; i++) {
    // A coded table has about 1.12 rows a 项 (its 款, 类 and 合计): 8–267 项 give 10–300 rows.
    const doc = randomDocument('xj-dept-2024-11', seed * 100_000 + i, { items: 8 + Math.floor(259 * r() ** 3) });
    doc.meta.unitName = `单位${String(i).padStart(4, '0')}`;
    if (r() < FAULTY_SHARE) {
      faulty += 1;
      if (r() < 0.5) {
        const items = doc.tables.t3!.rows.filter((x) => x.code?.length === 7);
        const typo = items[Math.floor(r() * items.length)]!;
        typo.values.basic = (typo.values.basic ?? 0) + 100;
      } else delete doc.inputs[INPUT.duties];
    }
    rows += doc.tables.t3!.rows.length;
    docs.push(doc);
  }
  return { docs, faulty, meanRows: Math.round(rows / count) };
}
