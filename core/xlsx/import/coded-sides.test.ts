import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../document/document';
import { cloneDocument } from '../../document/document';
import { createFinalSampleDocument, finalSampleSet } from '../../sample/final-sample';
import { randomFinalDocument } from '../../testing/final-random';
import { exportXlsx } from '../export-xlsx';
import { importXlsx, type ImportXlsxOptions } from '../import-xlsx';
import { formatImportReport } from './import-report';
import { workbookBytes } from '../testing/workbook-builders';
import { diffDocuments, formatDifference, importErrors } from '../testing/document-diff';
import { describeVariant, printsBlankZero, printsYear, writeLayout, type LayoutVariant } from '../testing/layouts';

/**
 * The 决算 set's 表6 prints two coded lists side by side (人员经费 codes, names and figures on the left, 公用经费 on the
 * right, each list's total on the last line). Its own export imports back to the identical document, and the same
 * document in other layouts (split or combined codes, code and name in one cell, blank rows and columns, one list)
 * imports to the same figures.
 */

const set = finalSampleSet();

describe('决算 export → import', () => {
  it('gives back the identical sample document, 表6 both lists included, with no warning', async () => {
    const doc = createFinalSampleDocument();
    const result = await importXlsx(await exportXlsx(doc, set));
    if (!result.ok) throw new Error(result.message);
    expect(result.report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.document).toEqual(doc);
  });

  it('reports the code columns of both lists', async () => {
    const result = await importXlsx(await exportXlsx(createFinalSampleDocument(), set));
    if (!result.ok) throw new Error(result.message);
    const t6 = result.report.tables.find((t) => t.table === 't6')!;
    expect(t6.codeColumns).toBe('两栏：人员经费栏编码在 A 列（合并编码），公用经费栏编码在 D 列（合并编码）');
    expect(formatImportReport(result.report)).toContain(t6.codeColumns);
  });

  it('gives back the identical random 决算 documents', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const doc = randomFinalDocument(seed);
      const result = await importXlsx(await exportXlsx(doc, set));
      if (!result.ok) throw new Error(`${seed}: ${result.message}`);
      expect(result.report.issues.filter((i) => i.severity === 'error'), `seed ${seed}`).toEqual([]);
      expect(result.document, `seed ${seed}`).toEqual(doc);
    }
  });
});

/** Writes `doc` in `variant`, imports it, and lists every import error and every difference from the document. */
async function roundTrip(doc: BudgetDocument, variant: LayoutVariant): Promise<string[]> {
  const bytes = await writeLayout(doc, set, variant);
  // The 决算 titles print no 部门/单位 word, so the kind is the officer's answer, as for any such workbook.
  const options: ImportXlsxOptions = { meta: { entityKind: doc.meta.entityKind } };
  if (variant.unit === '元') options.yuan = true;
  if (!printsYear(variant)) options.fileName = `${doc.meta.unitName}${doc.meta.year}年部门决算公开表.xlsx`;
  const result = await importXlsx(bytes, options);
  if (!result.ok) return [`import refused: ${result.message}`];
  if (result.report.templateId !== set.id) return [`detected ${result.report.templateId}`];
  const differences = diffDocuments(doc, result.document, set, { blankZero: printsBlankZero(variant, set) });
  return [...importErrors(result.report), ...differences.map(formatDifference)];
}

const variants: LayoutVariant[] = [
  {},
  { codes: 'combined', zeros: 'zero' },
  { codes: 'split2021' },
  { codes: 'codeName', nameColumn: false },
  { codes: 'bracketName' },
  { blankRows: true, blankColumns: true },
  { headerText: 'spaced', amounts: 'text' },
  { headerText: 'wrapped', unit: '元' },
  { sheets: 'oneSheet', shuffle: 3 },
  { oneList: true },
  { oneList: true, codes: 'combined', blankColumns: true },
];

describe('决算 表6 in published layouts imports the same', () => {
  const documents: [string, () => BudgetDocument][] = [
    ['sample', createFinalSampleDocument],
    ['random #4', () => randomFinalDocument(4)],
    ['random #11', () => randomFinalDocument(11)],
  ];
  for (const [name, make] of documents) {
    for (const variant of variants) {
      it(`${name}: ${describeVariant(variant)}`, async () => {
        expect(await roundTrip(make(), variant)).toEqual([]);
      });
    }
  }
});

describe('决算 表6 as printed', () => {
  it('keeps a printed subtotal that is not the sum of its 款 (the rules say so, the import does not recompute)', async () => {
    const doc = cloneDocument(createFinalSampleDocument());
    const row = doc.tables.t6.rows.find((r) => r.id === '302')!;
    row.values.public = (row.values.public ?? 0) + 1;
    const total = doc.tables.t6.rows.find((r) => r.id === 'total')!;
    total.values.personnel = (total.values.personnel ?? 0) - 5;
    expect(await roundTrip(doc, {})).toEqual([]);
  });

  it('reads a lone 表6 with its codes on both lists, a 款 on the wrong list by its code (said), a blank right side', async () => {
    const bytes = await workbookBytes([{
      top: [['表6'], ['一般公共预算财政拨款基本支出决算表'], ['编制部门：测试馆', null, null, null, null, '单位：万元']],
      header: [['人员经费', null, null, '公用经费'], ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数']],
      merges: ['A4:C4', 'D4:F4'],
      body: [
        ['301', '工资福利支出', 10, '302', '商品和服务支出', 4],
        ['30101', '基本工资', 10, '30201', '办公费', 3],
        ['30299', '其他商品和服务支出', 1, null, null, null],
        [null, '人员经费合计', 11, null, '公用经费合计', 4],
      ],
    }]);
    const result = await importXlsx(bytes, { templateId: set.id, meta: { year: 2024 } });
    if (!result.ok) throw new Error(result.message);
    const rows = result.document.tables.t6.rows;
    expect(rows.map((r) => [r.id, r.values])).toEqual([
      // 302's 人员经费 is printed nowhere, so it is computed from its 款 (and listed in the report).
      ['301', { personnel: 1000 }], ['30101', { personnel: 1000 }], ['302', { personnel: 100, public: 400 }], ['30201', { public: 300 }],
      ['30299', { personnel: 100 }], ['total', { personnel: 1100, public: 400 }],
    ]);
    const t6 = result.report.issues.filter((i) => i.table === 't6' && i.severity !== 'info').map((i) => i.message);
    expect(t6).toEqual(['科目“30299”列在“人员经费”一侧，按其编码应列在另一侧，已按编码导入']);
  });
});
