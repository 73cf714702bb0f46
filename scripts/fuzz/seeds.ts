import ExcelJS from 'exceljs';
import { serializeDocumentBytes } from '../../core/file';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { docFor } from '../../core/testing/builders';
import { exportXlsx } from '../../core/xlsx/export-xlsx';
import type { TargetName } from './targets';
import { DATA_MARKER } from './mutate-zip';
import { DATA_SHEET_NAME } from '../../core/xlsx/data-sheet';

/** Valid starting files for each target, made by the app's own code (no copied blobs). */
const CODES: [string, string][] = [
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
];

export async function makeSeeds(): Promise<Record<TargetName, Uint8Array[]>> {
  const sample = createSampleDocument();
  const sampleSet = getBuiltinTemplateSet(sample.meta.templateId)!;
  const unit2021 = docFor('xj-unit-2021-9', { unitName: '测试县医疗保障局' });
  const set2021 = getBuiltinTemplateSet('xj-unit-2021-9')!;

  const codes = new ExcelJS.Workbook();
  const sheet = codes.addWorksheet('功能分类科目');
  sheet.addRow(['科目编码', '科目名称']);
  for (const row of CODES) sheet.addRow(row);
  const codesXlsx = new Uint8Array(await codes.xlsx.writeBuffer());

  return {
    document: [serializeDocumentBytes(sample), serializeDocumentBytes(unit2021)],
    workbook: [await exportXlsx(sample, sampleSet), await exportXlsx(unit2021, set2021)],
    codesXlsx: [codesXlsx],
    codesCsv: [new TextEncoder().encode(`\uFEFF编码,名称\r\n${CODES.map(([c, n]) => `${c},"${n}"`).join('\r\n')}\r\n`)],
  };
}

/**
 * Our own export of the sample with its hidden data sheet holding only a marker, and the real payload JSON: the
 * fuzzer writes hostile payloads where the marker is (mutateDataSheet), without re-writing the workbook each time.
 */
export async function makeDataSheetSeed(): Promise<{ template: Uint8Array; payloadJson: string }> {
  const sample = createSampleDocument();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportXlsx(sample, getBuiltinTemplateSet(sample.meta.templateId)!)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
  let payloadJson = '';
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(`A${r}`).value;
    if (typeof v === 'string') payloadJson += v;
    ws.getCell(`A${r}`).value = r === 2 ? DATA_MARKER : null;
  }
  return { template: new Uint8Array(await wb.xlsx.writeBuffer()), payloadJson };
}
