import { describe, expect, it } from 'vitest';
import { createFinalSampleDocument, finalSampleSet } from '../sample/final-sample';
import { createSampleDocument } from '../sample/sample-inputs';
import { getBuiltinTemplateSet } from '../template/registry';
import { renderOutline, type RenderedNode } from '../text/generate';
import { checkDocumentText } from './check-text';

const paragraphs = (nodes: readonly RenderedNode[]): { node: string; text: string }[] =>
  nodes.flatMap((n) => [
    ...n.blocks.flatMap((b) => (b.kind === 'para' ? [{ node: n.node.id, text: b.text }] : [])),
    ...paragraphs(n.children),
  ]);

describe('决算 completion rates in the document', () => {
  it('the 决算 sample states each 项’s completion in its own section, and the text checks agree with it', () => {
    const set = finalSampleSet();
    const doc = createFinalSampleDocument();
    const all = paragraphs(renderOutline(doc, set));
    // Every section of the 决算 outline is one the set can fill: no 【本节未生成】 in a release.
    expect(all.filter((p) => p.text.includes('本节未生成')).map((p) => p.node)).toEqual([]);
    const lines = all.filter((p) => p.node === 's5-4');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.text).toMatch(/支出决算为[\d.,]+万元，完成预算[\d.]+%。$/);
    // The 三公 总体情况 states its rates in the same words the check reads (预算为…，支出决算为…，完成预算的…%).
    expect(all.find((p) => p.node === 's7-1')?.text).toContain('支出预算为6.50万元，支出决算为6.00万元，完成预算的92.31%');
    expect(checkDocumentText(doc, set).filter((f) => f.rule === 'final-completion')).toEqual([]);
  });

  it('a 预算 set is not asked for 预算数 per 项 (its outline states no completion rates)', () => {
    const set = getBuiltinTemplateSet('xj-dept-2024-11')!;
    const found = checkDocumentText(createSampleDocument(), set);
    expect(found.filter((f) => f.rule.startsWith('final-'))).toEqual([]);
  });
});
