import { describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../core/ipc/contract';
import { expenditureTable2024, workbookBytes, type TestCell } from '../../core/xlsx/testing/workbook-builders';
import { importMapKey, importWorkbook, type ImportDeps } from './import-workbook';
import type { MappingAnswer } from './MappingDialog';

const BODY: TestCell[][] = [
  ['208', null, null, '社会保障和就业支出', 59.57, 59.57, null],
  ['208', '05', null, '行政事业单位养老支出', 59.57, 59.57, null],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 59.57, 59.57, null],
  [null, null, null, '合计', 59.57, 59.57, null],
];

function fakeDeps(answer: (labels: MappingAnswer['label'][]) => MappingAnswer[] | null = () => null, year: number | null = null) {
  const settings = new Map<string, JsonValue>();
  const askYear = vi.fn(async () => year);
  const askMapping = vi.fn(async (_file: string, unmatched: readonly MappingAnswer['label'][]) => answer([...unmatched]));
  const deps: ImportDeps = {
    host: {
      getSetting: async (key) => settings.get(key) ?? null,
      setSetting: async ({ key, value }) => void (value === null ? settings.delete(key) : settings.set(key, value)),
    },
    prompts: { askYear, askMapping },
  };
  return { deps, settings, askYear, askMapping };
}

const file = (name: string, bytes: Uint8Array) => ({ path: name, name, bytes });
const basicOf = (doc: { tables: Record<string, { rows: { id: string; values: Record<string, number> }[] }> }) =>
  doc.tables.t3!.rows.find((r) => r.id === '2080505')?.values.basic;

async function unknownColumnWorkbook(): Promise<Uint8Array> {
  const table = expenditureTable2024(BODY, { sheet: '2024年' });
  table.header = table.header.map((row) => row.map((c) => (c === '基本支出' ? '人员及公用经费' : c)));
  return workbookBytes([table]);
}

describe('importWorkbook', () => {
  it('asks the year when the workbook names none and imports with it; cancelling imports nothing', async () => {
    const bytes = await workbookBytes([expenditureTable2024(BODY, { compiler: '无年度测试局' })]);
    const cancelled = fakeDeps();
    await expect(importWorkbook(file('支出表.xlsx', bytes), cancelled.deps)).resolves.toEqual({ kind: 'cancelled' });
    expect(cancelled.askYear).toHaveBeenCalledWith('支出表.xlsx');

    const answered = fakeDeps(() => null, 2023);
    const outcome = await importWorkbook(file('支出表.xlsx', bytes), answered.deps);
    if (outcome.kind !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.document.meta).toMatchObject({ year: 2023, unitName: '无年度测试局' });
  });

  it('takes the year from the file name without asking', async () => {
    const bytes = await workbookBytes([expenditureTable2024(BODY)]);
    const { deps, askYear } = fakeDeps();
    const outcome = await importWorkbook(file('2022年部门预算.xlsx', bytes), deps);
    if (outcome.kind !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.document.meta.year).toBe(2022);
    expect(askYear).not.toHaveBeenCalled();
  });

  it('asks where an unknown column belongs, remembers the answer, and does not ask again', async () => {
    const bytes = await unknownColumnWorkbook();
    const { deps, settings, askMapping } = fakeDeps((labels) => labels.map((label) => ({ label, target: 'basic' })));
    const first = await importWorkbook(file('2024年支出表.xlsx', bytes), deps);
    if (first.kind !== 'imported') throw new Error(JSON.stringify(first));
    expect(askMapping).toHaveBeenCalledTimes(1);
    expect(askMapping.mock.calls[0]![1].map((u) => u.label)).toEqual([expect.stringContaining('人员及公用经费')]);
    expect(first.answered).toBe(1);
    expect(basicOf(first.result.document)).toBe(5957);
    const templateId = first.result.report.templateId;
    expect(settings.get(importMapKey(templateId))).toMatchObject({ template: templateId, columns: { t3: expect.any(Object) } });

    const second = await importWorkbook(file('2024年支出表.xlsx', bytes), deps);
    if (second.kind !== 'imported') throw new Error(JSON.stringify(second));
    expect(askMapping).toHaveBeenCalledTimes(1);
    expect(second.answered).toBe(0);
    expect(basicOf(second.result.document)).toBe(5957);
  });

  it('忽略 is remembered too; a damaged stored map counts as no answers; cancelling the mapping imports nothing', async () => {
    const bytes = await unknownColumnWorkbook();
    const ignoring = fakeDeps((labels) => labels.map((label) => ({ label, target: null })));
    const first = await importWorkbook(file('2024年.xlsx', bytes), ignoring.deps);
    if (first.kind !== 'imported') throw new Error(JSON.stringify(first));
    expect(basicOf(first.result.document)).toBeUndefined();
    await importWorkbook(file('2024年.xlsx', bytes), ignoring.deps);
    expect(ignoring.askMapping).toHaveBeenCalledTimes(1);

    const damaged = fakeDeps();
    damaged.settings.set(importMapKey(first.result.report.templateId), { template: 42 });
    await expect(importWorkbook(file('2024年.xlsx', bytes), damaged.deps)).resolves.toEqual({ kind: 'cancelled' });
    expect(damaged.askMapping).toHaveBeenCalledTimes(1);
  });

  it('still imports when the answers cannot be remembered, and says why', async () => {
    const bytes = await unknownColumnWorkbook();
    const { deps } = fakeDeps((labels) => labels.map((label) => ({ label, target: 'basic' })));
    deps.host.setSetting = async () => Promise.reject(new Error('设置未能保存：磁盘空间不足。'));
    const outcome = await importWorkbook(file('2024年.xlsx', bytes), deps);
    if (outcome.kind !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(outcome.saveError).toContain('磁盘空间不足');
    expect(basicOf(outcome.result.document)).toBe(5957);
  });
});

describe('importWorkbook through a worker', () => {
  it('a pass cancelled in the progress dialog ends the dialogue as cancelled; a dead worker as failed', async () => {
    const { deps, askYear } = fakeDeps();
    const cancelled = await importWorkbook(file('a.xlsx', new Uint8Array([1])), { ...deps, importer: async () => ({ ok: false, cancelled: true, message: '已取消' }) });
    expect(cancelled).toEqual({ kind: 'cancelled' });
    const died = await importWorkbook(file('a.xlsx', new Uint8Array([1])), { ...deps, importer: async () => ({ ok: false, message: '后台处理意外中止' }) });
    expect(died).toEqual({ kind: 'failed', message: '后台处理意外中止' });
    expect(askYear).not.toHaveBeenCalled();
  });

  it('cancelling the second pass (after the year was asked) imports nothing', async () => {
    const bytes = await workbookBytes([expenditureTable2024(BODY, { compiler: '无年度测试局' })]);
    const { deps } = fakeDeps(() => null, 2023);
    const { importXlsx } = await import('../../core/xlsx/import-xlsx');
    let passes = 0;
    const r = await importWorkbook(file('b.xlsx', bytes), {
      ...deps,
      importer: async (b, options) => (++passes === 1 ? { ok: true, value: await importXlsx(b, options) } : { ok: false, cancelled: true, message: '已取消' }),
    });
    expect(r).toEqual({ kind: 'cancelled' });
    expect(passes).toBe(2);
  });
});
