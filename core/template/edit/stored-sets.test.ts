import { describe, expect, it } from 'vitest';
import { codedTable, testSet } from '../../testing/builders';
import { draftFromSet, draftToText } from './set-draft';
import { readStoredSets, storedSetProblem } from './stored-sets';

const own = (id: string) => ({ id, text: draftToText(draftFromSet(testSet([codedTable('t1', ['total'], { no: '表1' })], { id }))) });

describe('the officer\'s stored sets', () => {
  it('reads each set through the loader, an extends resolved against the other stored sets', () => {
    const child = { id: 'bureau-child', text: JSON.stringify({ id: 'bureau-child', extends: 'bureau-base', name: '下级模板' }) };
    const read = readStoredSets([own('bureau-base'), child]);
    expect(read.map((r) => [r.id, r.result.ok, r.parent])).toEqual([['bureau-base', true, undefined], ['bureau-child', true, 'bureau-base']]);
    expect(read[1]!.result.ok && read[1]!.result.set.name).toBe('下级模板');
  });

  it('a broken, mislabelled or built-in-named set is reported by id and never stops the others', () => {
    const read = readStoredSets([
      { id: 'broken', text: '{ "id": ' },
      { ...own('elsewhere'), id: 'renamed' },
      { ...own('xj-dept-2024-11'), id: 'xj-dept-2024-11' },
      own('fine'),
    ]);
    expect(read.map((r) => r.result.ok)).toEqual([false, false, false, true]);
    expect(read.map(storedSetProblem)).toEqual([
      expect.stringMatching(/^已保存的模板“broken”有 1 处错误，未加载：模板文件不是有效的 JSON 格式/),
      '已保存的模板“renamed”有 1 处错误，未加载：文件中的模板标识“elsewhere”与保存的标识“renamed”不同',
      '已保存的模板“xj-dept-2024-11”有 1 处错误，未加载：模板标识“xj-dept-2024-11”与内置模板相同，不能使用',
      null,
    ]);
  });
});
