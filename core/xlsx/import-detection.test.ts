import { describe, expect, it } from 'vitest';
import { cloneDocument } from '../document/document';
import { createSampleDocument } from '../sample/sample-inputs';
import { builtinTemplateSets } from '../template/registry';
import { parseTemplateSet } from '../template/validate-set';
import type { TemplateSet } from '../template/template.schema';
import { setFor } from '../testing/builders';
import { unitDocument2021 } from '../testing/unit-2021';
import { formatImportReport, importXlsx } from './import-xlsx';
import { writeLayout } from './testing/layouts';

/**
 * The import says which template set it chose and why, and tells apart the sets that look alike: the 2021 9-table
 * set and its 表七-by-economic-类 variant, the 2024 11-table set, and a bureau's own set.
 */
async function detect(doc: ReturnType<typeof createSampleDocument>, set: TemplateSet, templates?: TemplateSet[]) {
  const bytes = await writeLayout(doc, set, {});
  const r = await importXlsx(bytes, { ...(templates ? { templates } : {}), fileName: `${doc.meta.year}年.xlsx` });
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

/** A bureau's set: the 2024 set with its own 三公 table title and one more column there. */
function bureauSet(): TemplateSet {
  const base = structuredClone(setFor('xj-dept-2024-11'));
  base.id = 'bureau-sangong-2024';
  base.name = '某县财政局 部门预算公开（三公表含机关运行经费）';
  const t10 = base.tables.find((t) => t.id === 't10')!;
  t10.title = '{主体}“三公”经费及机关运行经费预算表';
  t10.columns.push({ id: 'operating', header: ['机关运行经费'], kind: 'amount' });
  const r = parseTemplateSet(base);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.set;
}

describe('template detection', () => {
  it('the 2024 sample → the 11-table set, with the reason and every candidate scored', async () => {
    const report = await detect(createSampleDocument(), setFor('xj-dept-2024-11'));
    expect(report.templateId).toBe('xj-dept-2024-11');
    expect(report.detection?.reason).toContain('找到 11 张表中的 11 张');
    expect(report.detection?.candidates.map((c) => c.id).sort()).toEqual(builtinTemplateSets().map((s) => s.id).sort());
    expect(formatImportReport(report)).toContain('按表名与表头识别为“');
  });

  it('the 2021 9-table set and its 表七-by-economic-类 variant are told apart by 表七', async () => {
    const plain = await detect(unitDocument2021('xj-unit-2021-9'), setFor('xj-unit-2021-9'));
    expect(plain.templateId).toBe('xj-unit-2021-9');
    const econ = await detect(unitDocument2021('xj-unit-2021-9-econ'), setFor('xj-unit-2021-9-econ'));
    expect(econ.templateId).toBe('xj-unit-2021-9-econ');
    expect(econ.detection?.reason).toMatch(/表七的 \d+ 个金额列全部对应/);
    expect(econ.detection?.reason).toContain('其次是“');
  });

  it('a bureau set loaded in the app is recognised by its own table', async () => {
    const bureau = bureauSet();
    const doc = cloneDocument(createSampleDocument());
    doc.meta.templateId = bureau.id;
    const report = await detect(doc, bureau, [...builtinTemplateSets(), bureau]);
    expect(report.templateId).toBe(bureau.id);
    expect(report.detection?.reason).toContain(bureau.name);
  });
});
