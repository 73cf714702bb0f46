import type { Finding } from '../../core/rules/finding';
import type { DocumentMeta } from '../../core/document/document';
import { fillPlaceholders, tableTitle } from '../../core/template/header-layout';
import type { OutlineNode, TemplateSet } from '../../core/template/template.schema';

/** One line of the left-hand outline: a table, a text section (rendered by renderer/inputs), or a part heading. */
export interface OutlineItem {
  id: string;
  title: string;
  kind: 'table' | 'section' | 'heading';
  tableId?: string;
  /** document.inputs key (or prefix) this section edits, for counting text findings. */
  input?: string;
  depth: number;
}

export function outlineItems(template: TemplateSet, meta: Pick<DocumentMeta, 'entityKind' | 'unitName' | 'year'>): OutlineItem[] {
  const out: OutlineItem[] = [];
  const fill = (text: string) => fillPlaceholders(text, { 主体: meta.entityKind, 单位名称: meta.unitName, 年度: meta.year });
  const tableItem = (tableId: string, depth: number, id?: string) => {
    const t = template.tables.find((x) => x.id === tableId);
    if (t) out.push({ id: id ?? `table:${t.id}`, title: `${t.no} ${tableTitle(t, meta.entityKind)}`, kind: 'table', tableId: t.id, depth });
  };
  const walk = (nodes: readonly OutlineNode[], depth: number) => {
    for (const n of nodes) {
      if (n.kind === 'table' && n.table) tableItem(n.table, depth, `table:${n.table}`);
      else if (n.kind === 'tables' && !n.children?.length) {
        out.push({ id: n.id, title: fill(n.title), kind: 'heading', depth });
        for (const t of template.tables) tableItem(t.id, depth + 1);
      } else if (n.kind === 'cover' || n.kind === 'toc') continue;
      else if (n.children?.length) {
        out.push({ id: n.id, title: fill(n.title), kind: n.kind === 'part' || n.kind === 'tables' ? 'heading' : 'section', input: n.input, depth });
        walk(n.children, depth + 1);
      } else out.push({ id: n.id, title: fill(n.title), kind: 'section', input: n.input, depth });
    }
  };
  if (template.outline.length > 0) walk(template.outline, 0);
  if (!out.some((i) => i.kind === 'table')) {
    // A set without an outline (or one that omits the tables): 概况, every table, 情况说明.
    const fallback: OutlineItem[] = [{ id: 'overview', title: '概况', kind: 'section', input: 'overview', depth: 0 }];
    out.length = 0;
    out.push(...fallback);
    for (const t of template.tables) tableItem(t.id, 0);
    out.push({ id: 'explanation', title: '情况说明', kind: 'section', depth: 0 });
  }
  return out;
}

export interface Counts {
  errors: number;
  warnings: number;
}

/** Per outline (items array) and finding: the outline items it counts for. Findings live on across edits. */
const targetsCache = new WeakMap<readonly OutlineItem[], WeakMap<Finding, string[]>>();

/** 错误/提示 counts per outline item id: tables by the cells a finding points at, sections by its input key. */
export function countFindings(items: readonly OutlineItem[], findings: readonly Finding[]): Map<string, Counts> {
  let cache = targetsCache.get(items);
  if (!cache) targetsCache.set(items, (cache = new WeakMap()));
  let byTable: Map<string, string> | undefined;
  let sections: OutlineItem[] | undefined;
  const targets = (f: Finding): string[] => {
    if (!byTable || !sections) {
      byTable = new Map();
      for (const i of items) if (i.tableId) byTable.set(i.tableId, i.id);
      sections = items.filter((i) => i.kind === 'section' && i.input);
    }
    const out: string[] = [];
    for (const c of f.cells) {
      const id = byTable.get(c.table);
      if (id && !out.includes(id)) out.push(id);
    }
    const input = f.input;
    if (input) {
      const s = sections.find((i) => input === i.input || input.startsWith(`${i.input}.`));
      if (s) out.push(s.id);
    }
    return out;
  };
  const counts = new Map<string, Counts>();
  for (const f of findings) {
    let ids = cache.get(f);
    if (!ids) cache.set(f, (ids = targets(f)));
    for (const id of ids) {
      let c = counts.get(id);
      if (!c) counts.set(id, (c = { errors: 0, warnings: 0 }));
      if (f.severity === 'error') c.errors += 1;
      else c.warnings += 1;
    }
  }
  return counts;
}
