/**
 * Word benchmark: .docx of the built-in sample (goal ≤ 300 ms) and of a 10,000-row document (表3 and 表5 of the 2024
 * set, 20 类 × 20 款 × 24 项 + subtotals, so the text lists 9,600 项 items as well). Also the text generation and
 * text checks alone. Run: npx tsx bench/docx.bench.ts — prints one JSON line.
 */
import { getBuiltinTemplateSet } from '../core/template/registry';
import { bigDocument, timeBest } from './support';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { exportDocx } from '../core/docx/export-docx';
import { renderOutline } from '../core/text/generate';
import { checkDocumentText } from '../core/checks/check-text';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

const sample = createSampleDocument();
await exportDocx(sample, template); // warm-up: module initialisation and JIT
const sampleDocx = await timeBest(() => exportDocx(sample, template), 5);
const sampleText = await timeBest(() => renderOutline(sample, template), 5);
const sampleChecks = await timeBest(() => checkDocumentText(sample, template), 5);

const big = bigDocument(template, { lei: 20, kuan: 20, xiang: 24, seed: 7, tables: ['t3', 't5'], priorYear: true });
const rows = big.tables.t3.rows.length;
const bigText = await timeBest(() => renderOutline(big, template), 1);
const bigChecks = await timeBest(() => checkDocumentText(big, template), 1);
const bigDocx = await timeBest(() => exportDocx(big, template), 1);

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
