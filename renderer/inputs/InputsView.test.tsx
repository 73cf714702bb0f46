import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { DocumentSession } from '../../core/session/session';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { setPriorYear } from '../../core/commands';
import { PRIOR } from '../../core/inputs/keys';
import { InputsView } from './InputsView';
import { figureLines } from './FiguresForm';
import { createContext } from '../../core/text/context';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const session = () => new DocumentSession({ template, doc: createSampleDocument() });
/** The text a reader sees: the preview marks each figure with its own element (linked to its cells). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('InputsView', () => {
  it.each([
    ['s2', '主要原因', '一般公共预算799.5万元，占96.97%'],
    ['s5', '上年预算数', '机关事业单位基本养老保险缴费支出(05项)'],
    ['organization', '编制数', '下设3个科室'],
    ['s7', '设立的政策依据', '预算安排规模：383.7万元'],
    ['s12-4', '整体绩效目标表', '部门整体绩效目标表'],
    ['part4', '添加名词', '一、财政拨款：'],
  ])('section %s shows its form and the generated text', (id, formWord, previewText) => {
    const html = renderToString(<InputsView session={session()} sectionId={id} />);
    expect(html).toContain(formWord);
    expect(textOf(html)).toContain(previewText);
  });

  it('the preview follows a change made through the session', () => {
    const s = session();
    s.execute(setPriorYear(PRIOR.item('2080505'), 3914));
    const html = renderToString(<InputsView session={s} sectionId="s5-3" />);
    expect(textOf(html)).toContain('2024年预算数为39.14万元，与上年持平');
  });

  it('lists one figure line per 表5 项 row with its keys', () => {
    const lines = figureLines(createContext(createSampleDocument(), template), 'gpb.items');
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatchObject({ priorKey: 'item.2080505', reasonKey: 'reason.item.2080505', amount: 3914 });
  });
});

describe('决算 completion form', () => {
  it('lists each 项 with its 决算数, the 年初预算数 to type and the rate the text states; a typed 预算数 changes the text and undoes', async () => {
    const { createFinalSampleDocument, finalSampleSet } = await import('../../core/sample/final-sample');
    const { finalBudgetKey } = await import('../../core/text/final/keys');
    const { setInput } = await import('../../core/commands');
    const set = finalSampleSet();
    const s = new DocumentSession({ template: set, doc: createFinalSampleDocument() });
    const html = renderToString(<InputsView session={s} sectionId="s5-4" />);
    expect(html).toContain('年初预算数');
    expect(textOf(html)).toMatch(/完成预算[\d.]+%/);
    const code = Object.keys(s.doc.inputs).find((k) => k.startsWith('final.budget.item.'))!.slice('final.budget.item.'.length);
    s.execute(setInput(finalBudgetKey(code), undefined));
    expect(textOf(renderToString(<InputsView session={s} sectionId="s5-4" />))).toContain('未填写年初预算数');
    s.undo();
    expect(textOf(renderToString(<InputsView session={s} sectionId="s5-4" />))).not.toContain('未填写年初预算数');
  });
});

describe('决算 figures forms', () => {
  it('speak of 决算数 where a 预算 document speaks of 预算数', async () => {
    const { createFinalSampleDocument, finalSampleSet } = await import('../../core/sample/final-sample');
    const s = new DocumentSession({ template: finalSampleSet(), doc: createFinalSampleDocument() });
    const html = renderToString(<InputsView session={s} sectionId="s5-3" />);
    expect(html).toContain('上年决算数');
    expect(html).toContain('本年决算数');
    expect(html).not.toContain('上年预算数');
    expect(renderToString(<InputsView session={session()} sectionId="s5-3" />)).toContain('上年预算数');
  });
});

describe('决算 “三公”, 政府采购 and 国有资产 forms', () => {
  it('总体 shows 预算数/决算数 with the rate and the reason box; 具体 takes the counts, and a typed count changes the text and undoes', async () => {
    const { createFinalSampleDocument, finalSampleSet } = await import('../../core/sample/final-sample');
    const { sangongCountKey } = await import('../../core/text/final/keys');
    const { setInput } = await import('../../core/commands');
    const s = new DocumentSession({ template: finalSampleSet(), doc: createFinalSampleDocument() });
    const total = renderToString(<InputsView session={s} sectionId="s7-1" />);
    expect(textOf(total)).toContain('决算数与预算数不同的主要原因');
    expect(textOf(total)).toContain('92.31%');
    expect(textOf(renderToString(<InputsView session={s} sectionId="s7-2" />))).toContain('国内公务接待12批次，64人次');
    s.execute(setInput(sangongCountKey('receptionBatches'), undefined));
    const items = textOf(renderToString(<InputsView session={s} sectionId="s7-2" />));
    expect(items).toContain('年末公务用车保有量（辆）');
    expect(items).toContain('国内公务接待批次和人次未填写');
    s.undo();
    expect(textOf(renderToString(<InputsView session={s} sectionId="s7-2" />))).toContain('国内公务接待12批次');
  });

  it('政府采购 asks for contracts granted, 国有资产 for what is held (no 预算 购置计划)', async () => {
    const { createFinalSampleDocument, finalSampleSet } = await import('../../core/sample/final-sample');
    const s = new DocumentSession({ template: finalSampleSet(), doc: createFinalSampleDocument() });
    expect(textOf(renderToString(<InputsView session={s} sectionId="s11-2" />))).toContain('授予中小企业合同金额');
    const assets = textOf(renderToString(<InputsView session={s} sectionId="s11-3" />));
    expect(assets).toContain('单价50万元以上设备');
    expect(assets).not.toContain('本年安排购置');
  });
});
