import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/check-document';
import { setFor } from '../testing/builders';
import { randomDocument } from './random-doc.testutil';

describe('random consistent documents of a given size', () => {
  it('a unit with 250 项 has them in 表2/表3/表5 under their 款 and 类, and no finding', () => {
    const doc = randomDocument('xj-dept-2024-11', 3, { items: 250 });
    const items = doc.tables.t3!.rows.filter((r) => r.code?.length === 7);
    expect(items).toHaveLength(250);
    expect(doc.tables.t2!.rows.filter((r) => r.code?.length === 7)).toHaveLength(250);
    expect(doc.tables.t3!.rows.filter((r) => r.code?.length === 5 && !r.name)).toEqual([]);
    expect(checkDocument(doc, setFor('xj-dept-2024-11')).map((f) => f.message)).toEqual([]);
  });

  it('a small unit with 单位资金 balances 表1 (they are stated as 其他收入)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const doc = randomDocument('xj-dept-2024-11', seed, { items: 8 });
      expect(checkDocument(doc, setFor('xj-dept-2024-11')).filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    }
  });
});
