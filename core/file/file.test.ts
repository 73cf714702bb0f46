import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { createDocument } from '../document/create';
import { cloneDocument, FILE_EXTENSION } from '../document/document';
import { parseDocument, serializeDocument, serializeDocumentBytes, encodeUtf8, decodeUtf8 } from './index';
import { MIGRATIONS } from './migrations';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const sampleText = () => serializeDocument(createSampleDocument());
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary paths of raw JSON
const mutate = (f: (raw: any) => void): string => {
  const raw = JSON.parse(sampleText());
  f(raw);
  return JSON.stringify(raw);
};
const message = (input: string | Uint8Array) => {
  const r = parseDocument(input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
};

describe('serialize / parse', () => {
  it('round-trips the sample exactly, bytes stable whatever the edit order', () => {
    const doc = createSampleDocument();
    const bytes = serializeDocumentBytes(doc);
    const r = parseDocument(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc).toEqual(doc);
    expect(r.template.id).toBe('xj-dept-2024-11');
    const shuffled = cloneDocument(doc);
    for (const t of Object.values(shuffled.tables)) for (const row of t.rows) row.values = Object.fromEntries(Object.entries(row.values).reverse());
    shuffled.tables = Object.fromEntries(Object.entries(shuffled.tables).reverse());
    expect(serializeDocument(shuffled)).toBe(serializeDocument(doc));
    expect(serializeDocument(doc)).toMatch(/^\{\n {2}"format": "budget-disclosure",\n {2}"version": 2,/);
    expect(FILE_EXTENSION).toBe('ysgk');
  });
  it('accepts a BOM and a new empty document', () => {
    expect(parseDocument(`\ufeff${sampleText()}`).ok).toBe(true);
    const bytes = serializeDocumentBytes(createDocument(template, { unitName: '某局', year: 2025 }));
    expect(parseDocument(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])).ok).toBe(true);
  });
  it('normalizes stored zeros away', () => {
    const r = parseDocument(mutate((raw) => (raw.tables.t3.rows[0].values.basic = 0)));
    expect(r.ok && r.doc.tables.t3.rows[0].values.basic).toBe(undefined);
  });
});

describe('refuses damaged files with a Chinese message', () => {
  it.each([
    ['empty', '', '文件是空的'],
    ['not json', '{"format": "budget-disclosure", "vers', '被截断'],
    ['other json', '[1,2,3]', '这不是预算公开文件'],
    ['other format', '{"format":"xlsx"}', 'format 应为“budget-disclosure”，实际为文字“xlsx”'],
    ['newer version', '{"format":"budget-disclosure","version":7}', '文件版本 7 比本程序支持的版本 2 新'],
  ])('%s', (_name, text, expected) => {
    expect(message(text)).toContain(expected);
  });
  it('truncated at every tenth of the file', () => {
    const text = sampleText();
    for (let k = 1; k < 10; k++) expect(message(text.slice(0, Math.floor((text.length * k) / 10)))).toContain('无法读取文件');
  });
  it('garbage and non-UTF-8 bytes', () => {
    expect(message(Uint8Array.from([0xff, 0xfe, 0x00, 0x41]))).toContain('不是 UTF-8');
    expect(message(Uint8Array.from([0xd4, 0xa4, 0xcb, 0xe3]))).toContain('不是 UTF-8'); // "预算" in GBK
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const r = parseDocument(bytes);
      expect(r.ok).toBe(false);
    }));
  });
  it('wrong types, naming the path, what was expected and found', () => {
    expect(message(mutate((raw) => (raw.meta.year = '2024')))).toBe('文件内容有误：meta.year（年度）：应为数字，实际为文字“2024”');
    expect(message(mutate((raw) => delete raw.meta.unitName))).toBe('文件内容有误：meta.unitName（单位名称）：缺少此项');
    // Inside a table, the place as the officer reads it, then the path into the file.
    expect(message(mutate((raw) => (raw.tables.t3.rows[1].values.basic = 12.5)))).toBe(
      '文件内容有误：表3 第2行（20805 行政事业单位养老支出）“基本支出”（文件中的位置 tables.t3.rows[1].values.basic）：金额应为整数（以 0.01 为单位），实际为 12.5');
    expect(message(mutate((raw) => (raw.tables.t3.rows[0].values.basic = 'abc')))).toMatch(/^文件内容有误：表3 第1行（208 社会保障和就业支出）“基本支出”（文件中的位置 tables\.t3\.rows\[0\]\.values\.basic）：应为数字，实际为文字“abc”$/);
    expect(message(mutate((raw) => (raw.meta.entityKind = '公司')))).toContain('meta.entityKind（部门/单位）：应为 “部门”、“单位” 之一');
    expect(message(mutate((raw) => (raw.tables.t3.rows = {})))).toContain('表3（文件中的位置 tables.t3.rows）：应为列表');
  });
  it('a huge number', () => {
    expect(message(mutate((raw) => (raw.tables.t3.rows[1].values.basic = 1e300)))).toContain('金额应为整数');
    expect(message(sampleText().replace(/"basic": \d+/, '"basic": 1e999'))).toContain('tables.t3');
  });
  it('semantic checks against the template', () => {
    expect(message(mutate((raw) => (raw.meta.templateId = 'xj-unknown')))).toContain('未知的模板“xj-unknown”；本程序内置的模板有：xj-dept-2024-11');
    expect(message(mutate((raw) => (raw.tables.t12 = { rows: [] })))).toContain('tables.t12：模板');
    expect(message(mutate((raw) => delete raw.tables.t5))).toContain('tables.t5：缺少表5');
    expect(message(mutate((raw) => raw.tables.t3.rows.push({ ...raw.tables.t3.rows[0] })))).toMatch(/tables\.t3\.rows\[\d+\]\.id：表3中行“\d+”重复出现/);
    expect(message(mutate((raw) => (raw.tables.t3.rows[0].values.foo = 1)))).toBe('文件内容有误：tables.t3.rows[0].values.foo：表3没有金额列“foo”（应为 total、basic、project 之一）');
    expect(message(mutate((raw) => (raw.tables.t10.rows[1].id = 'x')))).toContain('表10是固定行表，没有行“x”');
    expect(message(mutate((raw) => raw.tables.t10.rows.pop()))).toContain('表10缺少固定行');
  });
});

describe('migrations', () => {
  it('runs vN→vN+1 steps before validation (fake v0)', () => {
    const v0 = mutate((raw) => {
      raw.version = 0;
      raw.meta.name = raw.meta.unitName; // v0 called it "name"
      delete raw.meta.unitName;
    });
    expect(message(v0)).toContain('缺少从版本 0 到 1 的转换');
    const r = parseDocument(v0, {
      migrations: {
        ...MIGRATIONS,
        0: (raw) => {
          const meta = raw.meta as Record<string, unknown>;
          meta.unitName = meta.name;
          delete meta.name;
          return raw;
        },
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc).toEqual(createSampleDocument());
  });
});

describe('utf8', () => {
  it('encodes and decodes like the platform', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(Buffer.from(encodeUtf8(s)).toString('utf8')).toBe(s);
      expect(decodeUtf8(Uint8Array.from(Buffer.from(s, 'utf8')))).toBe(s);
    }));
  });
});
