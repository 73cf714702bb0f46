import { describe, expect, it } from 'vitest';
import { exportInWorker, importXlsxInWorker, runInWorker } from './run-in-worker';
import { lyingZipBomb } from '../../core/xlsx/zip/hostile-zips';
import { expenditureTable2024, workbookBytes } from '../../core/xlsx/testing/workbook-builders';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { createDocument } from '../../core/document/create';

describe('CLI worker thread', () => {
  it('imports a workbook in the worker (tsx loads the TypeScript body) and reports progress', async () => {
    const bytes = await workbookBytes([expenditureTable2024([['208', null, null, '社会保障和就业支出', 10, 6, 4]])]);
    const stages: string[] = [];
    const r = await importXlsxInWorker(bytes, { meta: { year: 2024 } }, { onProgress: (_d, _t, stage) => stages.push(stage) });
    expect(r.ok).toBe(true);
    expect(stages.length).toBeGreaterThan(0);
  });

  it('a lying zip bomb ends in the Chinese message, not a crash', async () => {
    const r = await importXlsxInWorker(lyingZipBomb());
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('工作簿解压后超过') });
  });

  it('a worker that runs out of its heap is reported in Chinese', async () => {
    const r = await runInWorker('importXlsx', { bytes: new Uint8Array(), options: {} }, { entry: new URL('./testing/oom-thread.mjs', import.meta.url), maxOldGenerationSizeMb: 16 });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('内存超过上限（16 MB）') });
  });

  it('exports xlsx and docx in the worker', async () => {
    const template = getBuiltinTemplateSet('xj-dept-2024-11');
    if (!template) throw new Error('no built-in set');
    const doc = createDocument(template, { unitName: '测试局', year: 2024 });
    const xlsx = await exportInWorker('xlsx', doc, template);
    const docx = await exportInWorker('docx', doc, template);
    expect(xlsx.ok && xlsx.bytes[0] === 0x50).toBe(true);
    expect(docx.ok && docx.bytes[0] === 0x50).toBe(true);
  });
});
