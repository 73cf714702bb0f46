import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BudgetDocument } from '../document/document';
import { cloneDocument } from '../document/document';
import { checkDocument } from '../checks/check-document';
import { createSampleDocument } from '../sample/sample-inputs';
import { setFor } from '../testing/builders';
import { unitDocument2021 } from '../testing/unit-2021';
import { importXlsx, type ImportXlsxOptions } from './import-xlsx';
import { diffDocuments, formatDifference, importErrors } from './testing/document-diff';
import { describeVariant, printsBlankZero, printsUnitName, printsYear, writeLayout, type CodeStyle, type LayoutVariant } from './testing/layouts';

/**
 * Metamorphic tests of the Excel import: the same document written in the layouts counties publish (numbering,
 * titles, code columns, synonyms, notes, 元, blank rows and columns …) must import to the same figures, blanks and
 * notes, with no import error. Each failure lists the differing cells (table · row · column: expected, got).
 */

type DocKey = '2024' | '2024+notes' | '2021' | '2021-econ';

const documents: Record<DocKey, () => BudgetDocument> = {
  '2024': createSampleDocument,
  '2024+notes': () => {
    const doc = cloneDocument(createSampleDocument());
    doc.tables.t3.note = '注：本表按支出功能分类科目列示到项级，基本支出和项目支出均为一般公共预算拨款安排。';
    doc.tables.t9.note = `备注：${doc.meta.unitName}2024年没有使用国有资本经营预算拨款安排的支出，因此表9为空表。`;
    return doc;
  },
  '2021': () => unitDocument2021('xj-unit-2021-9'),
  '2021-econ': () => unitDocument2021('xj-unit-2021-9-econ'),
};

/** Where the import learns the year when the layout prints none: the file name, or the officer's answer. */
type YearFrom = 'fileName' | 'meta';

/** Writes `key` in `variant`, imports it, and lists every import error and every difference from the original. */
async function roundTrip(key: DocKey, variant: LayoutVariant, yearFrom: YearFrom = 'fileName'): Promise<string[]> {
  const doc = documents[key]();
  const set = setFor(doc.meta.templateId);
  const bytes = await writeLayout(doc, set, variant);
  const { unitName, year, entityKind } = doc.meta;
  const options: ImportXlsxOptions = {};
  if (variant.unit === '元') options.yuan = true;
  if (!printsYear(variant)) {
    if (yearFrom === 'fileName') options.fileName = `${unitName}${year}年${entityKind}预算公开表.xlsx`;
    else options.meta = { year };
  }
  if (!printsUnitName(variant)) options.meta = { ...options.meta, unitName };
  const result = await importXlsx(bytes, options);
  if (!result.ok) return [`import refused: ${result.message}`];
  const differences = diffDocuments(doc, result.document, set, { blankZero: printsBlankZero(variant, set) });
  return [...importErrors(result.report), ...differences.map(formatDifference)];
}

interface Case {
  name: string;
  doc: DocKey;
  variant: LayoutVariant;
  yearFrom?: YearFrom;
}

const cases: Case[] = [
  // --- 2024 部门预算 (the built-in sample, 11 tables) ---
  { name: '2024 as published: a sheet per table, 表3 on its own row, 编制部门 line, 类|款|项 filled, 合计 last, zeros blank', doc: '2024', variant: {} },
  { name: 'all tables on one sheet in shuffled order, number in the title cell in Chinese numerals ("表三 部门支出总体情况表")', doc: '2024', variant: { sheets: 'oneSheet', shuffle: 7, number: 'inTitle', numerals: 'chinese' } },
  { name: 'no table numbers, year-prefixed titles ("若羌县医疗保障局2024年部门支出总体情况表"), 编制单位 line', doc: '2024', variant: { number: 'none', yearPrefix: true, compilerLine: '编制单位' } },
  { name: 'no 编制部门 line (unit name and year given by the officer), 合计 first', doc: '2024', variant: { compilerLine: 'none', total: 'first' }, yearFrom: 'meta' },
  { name: 'combined codes "2080505" beside the 科目名称 column, zeros printed 0.00', doc: '2024', variant: { codes: 'combined', zeros: 'zero' } },
  { name: 'code and name in one cell ("2080505 机关事业单位基本养老保险缴费支出"), no 科目名称 column', doc: '2024', variant: { codes: 'codeName', nameColumn: false } },
  { name: 'bracketed code with its name ("[2080505]…") and the 科目名称 column kept', doc: '2024', variant: { codes: 'bracketName' } },
  { name: 'amounts as text with thousands separators ("1,234.50"), zeros as "0.00"', doc: '2024', variant: { amounts: 'text', zeros: 'zero' } },
  { name: 'amounts in 元 (×100) under "单位：元", imported with yuan', doc: '2024', variant: { unit: '元' } },
  { name: 'letter-spaced headers ("科 目 编 码", "合  计") in officers\' wordings (科目名称, 财政拨款收入, 因公出国(境)费, 合计 for 金额)', doc: '2024', variant: { headerText: 'spaced', synonyms: true } },
  { name: 'headers wrapped inside the cell ("功能分类\\n科目编码")', doc: '2024', variant: { headerText: 'wrapped' } },
  { name: 'blank rows inside the body, blank columns at the left and between column groups', doc: '2024', variant: { blankRows: true, blankColumns: true } },
  { name: 'notes: "注：…" as the last row inside 表3, "备注：…因此表9为空表。" under the empty 表9 printed as a header only', doc: '2024+notes', variant: { notes: 'mixed', emptyTables: 'headerOnly' } },
  { name: '2021-style column-number row ("** ** ** ** 1 2 3") in a 2024 workbook', doc: '2024', variant: { columnNumbers: true } },
  { name: '表1 收入 labels in other wordings (一般财力, （一）一般公共预算拨款, 收入总计)', doc: '2024', variant: { incomeSynonyms: true } },
  // --- 2021 单位预算 (9 tables) ---
  { name: '2021 as published: 表一 numbering, 类 blank on 款 rows, 合计 first, column-number row, 0.00, note under the header-only 表九', doc: '2021', variant: { codes: 'split2021', emptyTables: 'headerOnly' } },
  { name: '2021 with 类 blank on 款 rows and 款 blank on 项 rows, all tables on one sheet, 合计 last', doc: '2021', variant: { codes: 'splitSparse', sheets: 'oneSheet', total: 'last' } },
  { name: '2021 表一 收入 labels as other releases word them ("财政专户（教育收费）", "财政拨款收入"), note inside 表九\'s grid', doc: '2021', variant: { codes: 'split2021', incomeSynonyms: true, notes: 'inBody' } },
  { name: '2021 with zeros blank, combined codes, no year printed (given by the officer)', doc: '2021', variant: { zeros: 'blank', codes: 'combined' }, yearFrom: 'meta' },
  // --- 2021 单位预算, 表七 by economic 类 ---
  { name: '表七 by economic 类: 科目编码(类/款/项) · 科目名称 · 项目名称 · 项目支出合计 · …, subtotal rows above the projects, 合计 last; 备注 under the empty 三公 table', doc: '2021-econ', variant: { projectsByEconClass: true } },
  { name: '表七 by economic 类 with "[2089999]…" code cells and no 科目名称 column, in 元 as text', doc: '2021-econ', variant: { projectsByEconClass: true, codes: 'bracketName', nameColumn: false, unit: '元', amounts: 'text' } },
  { name: 'econ set with 表七 as the template prints it (类 blank on 款 rows, 合计 on top), year-prefixed titles', doc: '2021-econ', variant: { codes: 'split2021', yearPrefix: true } },
];

describe('the test documents', () => {
  it.each(Object.keys(documents) as DocKey[])('%s has no 错误 under its own rules', (key) => {
    const doc = documents[key]();
    const errors = checkDocument(doc, setFor(doc.meta.templateId)).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toEqual([]);
  });
});

describe('import of the same document in published layouts', () => {
  for (const c of cases) {
    it(`${c.doc}: ${c.name}`, async () => {
      expect(await roundTrip(c.doc, c.variant, c.yearFrom)).toEqual([]);
    });
  }
});

// --- random combinations ------------------------------------------------------------------------------------

const CODE_STYLES: CodeStyle[] = ['split', 'split2021', 'splitSparse', 'combined', 'codeName', 'bracketName'];

const combination = fc
  .record({
    doc: fc.constantFrom<DocKey>('2024', '2024+notes', '2021', '2021-econ'),
    sheets: fc.constantFrom('perTable' as const, 'oneSheet' as const),
    shuffle: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    number: fc.constantFrom('ownRow' as const, 'inTitle' as const, 'none' as const),
    numerals: fc.constantFrom('template' as const, 'arabic' as const, 'chinese' as const),
    yearPrefix: fc.boolean(),
    compilerLine: fc.constantFrom('编制部门' as const, '编制单位' as const, 'none' as const),
    total: fc.constantFrom('template' as const, 'first' as const, 'last' as const),
    codes: fc.constantFrom(...CODE_STYLES),
    nameColumn: fc.boolean(),
    projectsByEconClass: fc.boolean(),
    notes: fc.constantFrom('under' as const, 'inBody' as const, 'mixed' as const),
    emptyNote: fc.constantFrom('standard' as const, 'none' as const),
    emptyTables: fc.constantFrom('totalRow' as const, 'headerOnly' as const),
    columnNumbers: fc.boolean(),
    amounts: fc.constantFrom('number' as const, 'text' as const),
    unit: fc.constantFrom('万元' as const, '元' as const),
    zeros: fc.constantFrom('blank' as const, 'zero' as const),
    headerText: fc.constantFrom('plain' as const, 'spaced' as const, 'wrapped' as const),
    synonyms: fc.boolean(),
    incomeSynonyms: fc.boolean(),
    blankRows: fc.boolean(),
    blankColumns: fc.boolean(),
    yearFrom: fc.constantFrom<YearFrom>('fileName', 'meta'),
  })
  .map(({ doc, yearFrom, ...variant }) => {
    // Only combinations a release prints: no 科目名称 column needs the name in the code cell; 表七 by economic
    // 类 needs the econ set.
    const v: LayoutVariant = { ...variant };
    if (v.codes !== 'codeName' && v.codes !== 'bracketName') v.nameColumn = true;
    if (doc !== '2021-econ') v.projectsByEconClass = false;
    return { doc, variant: v, yearFrom };
  });

describe('import of random layout combinations', () => {
  // Seeded: the same 20 combinations every run, each its own test so that every failing combination is listed.
  const samples = fc.sample(combination, { seed: 20_240_218, numRuns: 20 });
  samples.forEach(({ doc, variant, yearFrom }, i) => {
    it(`combination #${i + 1}: ${doc}, ${describeVariant(variant)}, year from ${yearFrom}`, async () => {
      expect(await roundTrip(doc, variant, yearFrom)).toEqual([]);
    });
  });
});
