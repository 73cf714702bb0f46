/**
 * Word benchmark: .docx of the built-in sample (goal ≤ 300 ms) and of a 10,000-row document (表3 and 表5 of the 2024
 * set, 20 类 × 20 款 × 24 项 + subtotals, so the text lists 9,600 项 items as well). Also the text generation and
 * text checks alone. Run: npx tsx bench/docx.bench.ts — prints one JSON line.
 */
import type { BudgetDocument, RowData } from '../core/document/document';
import { createDocument } from '../core/document/create';
import { deriveTable } from '../core/template/derive';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { exportDocx } from '../core/docx/export-docx';
import { renderOutline } from '../core/text/generate';
import { checkDocumentText } from '../core/checks/check-text';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const pad = (n: number): string => String(n).padStart(2, '0');
let seed = 7;
const randInt = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);

function bigDocument(lei: number, kuan: number, xiang: number): BudgetDocument {
  const doc = createDocument(template, { unitName: '基准测试局', compiler: '基准测试局', year: 2024 });
  const rows: RowData[] = [];
  for (let l = 0; l < lei; l++) {
    const a = String(201 + l);
    rows.push({ id: a, code: a, name: `类${a}`, values: {} });
    for (let k = 1; k <= kuan; k++) {
      const b = a + pad(k);
      rows.push({ id: b, code: b, name: `款${b}`, values: {} });
      for (let x = 1; x <= xiang; x++) {
        const c = b + pad(x);
        const values: Record<string, number> = { basic: 100 + randInt(1_000_000) };
        if (randInt(2)) values.project = 1 + randInt(500_000);
        rows.push({ id: c, code: c, name: `项目名称${c}`, values });
        if (randInt(3)) doc.priorYear[`item.${c}`] = 100 + randInt(1_000_000);
      }
    }
  }
  for (const id of ['t3', 't5']) {
    const def = template.tables.find((t) => t.id === id)!;
    doc.tables[id] = { rows: deriveTable(def, [...rows.map((r) => ({ ...r, values: { ...r.values } })), { id: 'total', values: {} }]) };
  }
  return doc;
}

async function time<T>(f: () => Promise<T> | T, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best), value: value as T };
}

const sample = createSampleDocument();
await exportDocx(sample, template); // warm-up: module initialisation and JIT
const sampleDocx = await time(() => exportDocx(sample, template), 5);
const sampleText = await time(() => renderOutline(sample, template), 5);
const sampleChecks = await time(() => checkDocumentText(sample, template), 5);

const big = bigDocument(20, 20, 24);
const rows = big.tables.t3.rows.length;
const bigText = await time(() => renderOutline(big, template), 1);
const bigChecks = await time(() => checkDocumentText(big, template), 1);
const bigDocx = await time(() => exportDocx(big, template), 1);

console.log(JSON.stringify({
  sampleDocxMs: sampleDocx.ms,
  sampleGoalMs: 300,
  sampleWithinGoal: sampleDocx.ms <= 300,
  sampleBytes: sampleDocx.value.length,
  sampleTextMs: sampleText.ms,
  sampleChecksMs: sampleChecks.ms,
  bigRowsPerTable: rows,
  bigDocxMs: bigDocx.ms,
  bigBytes: bigDocx.value.length,
  bigTextMs: bigText.ms,
  bigChecksMs: bigChecks.ms,
}));
