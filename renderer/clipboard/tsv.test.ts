import { describe, expect, it } from 'vitest';
import { clipboardBlock, parseTsv, toTsv } from './tsv';
import { textEditsCommand } from '../../core/commands/text-edits.command';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';

describe('parseTsv', () => {
  it('splits a plain block with a trailing CRLF', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
  });
  it('accepts LF line ends and no trailing break', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
  });
  it('keeps empty cells, including trailing ones', () => {
    expect(parseTsv('\t2\t\r\n')).toEqual([['', '2', '']]);
  });
  it('reads quoted multi-line cells and doubled quotes', () => {
    expect(parseTsv('"第一行\r\n第二行"\t"说""明"\r\nx\ty\r\n')).toEqual([
      ['第一行\r\n第二行', '说"明'],
      ['x', 'y'],
    ]);
  });
  it('treats a quote inside an unquoted cell as text', () => {
    expect(parseTsv('5"\t6\r\n')).toEqual([['5"', '6']]);
    expect(parseTsv('"ab"c\td')).toEqual([['"ab"c', 'd']]);
  });
  it('reads a single cell', () => {
    expect(parseTsv('12.5')).toEqual([['12.5']]);
    expect(parseTsv('')).toEqual([]);
  });
  it('round-trips through toTsv', () => {
    const block = [['1', 'a\tb'], ['"q"', '多\n行']];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});

describe('clipboardBlock: what a paste may bring is bounded and cleaned', () => {
  it('refuses more characters than the limit, in Chinese, without parsing', () => {
    const r = clipboardBlock('1\t2\r\n', { maxChars: 4, maxCells: 100 });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^剪贴板中的内容过大.*请分批复制后粘贴/) });
  });

  it('refuses more cells than the limit (200,000 by default)', () => {
    const text = '1\t'.repeat(200_001);
    const r = clipboardBlock(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('单元格过多');
    expect(clipboardBlock('1\t2\r\n3\t4\r\n', { maxChars: 100, maxCells: 4 }).ok).toBe(true);
    expect(clipboardBlock('1\t2\r\n3\t4\t5\r\n', { maxChars: 100, maxCells: 4 }).ok).toBe(false);
  });

  it('cleans each cell: a VT inside a cell is a line break in that cell, not a new row; U+FFFF and NUL dropped', () => {
    expect(clipboardBlock('城乡\u000b居民\t1\u0000\uffff\r\n')).toEqual({ ok: true, block: [['城乡\n居民', '1']] });
  });

  it('a pasted name over 32,767 characters is refused by the command, naming the cell', () => {
    const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const doc = createSampleDocument();
    const r = clipboardBlock(`${'长'.repeat(40_000)}\r\n`);
    if (!r.ok) throw new Error(r.message);
    const edits = textEditsCommand(doc, template, [{ ref: { table: 't7', row: 'p1', col: 'name' }, text: r.block[0][0] }], '粘贴');
    expect(edits).toMatchObject({ ok: false, message: expect.stringMatching(/表7 第 1 个项目.*的名称有 40000 个字符.*32767/) });
  });
});
