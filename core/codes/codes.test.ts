import { describe, expect, it } from 'vitest';
import { CodeBook, checkCodes, guessClassification, parentCode, parseCodeCsv } from './index';

describe('CodeBook', () => {
  it('knows the codes of the reference releases and the confirmed ones', () => {
    const book = CodeBook.builtin();
    expect(book.name('functional', '2101501', 2024)).toBe('行政运行');
    expect(book.name('functional', '207', 2021)).toBe('文化旅游体育与传媒支出');
    expect(book.name('economic', '30217', 2024)).toBe('公务接待费');
    expect(book.name('economic', '31013', 2024)).toBe('公务用车购置');
    expect(book.name('functional', '9999999', 2024)).toBeUndefined();
    for (let c = 201; c <= 234; c++) {
      if ([218, 225, 226, 228].includes(c)) continue;
      expect(book.has('functional', String(c))).toBe(true);
    }
  });

  it('picks the name by year: exact, else latest before, else earliest after', () => {
    const book = new CodeBook();
    book.learn('functional', '207', '文化体育与传媒支出', 2018);
    book.learn('functional', '207', '文化旅游体育与传媒支出', 2019);
    expect(book.name('functional', '207', 2018)).toBe('文化体育与传媒支出');
    expect(book.name('functional', '207', 2024)).toBe('文化旅游体育与传媒支出');
    expect(book.name('functional', '207', 2010)).toBe('文化体育与传媒支出');
    expect(book.name('functional', '207')).toBe('文化旅游体育与传媒支出');
  });

  it('a new name for a year replaces the old one for that year only', () => {
    const book = new CodeBook();
    book.learn('economic', '30212', '因公出国（境）费', 2023);
    book.learn('economic', '30212', '因公出国（境）费', 2024);
    book.learn('economic', '30212', '因公出国（境）费用', 2024);
    expect(book.name('economic', '30212', 2023)).toBe('因公出国（境）费');
    expect(book.name('economic', '30212', 2024)).toBe('因公出国（境）费用');
    book.learn('economic', '30212', '因公出国（境）费用', 2023);
    expect(book.entries('economic')).toEqual([{ code: '30212', name: '因公出国（境）费用', years: [2023, 2024] }]);
  });

  it('warns about a stale name and ignores spacing and bracket width', () => {
    const book = CodeBook.builtin();
    expect(book.nameWarning('functional', '207', '文化体育与传媒支出', 2024)).toBe(
      '科目 207 的名称“文化体育与传媒支出”与2024年支出功能分类科目名称“文化旅游体育与传媒支出”不一致',
    );
    expect(book.nameWarning('functional', '207', '文化旅游体育与传媒 支出', 2024)).toBeUndefined();
    expect(book.nameWarning('economic', '30212', '因公出国(境)费用', 2024)).toBeUndefined();
    expect(book.nameWarning('functional', '2999999', '随便', 2024)).toBeUndefined();
  });

  it('learns codes from a table', () => {
    const book = new CodeBook();
    book.learnRows('functional', [{ code: '2101202', name: '财政对城乡居民基本医疗保险基金的补助' }, { name: '合计' }], 2025);
    expect(book.name('functional', '2101202', 2025)).toBe('财政对城乡居民基本医疗保险基金的补助');
    expect(book.hasYear('functional', 2025)).toBe(true);
    expect(book.hasYear('functional', 2024)).toBe(false);
  });
});

describe('checkCodes', () => {
  it('accepts a well-formed table', () => {
    expect(checkCodes(['208', '20805', '2080505', '210', '21015', '2101501'])).toEqual([]);
    expect(checkCodes(['301', '30101'], { classification: 'economic' })).toEqual([]);
  });

  it('finds every structural fault with a Chinese message', () => {
    const problems = checkCodes(['208', '20805', '2080505', '20a', '2101501', '2080', '20805'], { classification: 'functional' });
    expect(problems.map((p) => [p.kind, p.code, p.index])).toEqual([
      ['notDigits', '20a', 3], ['missingParent', '2101501', 4], ['badLength', '2080', 5], ['duplicate', '20805', 6],
    ]);
    expect(problems[0].message).toBe('支出功能分类编码“20a”只能由数字组成');
    expect(problems[1].message).toBe('编码“2101501”所属的款“21015”不在表中');
    expect(problems[2].message).toBe('支出功能分类编码“2080”是4位，不是有效的科目编码（类为3位，款为5位，项为7位）');
    expect(problems[3].message).toBe('编码“20805”重复出现');
  });

  it('economic codes have two levels', () => {
    expect(checkCodes(['302', '3021701'], { classification: 'economic' }).map((p) => p.kind)).toEqual(['badLength']);
    expect(parentCode('30217', [3, 5])).toBe('302');
    expect(parentCode('302', [3, 5])).toBeUndefined();
  });
});

describe('parseCodeCsv', () => {
  const opts = { classification: 'functional' as const, year: 2025 };

  it('reads UTF-8 with BOM, a header line, CRLF and quoted fields', () => {
    const csv = '\uFEFF科目编码,科目名称\r\n201,一般公共服务支出\r\n"20101","人大事务"\r\n\r\n2010101,"行政运行, ""示例"""\r\n';
    const result = parseCodeCsv(csv, opts);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.entries).toEqual([
      { code: '201', name: '一般公共服务支出', years: [2025] },
      { code: '20101', name: '人大事务', years: [2025] },
      { code: '2010101', name: '行政运行, "示例"', years: [2025] },
    ]);
  });

  it('reports each bad line by its number and keeps the good ones', () => {
    const csv = ['201,一般公共服务支出', '20x,坏编码', '2011,长度不对', '20101,', '201,另一个名称', '20102,政协事务,多余', '"20103,未闭合'].join('\n');
    const result = parseCodeCsv(csv, opts);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(['第7行：英文双引号没有闭合']);
    const result2 = parseCodeCsv(csv.split('\n').slice(0, 6).join('\n'), opts);
    expect(result2.entries.map((e) => e.code)).toEqual(['201']);
    expect(result2.errors).toEqual([
      '第2行：支出功能分类编码“20x”只能由数字组成',
      '第3行：支出功能分类编码“2011”是4位，不是有效的科目编码（类为3位，款为5位，项为7位）',
      '第4行：编码“20101”缺少名称',
      '第5行：编码“201”与第1行重复，且名称不同',
      '第6行：多出了第3列及以后的内容，每行只应有“编码,名称”两列（名称含逗号时请加英文双引号）',
    ]);
  });

  it('an empty file says so', () => {
    expect(parseCodeCsv('\uFEFF\n\n', opts).errors).toEqual(['文件中没有找到任何“编码,名称”行']);
  });
});

describe('guessClassification', () => {
  it('takes a list of 3xx / 3xxxx codes as economic, anything else as functional', () => {
    expect(guessClassification(['301', '30101', '30217'])).toBe('economic');
    expect(guessClassification(['208', '20805', '2080505'])).toBe('functional');
    expect(guessClassification(['301', '2080505'])).toBe('functional');
    expect(guessClassification([])).toBe('functional');
  });
});
