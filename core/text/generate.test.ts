import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amount } from '../amount/amount';
import { allParagraphs, findRendered, renderOutline } from './generate';
import { changeOf, changePhrase, createContext, shares } from './context';
import { sampleDoc, sampleSet } from './sample-doc.testutil';
import { fillPattern, chineseNumeral } from './pattern';
import { overrideKey, PRIOR, reasonKey } from '../inputs/keys';
import { createDocument } from '../document/create';
import { builtinTemplateSets } from '../template/registry';
import type { RenderedNode } from './generate';

const texts = (doc = sampleDoc()) => new Map(allParagraphs(renderOutline(doc, sampleSet())).map((p) => [p.block.id, p.block.text]));

describe('generated text of the sample equals the reference release where the release is right', () => {
  const t = texts();
  it.each([
    ['s1.total', '按照全口径预算的原则，若羌县医疗保障局2024年所有收入和支出均纳入部门预算管理。收支总预算824.5万元。'],
    ['s1.expenditure', '支出预算包括：社会保障和就业支出、卫生健康支出、住房保障支出。'],
    ['s2.gpb', '一般公共预算799.5万元，占96.97%，比上年预算增加59.05万元，增长7.97%，主要原因是新增人身意外伤害县级配套资金及城乡居民基本医疗保险项目资金较上年增加；'],
    ['s3.basic', '基本支出405.8万元，占49.22%，比上年预算增加54.62万元，增长15.55%，主要原因是人员增资及社保等增加。'],
    ['s3.project', '项目支出418.7万元，占50.78%，比上年预算增加16.43万元，增长4.08%，主要原因是新增人身意外伤害县级配套资金及城乡居民基本医疗保险项目资金较上年增加。'],
    ['s4.sources', '收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算拨款。'],
    ['s5-2.210', '2. 卫生健康支出(210类)734.69万元，占89.11%。'],
    ['s5-3.2080505', '2. 社会保障和就业支出(208类)行政事业单位养老支出(05款)机关事业单位基本养老保险缴费支出(05项)：2024年预算数为39.14万元，比上年预算增加6.34万元，增长19.33%，主要原因是：社会保险缴纳金额增长。'],
    ['s5-3.2101101', '4. 卫生健康支出(210类)行政事业单位医疗(11款)行政单位医疗(01项)：2024年预算数为7.55万元，比上年预算减少6.8万元，下降47.39%，主要原因是：增加退休人员，不需要缴纳医疗保险。'],
    ['s6.personnel', '人员经费391.48万元，主要包括：基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、生活补助。'],
    ['s6.public', '公用经费14.32万元，主要包括：办公费、水费、电费、邮电费、取暖费、差旅费、培训费、公务接待费、工会经费、福利费、公务用车运行维护费。'],
    ['s8.empty', '若羌县医疗保障局2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。'],
    ['s10.total', '若羌县医疗保障局2024年财政拨款“三公”经费数为0.93万元，其中：因公出国（境）费0万元，公务用车购置费0万元，公务用车运行费0.84万元，公务接待费0.09万元。'],
    ['s12-1.amount', '若羌县医疗保障局2024年的机关运行经费财政拨款预算14.32万元，比上年预算减少2.12万元，下降12.90%。主要原因是本单位厉行节约。'],
    ['s12-4.summary', '2024年，本部门预算绩效管理整体预算绩效目标1个，涉及金额824.5万元；当年财政拨款项目4个，涉及预算金额418.7万元（其中：转移支付项目2个，涉及预算金额25万元）；当年非财政拨款项目0个，涉及预算金额0万元。具体情况见下表（按项目分别填报）：'],
    ['organization.units', '若羌县医疗保障局无下属预算单位，下设3个科室，分别是：办公室、财务科、医疗保险服务中心。'],
  ])('%s', (id, expected) => {
    expect(t.get(id)).toBe(expected);
  });

  it('corrects the release where it was wrong: a zero base is 新增, an unchanged figure 持平', () => {
    expect(t.get('s5-3.2080501')).toContain('比上年预算新增0.86万元，主要原因是');
    expect(t.get('s5-3.2101399')).not.toContain('100%');
    expect(t.get('s5-3.2101506')).toContain('2024年预算数为3万元，与上年持平');
    expect(t.get('organization.staff')).not.toContain('编制数编制数');
    expect([...t.values()].join('')).not.toMatch(/增长100(\.00)?%|下降0(\.00)?%/);
  });

  it('lists every 项 row of 表5 in code order', () => {
    const ids = [...t.keys()].filter((k) => k.startsWith('s5-3.'));
    expect(ids.map((k) => k.slice(5))).toEqual(['2080501', '2080505', '2080506', '2101101', '2101102', '2101103', '2101202', '2101399', '2101501', '2101506', '2101550', '2210201']);
  });

  it('uses 单位 wording when the document is a 单位', () => {
    const doc = sampleDoc();
    doc.meta.entityKind = '单位';
    expect(texts(doc).get('s1.total')).toContain('均纳入单位预算管理');
  });

  it('prints the officer override in place of the generated paragraph', () => {
    const doc = sampleDoc();
    doc.inputs[overrideKey('s1.total')] = '收支总预算824.5万元。';
    const node = findRendered(renderOutline(doc, sampleSet()), 's1');
    const block = node?.blocks[0];
    expect(block?.kind === 'para' && block.overridden && block.text).toBe('收支总预算824.5万元。');
  });
});

describe('no paragraph leads into something that does not follow', () => {
  /** Paragraphs ending in "：" that are the last block of their section (nothing printed after them). */
  const dangling = (nodes: readonly RenderedNode[]): string[] =>
    nodes.flatMap((n) => {
      const last = n.blocks.at(-1);
      const own = last?.kind === 'para' && /[：:]$/.test(last.text) ? [`${n.title}：${last.text}`] : [];
      return [...own, ...dangling(n.children)];
    });

  it.each(builtinTemplateSets().map((set) => [set.id, set] as const))('in a new document of %s', (_, set) => {
    const doc = createDocument(set, { unitName: '测试局', year: 2026 });
    const nodes = renderOutline(doc, set);
    expect(dangling(nodes)).toEqual([]);
  });

  it('in the sample, whose 绩效 summary is followed by its tables', () => {
    const nodes = renderOutline(sampleDoc(), sampleSet());
    expect(dangling(nodes)).toEqual([]);
    expect(findRendered(nodes, 's12-4')?.blocks.some((b) => b.kind === 'grid')).toBe(true);
  });
});

describe('a set without an outline', () => {
  it('says that its text was not generated, and prints its own tables', () => {
    const set = { ...sampleSet(), outline: [] };
    const nodes = renderOutline(sampleDoc(), set);
    expect(nodes.map((n) => n.node.kind)).toEqual(['cover', 'section', 'tables']);
    expect(nodes[0].title).toBe('2024年部门预算公开');
    expect(nodes[2].children.map((c) => c.node.table)).toEqual(set.tables.map((t) => t.id));
    const text = nodes[1].blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('');
    expect(text).toContain('本节未生成');
  });

  it('names a generator or sentence the set lacks instead of writing an empty paragraph', () => {
    const base = sampleSet();
    const set = { ...base, sentences: { ...base.sentences, 'summary.total': undefined as unknown as string }, outline: [
      { id: 'a', title: '甲', kind: 'generated' as const, generator: 'summary' },
      { id: 'b', title: '乙', kind: 'generated' as const, generator: 'no.such' },
    ] };
    const [a, b] = renderOutline(sampleDoc(), set).map((n) => n.blocks.map((x) => (x.kind === 'para' ? x.text : '')));
    expect(a[0]).toBe('【本节未生成：模板缺少句式“summary.total”】');
    expect(b).toEqual(['【本节未生成：模板所用的生成项“no.such”不存在】']);
  });
});

/** A fresh sample's context, its 表3 row list (which a test may change) and the list's first 项 row. */
function gpbRows() {
  const ctx = createContext(sampleDoc(), sampleSet());
  const rows = ctx.rows('gpbExpenditure');
  return { ctx, rows, first: rows.find((r) => r.code?.length === 7)! };
}

describe('the context’s row lookup', () => {
  it('finds the first row of an id, and follows the row list when it changes', () => {
    const { ctx, rows, first } = gpbRows();
    expect(ctx.row('gpbExpenditure', first.id)).toBe(first);
    expect(ctx.row('gpbExpenditure', 'no-such-row')).toBeUndefined();
    // A row inserted in front (same list, new length) and a row moved within the list are both found again.
    const added = { id: 'added', code: '2990101', name: '新增', values: { total: 123 } };
    rows.unshift(added);
    expect(ctx.value('gpbExpenditure', 'added', 'total')).toBe(123);
    expect(ctx.row('gpbExpenditure', first.id)).toBe(first);
    const moved = rows.splice(rows.indexOf(first), 1)[0]!;
    rows.unshift(moved);
    rows.pop();
    rows.push(added);
    expect(ctx.row('gpbExpenditure', first.id)).toBe(first);
  });
});

describe('the context’s row lookup by code', () => {
  it('finds the first row printing a code, follows a changed row list, and never answers with a row of another code', () => {
    const { ctx, rows, first } = gpbRows();
    expect(ctx.rowByCode('gpbExpenditure', first.code!)).toBe(first);
    expect(ctx.rowByCode('gpbExpenditure', '2999999')).toBeUndefined();
    // A second row of the same code further down, and a new row in front whose id is that code but prints another.
    rows.push({ id: `${first.code}#2`, code: first.code, name: '重复', values: {} });
    rows.unshift({ id: first.code!, code: '2990101', name: '新增', values: {} });
    expect(ctx.rowByCode('gpbExpenditure', first.code!)).toBe(first);
    expect(ctx.rowByCode('gpbExpenditure', '2990101')?.name).toBe('新增');
  });
});

describe('change wording', () => {
  const ctx = createContext(sampleDoc(), sampleSet());
  it.each([
    ['39.14', '32.80', '比上年预算增加6.34万元，增长19.33%'],
    ['7.55', '14.35', '比上年预算减少6.8万元，下降47.39%'],
    ['3', '3', '与上年持平'],
    ['0.86', '0', '比上年预算新增0.86万元'],
    ['0', '5', '比上年预算减少5万元，下降100.00%'],
    ['0', '0', '与上年持平'],
  ])('%s against %s', (cur, prior, expected) => {
    expect(changePhrase(ctx, amount(cur), amount(prior))).toBe(expected);
  });
  it('never calls a zero base 增长100%', () => {
    expect(changeOf(100, 0)).toEqual({ kind: 'new', diff: 100, rate: null });
  });
});

describe('shares', () => {
  it('of one whole sum to exactly 100.00%', () => {
    for (const parts of [[1, 1, 1], [79950, 2500], [5957, 73469, 3024], [1, 2, 3, 4, 5, 6, 7], [33, 33, 34]]) {
      expect(shares(parts).reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(10000);
    }
  });
  it('of any positive parts sum to exactly 100.00% and each is within 0.01% of its exact share', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 40 }), (parts) => {
      const s = shares(parts).map((x) => x ?? 0);
      const whole = parts.reduce((a, b) => a + b, 0);
      expect(s.reduce((a, b) => a + b, 0)).toBe(10000);
      parts.forEach((p, i) => expect(Math.abs(s[i] - (p * 10000) / whole)).toBeLessThan(1));
    }));
  });
  it('of the sample income sources are 96.97% and 3.03%', () => {
    const t = texts();
    expect(t.get('s2.gpb')).toContain('占96.97%');
    expect(t.get('s2.gpbTransfer')).toContain('占3.03%');
  });
});

describe('patterns', () => {
  it('fill named placeholders and drop unknown ones', () => {
    expect(fillPattern('{a}与{b}{c}', { a: 1, b: '二' })).toBe('1与二');
  });
  it('number duties in Chinese', () => {
    expect([1, 10, 12, 20, 21].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '二十一']);
  });
  it('a missing reason leaves the clause out rather than printing an empty one', () => {
    const doc = sampleDoc();
    delete doc.inputs[reasonKey.item('2080505')];
    doc.priorYear[PRIOR.item('2080505')] = amount('30');
    expect(texts(doc).get('s5-3.2080505')).toMatch(/增长30\.47%。$/);
  });
});
