import { describe, expect, it } from 'vitest';
import { endWithoutLead, para, type ParaBlock } from './blocks';

const block = (text: string, spans: ParaBlock['spans'] = undefined): ParaBlock => ({ ...para('p', text), ...(spans ? { spans } : {}) });

describe('a lead-in with nothing after it', () => {
  it('ends the sentence where "其中：" would have listed the parts', () => {
    const b = block('2026年度本年收入合计0.00万元，其中：', [{ start: 10, text: '0.00万元', value: 0, cells: [] } as never]);
    endWithoutLead(b);
    expect(b.text).toBe('2026年度本年收入合计0.00万元。');
    // The figure before the cut keeps its place in the text.
    expect(b.spans).toHaveLength(1);
  });

  it('drops a pointer to a table that does not follow, keeping the sentence before it', () => {
    const b = block('当年非财政拨款项目0个，涉及预算金额0.00万元。具体情况见下表（按项目分别填报）：');
    endWithoutLead(b);
    expect(b.text).toBe('当年非财政拨款项目0个，涉及预算金额0.00万元。');
  });

  it('turns any other closing colon into a full stop, and leaves a finished sentence alone', () => {
    const colon = block('情况如下：');
    endWithoutLead(colon);
    expect(colon.text).toBe('情况如下。');
    const done = block('与上年持平。');
    endWithoutLead(done);
    expect(done.text).toBe('与上年持平。');
  });
});
