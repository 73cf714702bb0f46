import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv';

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
