import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { Finding } from '../../core/rules/finding';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { FindingsPanel } from './FindingsPanel';

const template = getBuiltinTemplateSet('xj-dept-2024-11')!;
const finding = (i: number): Finding => ({
  id: `f${i}`, rule: 'text.reason-missing', ruleName: '说明原因', severity: i < 3 ? 'error' : 'warning', scope: '文字',
  message: `第${i}条`, cells: [{ table: 't3', row: `r${i}`, col: 'basic' }],
});

describe('FindingsPanel', () => {
  it('puts only the lines in view into the page, with spacers standing for the rest', () => {
    const findings = Array.from({ length: 10_000 }, (_, i) => finding(i));
    const html = renderToString(<FindingsPanel template={template} findings={findings} onOpen={() => undefined} onFix={() => undefined} />);
    const lines = html.match(/data-finding-id=/g) ?? [];
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.length).toBeLessThan(40);
    expect(html).toContain('第0条');
    expect(html).not.toContain('第9999条');
    expect(html).toContain('错误 <b class="bd-num-error">3</b>');
    expect(html).toContain('data-count="10000"');
  });

  it('says 正在审核 while the checks have not answered, and 没有发现问题 once they found nothing', () => {
    const props = { template, findings: [], onOpen: () => undefined, onFix: () => undefined };
    expect(renderToString(<FindingsPanel {...props} checking />)).toContain('正在审核');
    expect(renderToString(<FindingsPanel {...props} />)).toContain('没有发现问题');
  });
});

describe('FindingsPanel groups', () => {
  it('shows one typo in 表5 of the sample as one entry naming how many findings it causes; the status bar counts one problem', async () => {
    const { createSampleDocument } = await import('../../core/sample/sample-inputs');
    const { createRuleEngine } = await import('../../core/rules/engine');
    const { setCell } = await import('../../core/commands');
    const { StatusBar } = await import('./StatusBar');
    const { findingsView } = await import('./findings-view');
    const { outlineItems } = await import('./outline-model');
    const doc = createSampleDocument();
    const row = doc.tables.t5!.rows.find((r) => r.code === '2101101')!;
    const cell = { table: 't5', row: row.id, col: 'basic' };
    setCell(cell, row.values.basic! + 9999).apply(doc, { template });
    const findings = createRuleEngine(template, doc).findings();
    const view = findingsView({ doc, template }, outlineItems(template, doc.meta), { rules: findings, text: [] }, findings, cell);
    const groups = view.groups;
    const grouped = groups.filter((g) => g.members.length > 1);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.cause).toEqual(cell);
    const size = grouped[0]!.members.length;
    const html = renderToString(<FindingsPanel template={template} findings={findings} groups={groups} summary={view} onOpen={() => undefined} onFix={() => undefined} />);
    expect(html.match(/class="bd-finding-more"/g)).toHaveLength(1);
    expect(html).toContain(`另有 <!-- -->${size - 1}<!-- --> 处由此引起`);
    expect(html).toContain(`data-count="${groups.length}"`);
    const status = renderToString(<StatusBar notice={null} findings={findings} summary={view} />);
    const errors = findings.filter((f) => f.severity === 'error').length;
    expect(status).toContain(`1 处问题（${errors} 个错误）待处理`);
  });
});
