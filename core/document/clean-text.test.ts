import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanJsonTexts, cleanText, isXmlSafe, MAX_TEXT_LENGTH, needsCleaning, stripXmlUnsafe, tooLongMessage } from './clean-text';

describe('cleanText', () => {
  it('maps VT and FF to a line break, CRLF and CR to LF', () => {
    expect(cleanText('a\u000bb\u000cc\r\nd\re')).toBe('a\nb\nc\nd\ne');
  });

  it('keeps TAB and LF, drops the other C0 controls, U+FFFE and U+FFFF', () => {
    expect(cleanText('a\tb\nc\u0000\u0001\u0008\u000e\u001f\ufffe\uffffd')).toBe('a\tb\ncd');
  });

  it('replaces an unpaired surrogate by U+FFFD and keeps a pair', () => {
    expect(cleanText('a\ud800b\udc00c😀')).toBe('a\ufffdb\ufffdc😀');
  });

  it('returns a clean text unchanged (the same string)', () => {
    const s = '若羌县医疗保障局 2024年';
    expect(cleanText(s)).toBe(s);
    expect(needsCleaning(s)).toBe(false);
  });

  it('property: the result is always XML-safe and cleaning twice changes nothing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const c = cleanText(s);
      expect(isXmlSafe(c)).toBe(true);
      expect(cleanText(c)).toBe(c);
    }));
  });

  it('stripXmlUnsafe leaves markup alone and removes only what XML cannot carry', () => {
    expect(stripXmlUnsafe('<w:t>a\u000bb\uffff</w:t>')).toBe('<w:t>ab</w:t>');
  });
});

describe('cleanJsonTexts', () => {
  it('cleans every string of a structured input in place, without recursion', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const value = { list: ['一\u000b二'], deep };
    cleanJsonTexts(value);
    expect(value.list).toEqual(['一\n二']);
    let inner: unknown = value.deep;
    while (Array.isArray(inner)) inner = inner[0];
    expect(inner).toBe('x');
  });
});

describe('tooLongMessage', () => {
  it('names the field, its length and the limit', () => {
    expect(tooLongMessage('单位名称', 40_000)).toBe(`单位名称有 40000 个字符，超过了 Excel 单元格最多 ${MAX_TEXT_LENGTH} 个字符的限制，请删减到 ${MAX_TEXT_LENGTH} 个字符以内`);
  });
});
