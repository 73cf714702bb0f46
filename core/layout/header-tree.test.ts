import { describe, expect, it } from 'vitest';
import { headerLayout } from '../template/header-layout';
import { getBuiltinTemplateSet } from '../template/registry';
import { headerTree, type HeaderNode } from './header-tree';

const labels = (nodes: HeaderNode[]): unknown[] => nodes.map((n) => (n.kind === 'group' ? [n.label, labels(n.children)] : n.label));
const flat = (nodes: HeaderNode[]): HeaderNode[] => nodes.flatMap((n) => (n.kind === 'group' ? [n, ...flat(n.children)] : [n]));

describe('headerTree', () => {
  it('nests 表3 as printed: 科目 › 功能分类科目编码 › 类/款/项, the name and amounts beside', () => {
    const t3 = getBuiltinTemplateSet('xj-dept-2024-11')!.tables.find((t) => t.id === 't3')!;
    const tree = labels(headerTree(t3.columns));
    expect(tree[0]).toEqual(['科目', [['功能分类科目编码', ['类', '款', '项']]]]);
  });

  it('holds exactly the cells of the header layout, each leaf once in column order, in every built-in set', () => {
    for (const id of ['xj-dept-2024-11', 'xj-unit-2021-9', 'xj-unit-2021-9-econ']) {
      for (const t of getBuiltinTemplateSet(id)!.tables) {
        const nodes = flat(headerTree(t.columns));
        const cells = headerLayout(t.columns).cells;
        const key = (x: { row: number; col: number; label: string }) => `${x.row}:${x.col}:${x.label}`;
        expect(nodes.map(key).sort(), `${id} ${t.no}`).toEqual(cells.map(key).sort());
        const leaves = nodes.filter((n) => n.kind === 'leaf');
        expect(leaves.map((n) => n.kind === 'leaf' && n.columnId), `${id} ${t.no}`).toEqual(t.columns.map((c) => c.id));
      }
    }
  });
});
