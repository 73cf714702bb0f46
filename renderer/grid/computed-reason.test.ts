import { describe, expect, it } from 'vitest';
import { isComputedCell } from '../../core/commands/cell-writer';
import { createSampleDocument } from '../../core/sample/sample-inputs';
import { getBuiltinTemplateSet } from '../../core/template/registry';
import { computedReason, explainComputed } from './computed-reason';

const set2024 = getBuiltinTemplateSet('xj-dept-2024-11')!;

describe('why a cell is computed', () => {
  const doc = createSampleDocument();
  const reason = (table: string, row: string, col: string) => computedReason(doc, set2024, { table, row, col });

  it('names the code tree: 类/款 rows are their children, 合计 the 类 rows', () => {
    expect(explainComputed(reason('t3', '20805', 'basic')!)).toBe('此格自动计算（= 下级科目之和），请修改下级科目');
    expect(reason('t3', 'total', 'basic')).toEqual({ formula: '= 各类科目之和', edit: '下级科目' });
  });

  it('names a column formula by its printed headers, before the row sum (合计 × 合计)', () => {
    expect(reason('t3', '2080501', 'total')).toEqual({ formula: '= 基本支出 + 项目支出', edit: '基本支出或项目支出' });
    expect(reason('t3', 'total', 'total')?.formula).toBe('= 基本支出 + 项目支出');
    expect(reason('t2', '2080501', 'total')?.formula).toBe('= 财政拨款（补助）小计 + 财政专户（教育收费） + 单位资金 + 财政拨款结转 + 非财政拨款结转结余');
  });

  it('names fixed rows by their labels (表10 公务用车 = 购置 + 运行)', () => {
    const r = reason('t10', 'vehicle', 'gpb');
    expect(r).toEqual({ formula: '= 公务用车购置费 + 公务用车运行费', edit: '公务用车购置费或公务用车运行费' });
  });

  it('gives a reason exactly where the editor refuses input, over every amount cell of the sample', () => {
    for (const t of set2024.tables) {
      for (const row of doc.tables[t.id].rows) {
        for (const col of t.columns) {
          if (col.kind !== 'amount') continue;
          const ref = { table: t.id, row: row.id, col: col.id };
          expect(computedReason(doc, set2024, ref) !== null, `${t.no} ${row.id} ${col.id}`).toBe(isComputedCell(doc, set2024, ref));
        }
      }
    }
  });
});
