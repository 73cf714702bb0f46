import type { BudgetDocument } from '../document/document';
import { mergeUnits, type MergeUnit } from '../merge/merge-units';
import { randomDocument } from '../text/random-doc.testutil';
import { setFor } from './builders';

/**
 * Units for the consolidation tests (core, command line, browser): random consistent 2024 documents named
 * 下属单位1…n, sent as 单位1.ysgk…, so every test of 汇总 and 重新汇总 starts from the same county.
 */

export const MERGE_SET = 'xj-dept-2024-11';

/** Consistent units of the given seeds, named 下属单位1, 下属单位2, … in that order. */
export function unitDocuments(seeds: readonly number[] = [1, 2, 3]): BudgetDocument[] {
  return seeds.map((seed, i) => {
    const doc = randomDocument(MERGE_SET, seed);
    doc.meta.unitName = `下属单位${i + 1}`;
    return doc;
  });
}

/** The file name a unit is sent as: 单位1.ysgk for the first. */
export const unitFileName = (index: number): string => `单位${index + 1}.ysgk`;

/** Units as mergeUnits takes them: files 单位1.ysgk, …, content hashes h0, h1, … */
export function mergeUnitsOf(docs: readonly BudgetDocument[]): MergeUnit[] {
  return docs.map((doc, i) => ({ file: unitFileName(i), sha256: `h${i}`, doc }));
}

/** The 部门 document of these units (测试局 unless named); throws with the refusal when they cannot be merged. */
export function mergedDocument(units: readonly MergeUnit[], name = '测试局'): BudgetDocument {
  const r = mergeUnits(units, setFor(MERGE_SET), name);
  if (!r.ok) throw new Error(r.message);
  return r.doc;
}
