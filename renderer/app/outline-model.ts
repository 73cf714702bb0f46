import type { FindingGroup } from '../../core/rules/causes';
import type { Finding } from '../../core/rules/finding';
import { editorsOfInput } from '../../core/inputs/input-section';
import type { DocumentMeta } from '../../core/document/document';
import { fillPlaceholders, tableTitle } from '../../core/template/header-layout';
import type { OutlineNode, TemplateSet } from '../../core/template/template.schema';

/** One line of the left-hand outline: a table, a text section (rendered by renderer/inputs), or a part heading. */
export interface OutlineItem {
  id: string;
  title: string;
  /** A shorter label where the title repeats the unit and year ("一、收支总体情况"); the title stays the tooltip. */
  label?: string;
  kind: 'table' | 'section' | 'heading';
  tableId?: string;
  /** document.inputs key (or prefix) this section edits, for counting text findings. */
  input?: string;
  /** The generator whose form this section shows: findings about the inputs that form edits count here. */
  generator?: string;
  depth: number;
}

export function outlineItems(template: TemplateSet, meta: Pick<DocumentMeta, 'entityKind' | 'unitName' | 'year'>): OutlineItem[] {
  const out: OutlineItem[] = [];
  const fill = (text: string) => fillPlaceholders(text, { 主体: meta.entityKind, 单位名称: meta.unitName, 年度: meta.year });
  // A subsection repeats its parent's subject ("（一）一般公共预算当年拨款规模变化情况" under "五、一般公共预算当年拨款
  // 情况"): its label keeps only what is its own ("（一）规模变化情况").
  const labelled = (item: OutlineItem, parent?: string): OutlineItem => {
    let label = shortLabel(item.title, meta);
    const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(.*)$/.exec(label);
    if (parent && m && m[2]!.startsWith(parent) && m[2]!.length > parent.length) label = m[1]! + m[2]!.slice(parent.length);
    return label === item.title ? item : { ...item, label };
  };
  const subject = (item: OutlineItem): string | undefined => {
    const rest = (item.label ?? item.title).replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '');
    return rest.endsWith('情况') && rest.length > 4 ? rest.slice(0, -2) : undefined;
  };
  const tableItem = (tableId: string, depth: number, id?: string) => {
    const t = template.tables.find((x) => x.id === tableId);
    if (t) out.push({ id: id ?? `table:${t.id}`, title: `${t.no} ${tableTitle(t, meta.entityKind)}`, kind: 'table', tableId: t.id, depth });
  };
  const walk = (nodes: readonly OutlineNode[], depth: number, parent?: string) => {
    for (const n of nodes) {
      if (n.kind === 'table' && n.table) tableItem(n.table, depth, `table:${n.table}`);
      else if (n.kind === 'tables' && !n.children?.length) {
        out.push({ id: n.id, title: fill(n.title), kind: 'heading', depth });
        for (const t of template.tables) tableItem(t.id, depth + 1);
      } else if (n.kind === 'cover' || n.kind === 'toc') continue;
      else if (n.children?.length) {
        const item = labelled({ id: n.id, title: fill(n.title), kind: n.kind === 'part' || n.kind === 'tables' ? 'heading' : 'section', input: n.input, generator: n.generator, depth }, parent);
        out.push(item);
        walk(n.children, depth + 1, item.kind === 'section' ? subject(item) : undefined);
      } else out.push(labelled({ id: n.id, title: fill(n.title), kind: 'section', input: n.input, generator: n.generator, depth }, parent));
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

/**
 * The words a section title adds to its number once the unit and year are known from the document: "一、关于若羌县
 * 医疗保障局2024年收支预算情况的总体说明" → "一、收支总体情况", "六、关于…一般公共预算基本支出情况说明" → "六、一般公共预算基本支出情况".
 */
export function shortLabel(title: string, meta: Pick<DocumentMeta, 'unitName' | 'year'>): string {
  const m = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?(.*)$/.exec(title)!;
  const no = m[1] ?? '';
  let rest = m[2]!;
  const about = `关于${meta.unitName}${meta.year}年`;
  if (rest.startsWith(about)) rest = rest.slice(about.length);
  else if (rest.startsWith('关于')) rest = rest.replace(/^关于.*?\d{4}年/, '');
  else return title;
  rest = rest
    .replace(/预算情况/, '情况')
    .replace(/情况的总体说明$/, '总体情况')
    .replace(/的?情况说明$/, '情况')
    .replace(/的?说明$/, '');
  return rest ? no + rest : title;
}

export interface Counts {
  errors: number;
  warnings: number;
}

/** Per outline (items array) and finding: the outline items it counts for. Findings live on across edits. */
const targetsCache = new WeakMap<readonly OutlineItem[], WeakMap<Finding, string[]>>();
/** Per outline: the section id of each input key ('' when none edits it). */
const sectionCache = new WeakMap<readonly OutlineItem[], Map<string, string>>();

/** 错误/提示 counts per outline item id: tables by the cells a finding points at, sections by its input key. */
export function countFindings(items: readonly OutlineItem[], findings: readonly Finding[]): Map<string, Counts> {
  let cache = targetsCache.get(items);
  if (!cache) targetsCache.set(items, (cache = new WeakMap()));
  // Thousands of 提示 (and every edit's new findings) name a few dozen input keys: each key's section is looked up
  // once per outline.
  let sectionOfInput = sectionCache.get(items);
  if (!sectionOfInput) sectionCache.set(items, (sectionOfInput = new Map()));
  let byTable: Map<string, string> | undefined;
  let sections: OutlineItem[] | undefined;
  const targets = (f: Finding): string[] => {
    if (!byTable || !sections) {
      byTable = new Map();
      for (const i of items) if (i.tableId) byTable.set(i.tableId, i.id);
      sections = items.filter((i) => i.kind === 'section' && (i.input || i.generator));
    }
    const out: string[] = [];
    for (const c of f.cells) {
      const id = byTable.get(c.table);
      if (id && !out.includes(id)) out.push(id);
    }
    const input = f.input;
    if (input) {
      let id = sectionOfInput.get(input);
      if (id === undefined) {
        // The section naming the key itself, else the one whose form edits it (the one map in core/inputs).
        const editors = editorsOfInput(input);
        const s = sections.find((i) => i.input && (input === i.input || input.startsWith(`${i.input}.`)))
          ?? sections.find((i) => i.generator !== undefined && editors.includes(i.generator));
        sectionOfInput.set(input, (id = s?.id ?? ''));
      }
      if (id && !out.includes(id)) out.push(id);
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

/**
 * 错误/提示 counts per outline item, one per group: a group of findings one cell explains counts at the item of that
 * cell (its echoes in other tables are not problems of their own); a finding on its own counts as before.
 */
export function countGroups(items: readonly OutlineItem[], groups: readonly FindingGroup[]): Map<string, Counts> {
  const byTable = new Map<string, string>();
  for (const i of items) if (i.tableId) byTable.set(i.tableId, i.id);
  const singles: Finding[] = [];
  const counts = new Map<string, Counts>();
  for (const g of groups) {
    const id = g.cause ? byTable.get(g.cause.table) : undefined;
    if (!g.cause || g.members.length < 2 || !id) {
      singles.push(...g.members);
      continue;
    }
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { errors: 0, warnings: 0 }));
    if (g.members.some((f) => f.severity === 'error')) c.errors += 1;
    else c.warnings += 1;
  }
  for (const [id, c] of countFindings(items, singles)) {
    const own = counts.get(id);
    if (own) {
      own.errors += c.errors;
      own.warnings += c.warnings;
    } else counts.set(id, c);
  }
  return counts;
}
