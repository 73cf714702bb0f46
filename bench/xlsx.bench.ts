/**
 * Excel benchmark: export of the built-in sample and of a 10,000-row document (表3 of the 2024 set, 20 类 × 20 款 ×
 * 24 项 + subtotals); import of a 5,000-row budget-system-like workbook (goal ≤ 2 s); and the ratio of our export
 * time to exceljs writing the same cells with no styling. Run: npx tsx bench/xlsx.bench.ts — prints one JSON line.
 */
import ExcelJS from 'exceljs';
import type { BudgetDocument, RowData } from '../core/document/document';
import { createDocument } from '../core/document/create';
import { deriveTable } from '../core/template/derive';
import { getBuiltinTemplateSet } from '../core/template/registry';
import { createSampleDocument } from '../core/sample/sample-inputs';
import { exportXlsx } from '../core/xlsx/export-xlsx';
import { importXlsx } from '../core/xlsx/import-xlsx';
import { printedGrid } from '../core/xlsx/printed-grid';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const pad = (n: number): string => String(n).padStart(2, '0');
let seed = 99;
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
      }
    }
  }
  const t3 = template.tables.find((t) => t.id === 't3')!;
  doc.tables.t3 = { rows: deriveTable(t3, [...rows, { id: 'total', values: {} }]) };
  return doc;
}

async function time<T>(f: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best), value: value as T };
}

/** The same cells as our export's body, written by exceljs without any styling, merges or print setup. */
async function plainExceljs(doc: BudgetDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const table of template.tables) {
    const ws = wb.addWorksheet(table.id);
    for (const line of printedGrid(doc, table)) {
      ws.addRow(line.cells.map((c) => (c.kind === 'amount' ? c.value / 100 : c.kind === 'text' ? c.text : null)));
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A budget system's workbook has no hidden data sheet of ours: the importer must recognise everything itself. */
async function withoutDataSheet(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const data = wb.worksheets.find((w) => w.state === 'veryHidden');
  if (data) wb.removeWorksheet(data.id);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function main(): Promise<void> {
  const sample = createSampleDocument();
  const sampleExport = await time(() => exportXlsx(sample, template));
  const big = bigDocument(20, 20, 24);
  const bigRows = big.tables.t3.rows.length;
  // Warm both paths up first so the ratio compares steady-state timings, best of three each.
  await plainExceljs(big);
  const bigExport = await time(() => exportXlsx(big, template), 3);
  const plain = await time(() => plainExceljs(big), 3);
  const bigFormulas = await time(() => exportXlsx(big, template, { formulas: true }), 2);

  // 5,000 rows as a budget system exports them (our export is laid out the same way), read without our data sheet.
  const mid = bigDocument(10, 20, 24);
  mid.tables.t3.rows = mid.tables.t3.rows.slice(0, 5000).concat(mid.tables.t3.rows.filter((r) => r.id === 'total'));
  const midBytes = await withoutDataSheet(await exportXlsx(mid, template));
  const imported = await time(() => importXlsx(midBytes), 2);
  const importedRows = imported.value.ok ? imported.value.document.tables.t3.rows.length : 0;

  console.log(
    JSON.stringify({
      sampleExportMs: sampleExport.ms,
      sampleBytes: sampleExport.value.length,
      bigRows,
      bigExportMs: bigExport.ms,
      bigExportWithFormulasMs: bigFormulas.ms,
      bigBytes: bigExport.value.length,
      plainExceljsMs: plain.ms,
      exportToPlainRatio: Math.round((bigExport.ms / plain.ms) * 100) / 100,
      import5000RowsMs: imported.ms,
      import5000RowsRead: importedRows,
      import5000RowsTemplateDetected: imported.value.ok ? imported.value.report.templateId : null,
      importGoalMs: 2000,
      importWithinGoal: imported.ms <= 2000,
    }),
  );
}

void main();
