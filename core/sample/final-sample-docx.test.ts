import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkDocumentText } from '../checks/check-text';
import { exportDocx } from '../docx/export-docx';
import { createFinalSampleDocument, finalSampleSet } from './final-sample';

describe('the 决算 sample as a Word document', () => {
  it('follows the 决算 outline and prints 表6 side by side', async () => {
    const doc = createFinalSampleDocument();
    const bytes = await exportDocx(doc, finalSampleSet());
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const order = ['第一部分 示例县档案馆概况', '第二部分 2024年度单位决算情况说明', '第三部分 名词解释',
      '第四部分 决算公开联系方式及信息反馈渠道', '第五部分 附件', '一般公共预算财政拨款基本支出决算表'];
    const at = order.map((t) => text.lastIndexOf(t));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('人员经费合计');
    expect(text).toContain('公用经费合计');
    expect(text).toContain('示例县档案馆2024年度一般公共预算财政拨款支出决算');
    expect(text).toContain('比上年决算增加');
  });

  it('the text checks leave one 提示: the 整体绩效目标表, a 预算 form the 决算 does not print', () => {
    const doc = createFinalSampleDocument();
    expect(checkDocumentText(doc, finalSampleSet()).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual([
      'warning text.required-empty 未填写单位整体绩效目标表',
    ]);
  });
});
