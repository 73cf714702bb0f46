import { describe, expect, it } from 'vitest';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { checkDocument } from '../checks/check-document';
import { MAX_TEXT_LENGTH } from '../document/clean-text';
import { exportXlsx } from '../xlsx/export-xlsx';
import { exportDocx } from '../docx/export-docx';
import { parseDocument, serializeDocument } from './index';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;

/** The sample as file text, with `value` spliced in at a place `edit` chooses (raw text, so any nesting fits). */
function fileWith(edit: (raw: Record<string, unknown>) => void, splice?: { marker: string; text: string }): string {
  const raw = JSON.parse(serializeDocument(createSampleDocument())) as Record<string, unknown>;
  edit(raw);
  const text = JSON.stringify(raw);
  return splice ? text.replace(JSON.stringify(splice.marker), splice.text) : text;
}

const deep = (n: number, open = '[', close = ']') => open.repeat(n) + close.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe('file load: deep JSON anywhere answers in Chinese', () => {
  const places: [string, (raw: Record<string, unknown>) => void][] = [
    ['inputs', (raw) => ((raw.inputs as Record<string, unknown>).deep = '@@DEEP@@')],
    ['meta', (raw) => ((raw.meta as Record<string, unknown>).unitName = '@@DEEP@@')],
    ['priorYear', (raw) => ((raw.priorYear as Record<string, unknown>)['income.gpb'] = '@@DEEP@@')],
    ['a row', (raw) => (((raw.tables as Record<string, { rows: Record<string, unknown>[] }>).t3.rows[0]).name = '@@DEEP@@')],
    ['the top level', (raw) => (raw.extra = '@@DEEP@@')],
  ];
  for (const [where, edit] of places) {
    for (const [kind, text] of [['arrays', deep(100_000)], ['objects', deepObject(100_000)]] as const) {
      it(`100,000 nested ${kind} in ${where}`, () => {
        const r = parseDocument(fileWith(edit, { marker: '@@DEEP@@', text }));
        expect(r).toEqual({ ok: false, message: expect.stringMatching(/^无法读取文件：文件中的数据嵌套超过 64 层/) });
      });
    }
  }

  it('a real document nests far less than the limit and still opens', () => {
    const r = parseDocument(fileWith((raw) => ((raw.inputs as Record<string, unknown>).nested = JSON.parse(deep(30)))));
    expect(r.ok).toBe(true);
  });
});

describe('file load cleans texts', () => {
  it('VT, FF and CR become line breaks; NUL, U+FFFE, U+FFFF are dropped; a lone surrogate becomes U+FFFD', () => {
    const r = parseDocument(fileWith((raw) => {
      (raw.meta as Record<string, unknown>).unitName = '若羌县\u000b医疗\u0000保障局\ufffe\uffff';
      (raw.inputs as Record<string, unknown>)['overview.duties'] = ['一\r\n二\u000c三', '\ud800'];
      (raw.tables as Record<string, { rows: Record<string, unknown>[]; note?: string }>).t3.note = '注：\r本表';
    }));
    if (!r.ok) throw new Error(r.message);
    expect(r.doc.meta.unitName).toBe('若羌县\n医疗保障局');
    expect(r.doc.inputs['overview.duties']).toEqual(['一\n二\n三', '\ufffd']);
    expect(r.doc.tables.t3.note).toBe('注：\n本表');
  });
});

describe('a 2,000,000-character unit name', () => {
  const huge = '若'.repeat(2_000_000);
  const load = () => {
    const r = parseDocument(fileWith((raw) => ((raw.meta as Record<string, unknown>).unitName = huge)));
    if (!r.ok) throw new Error(r.message);
    return r.doc;
  };

  it('is loaded as it is and flagged by a 错误 naming the field', () => {
    const doc = load();
    expect(doc.meta.unitName).toHaveLength(2_000_000);
    const found = checkDocument(doc, template).filter((f) => f.rule === 'text.too-long');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toBe(`单位名称有 2000000 个字符，超过了 Excel 单元格最多 ${MAX_TEXT_LENGTH} 个字符的限制，请删减到 ${MAX_TEXT_LENGTH} 个字符以内`);
  });

  it('refuses both exports in Chinese, naming the field, so it never reaches an xlsx cell', async () => {
    const doc = load();
    await expect(exportXlsx(doc, template)).rejects.toThrow(/^无法导出：单位名称（2000000 个字符）超过了 Excel 单元格最多 32767 个字符的限制/);
    await expect(exportDocx(doc, template)).rejects.toThrow(/^无法导出：单位名称（2000000 个字符）/);
  });

  it('a text of exactly 32,767 characters is fine', () => {
    const doc = createSampleDocument();
    doc.meta.unitName = 'a'.repeat(MAX_TEXT_LENGTH);
    expect(checkDocument(doc, template).some((f) => f.rule === 'text.too-long')).toBe(false);
  });
});
