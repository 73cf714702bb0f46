import { builtinTemplateSets } from '../registry';
import type { OutlineNode, TableDef } from '../template.schema';
import { GENERATOR_NEEDS, isGeneratorId, ROLE_TITLES, type GeneratorId } from '../../text/generator-needs';
import type { SetDraft } from './set-draft';

/**
 * The outline of a set being edited: sections chosen from the library of generated sections (one per generator the
 * program has, with the title and sentence patterns a built-in set gives it) or free-text sections the officer
 * writes in each document. A generated section brings the sentences its generator reads, so the set still loads
 * (the loader refuses a generator whose sentences are missing); sentences the set already has are kept.
 */
export interface LibrarySection {
  generator: GeneratorId;
  /** Title as the built-in set prints it ({主体}, {单位名称}, {年度} are filled per document). */
  title: string;
  /** The node as the built-in set has it (kind `generated`, or `input` for 主要职能), without children. */
  node: OutlineNode;
  /** The built-in set the title and sentences come from. */
  from: string;
  sentences: Record<string, string>;
  /** Tables (by role) the section writes about; without them it prints 本节未生成. */
  roles: readonly TableDef['role'][];
}

let library: LibrarySection[] | undefined;

/** One section per generator, from the first built-in set whose outline uses it. */
export function sectionLibrary(): LibrarySection[] {
  if (library) return library;
  const found = new Map<GeneratorId, LibrarySection>();
  for (const set of builtinTemplateSets()) {
    walk(set.outline, (node) => {
      const g = node.generator;
      if (!g || !isGeneratorId(g) || found.has(g)) return;
      const needs = GENERATOR_NEEDS[g];
      const sentences: Record<string, string> = {};
      for (const key of needs.sentences) {
        const text = set.sentences?.[key];
        if (text !== undefined) sentences[key] = text;
      }
      const { children: _children, ...bare } = node;
      found.set(g, { generator: g, title: node.title, node: bare, from: set.id, sentences, roles: needs.roles });
    });
  }
  library = (Object.keys(GENERATOR_NEEDS) as GeneratorId[]).flatMap((g) => found.get(g) ?? []);
  return library;
}

/** Why a library section would print 本节未生成 in this set (the tables it needs), or null. */
export function missingTablesNote(section: Pick<LibrarySection, 'roles'>, tables: readonly TableDef[]): string | null {
  const roles = new Set(tables.map((t) => t.role));
  const missing = section.roles.filter((r) => !roles.has(r));
  return missing.length === 0 ? null : `本模板没有${missing.map((r) => ROLE_TITLES[r]).join('、')}，此节将显示“本节未生成”`;
}

function walk(nodes: readonly OutlineNode[], visit: (node: OutlineNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.children) walk(node.children, visit);
  }
}

function allIds(nodes: readonly OutlineNode[]): Set<string> {
  const ids = new Set<string>();
  walk(nodes, (n) => {
    ids.add(n.id);
    if (n.input) ids.add(`input:${n.input}`);
  });
  return ids;
}

function freshId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds a library section at the end of the outline, with the sentences it needs that the set lacks. */
export function addLibrarySection(draft: SetDraft, section: LibrarySection): SetDraft {
  const taken = allIds(draft.set.outline);
  const node: OutlineNode = { ...section.node, id: freshId(taken, section.node.id) };
  const sentences = { ...section.sentences, ...draft.set.sentences };
  return { ...draft, set: { ...draft.set, outline: [...draft.set.outline, node], sentences } };
}

/** Adds a section of the officer's own text (typed per document), at the end of the outline. */
export function addFreeTextSection(draft: SetDraft, title: string): SetDraft {
  const taken = allIds(draft.set.outline);
  const id = freshId(taken, 'text');
  const node: OutlineNode = { id, title: title.trim() || '其他说明', kind: 'input', input: `custom.${id}` };
  return { ...draft, set: { ...draft.set, outline: [...draft.set.outline, node] } };
}

function mapNodes(nodes: readonly OutlineNode[], change: (list: OutlineNode[]) => OutlineNode[]): OutlineNode[] {
  return change(nodes.map((n) => (n.children ? { ...n, children: mapNodes(n.children, change) } : n)));
}

/** Removes a section (and what it contains). */
export function removeSection(draft: SetDraft, id: string): SetDraft {
  return { ...draft, set: { ...draft.set, outline: mapNodes(draft.set.outline, (list) => list.filter((n) => n.id !== id)) } };
}

/** Moves a section one place up (-1) or down (+1) among its siblings. */
export function moveSection(draft: SetDraft, id: string, delta: -1 | 1): SetDraft {
  const outline = mapNodes(draft.set.outline, (list) => {
    const i = list.findIndex((n) => n.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= list.length) return list;
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return next;
  });
  return { ...draft, set: { ...draft.set, outline } };
}

export function setSectionTitle(draft: SetDraft, id: string, title: string): SetDraft {
  const outline = mapNodes(draft.set.outline, (list) => list.map((n) => (n.id === id ? { ...n, title } : n)));
  return { ...draft, set: { ...draft.set, outline } };
}

/** The outline as the editor lists it: each node with its depth. */
export function outlineLines(nodes: readonly OutlineNode[], depth = 0): { node: OutlineNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...outlineLines(node.children ?? [], depth + 1)]);
}
