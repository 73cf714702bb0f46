import type { BudgetDocument } from '../document/document';
import type { OutlineNode, TemplateSet } from '../template/template.schema';
import { fillPlaceholders } from '../template/header-layout';
import { getGlossaryOverride, getOverride, getText } from '../inputs/accessors';
import { para, type Block } from './blocks';
import { createContext, type TextContext } from './context';
import { chineseDate, chineseNumeral } from './pattern';
import { GENERATOR_NEEDS, isGeneratorId, notGeneratedNote, ROLE_TITLES, type GeneratorId } from './generator-needs';
import { dutiesText, organizationText } from './generators/overview';
import { expenditureText, fiscalText, incomeText, summaryText } from './generators/budget';
import { basicText, gpbItemsText, gpbScaleText, gpbStructureText } from './generators/gpb';
import { projectsText } from './generators/projects';
import { fundTableText, sangongText } from './generators/funds';
import { assetsText, operatingText, otherNotesText, performanceText, procurementText } from './generators/other';
import { completionText } from './final/completion';
import { finalExpenditureText } from './final/expenditure';
import { sangongItemsText, sangongTotalText } from './final/sangong';
import { finalAssetsText, finalProcurementText } from './final/other';

export type Generator = (ctx: TextContext, id: string) => Block[];

/**
 * Generator ids an outline node may name (`generator`). A bureau's set combines them in its own order. The ids and
 * what each needs from a set are declared in generator-needs.ts (checked when a set loads); the type keeps the two
 * lists the same.
 */
export const GENERATORS: Record<GeneratorId, Generator> = {
  'overview.duties': dutiesText,
  'overview.organization': organizationText,
  summary: summaryText,
  income: incomeText,
  expenditure: expenditureText,
  fiscal: fiscalText,
  'gpb.scale': gpbScaleText,
  'gpb.structure': gpbStructureText,
  'gpb.items': gpbItemsText,
  basic: basicText,
  projects: projectsText,
  govFund: fundTableText('govFund'),
  stateCapital: fundTableText('stateCapital'),
  carryover: fundTableText('carryover'),
  sangong: sangongText,
  'other.operating': operatingText,
  'other.procurement': procurementText,
  'other.assets': assetsText,
  'other.performance': performanceText,
  'other.notes': otherNotesText,
  'final.completion': completionText,
  'final.expenditure': finalExpenditureText,
  'final.sangong.total': sangongTotalText,
  'final.sangong.items': sangongItemsText,
  'final.procurement': finalProcurementText,
  'final.assets': finalAssetsText,
};

export interface RenderedNode {
  node: OutlineNode;
  /** Title with 部门/单位, unit name and year filled in. */
  title: string;
  /** Depth in the outline: 0 = 第一部分 …, 1 = 一、…, 2 = （一）…. */
  depth: number;
  blocks: Block[];
  children: RenderedNode[];
}

export function nodeTitle(doc: BudgetDocument, template: TemplateSet, title: string): string {
  return fillPlaceholders(title, { 主体: doc.meta.entityKind ?? template.entityKind, 单位名称: doc.meta.unitName, 年度: doc.meta.year });
}

/** The glossary as printed: the document's edited entries, or the set's standard ones. */
export function glossaryEntries(doc: BudgetDocument, template: TemplateSet) {
  return getGlossaryOverride(doc) ?? template.glossary ?? [];
}

function glossaryBlocks(ctx: TextContext, id: string): Block[] {
  return glossaryEntries(ctx.doc, ctx.template).map((g, i) =>
    para(`${id}.${i + 1}`, ctx.s('glossary.entry', { 序号: chineseNumeral(i + 1), 名词: g.term, 解释: g.text }), false));
}

function nodeBlocks(ctx: TextContext, node: OutlineNode): Block[] {
  if (node.kind === 'glossary') return glossaryBlocks(ctx, node.id);
  if (node.kind === 'closing') {
    return [para(`${node.id}.unit`, ctx.doc.meta.unitName, false), para(`${node.id}.date`, chineseDate(ctx.doc.meta.date), false)];
  }
  if (node === MISSING_TEXT) return [para(`${node.id}.none`, notGeneratedNote('所用模板没有文档结构（outline），说明部分无从生成'), false)];
  if (node.generator) {
    // Loading refuses an unknown generator; a set built in code without loading still gets a visible note.
    if (!isGeneratorId(node.generator)) return [para(`${node.id}.unknown`, notGeneratedNote(`模板所用的生成项“${node.generator}”不存在`), false)];
    const missing = GENERATOR_NEEDS[node.generator].roles.find((role) => !ctx.table(role));
    if (missing) return [para(`${node.id}.none`, notGeneratedNote(`模板没有${ROLE_TITLES[missing]}`), false)];
    return GENERATORS[node.generator](ctx, node.id);
  }
  if (node.kind === 'input' && node.input) {
    return getText(ctx.doc, node.input).split(/\n+/).filter((t) => t.trim()).map((t, i) => para(`${node.id}.${i + 1}`, t.trim(), false));
  }
  return [];
}

/** The officer's replacement text for a generated paragraph wins; the generated text stays beside it for checks. */
function applyOverrides(doc: BudgetDocument, blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.kind !== 'para') return b;
    const typed = getOverride(doc, b.id);
    if (!typed) return b;
    // The trace belongs to the generated wording; the typed text is checked against it (text.figure-mismatch).
    const { spans, claims: _claims, verbatim: _verbatim, ...rest } = b;
    return { ...rest, text: typed, overridden: true, generatedText: b.text, ...(spans ? { generatedSpans: spans } : {}) };
  });
}

/** The one section of a set without an outline: it says that the text was not generated. */
const MISSING_TEXT: OutlineNode = Object.freeze({ id: 'text', title: '{主体}情况说明', kind: 'section' as const });

/**
 * The set's outline, or — for a set that has none — a cover, one section saying that no text was generated, and
 * the set's own tables: such a set still exports its tables, and never borrows another set's structure or words.
 */
export function effectiveOutline(template: TemplateSet): OutlineNode[] {
  if (template.outline.length > 0) return template.outline;
  const cn = (n: number) => chineseNumeral(n);
  return [
    { id: 'cover', title: template.sentences?.['cover.title'] ?? template.name, kind: 'cover' },
    MISSING_TEXT,
    {
      id: 'tables', title: '附表', kind: 'tables',
      children: template.tables.map((t, i) => ({ id: `table-${t.id}`, title: `${cn(i + 1)}、${t.title}`, kind: 'table' as const, table: t.id })),
    },
  ];
}

/** Renders the set's outline for a document: titles filled, every generated section's blocks. Pure. */
export function renderOutline(doc: BudgetDocument, template: TemplateSet): RenderedNode[] {
  const ctx = createContext(doc, template);
  const walk = (nodes: readonly OutlineNode[], depth: number): RenderedNode[] =>
    nodes.map((node) => ({
      node,
      title: nodeTitle(doc, template, node.title),
      depth,
      blocks: applyOverrides(doc, nodeBlocks(ctx, node)),
      children: walk(node.children ?? [], depth + 1),
    }));
  return walk(effectiveOutline(template), 0);
}

/** Finds a rendered node by outline id (the preview pane shows one section). */
export function findRendered(nodes: readonly RenderedNode[], id: string): RenderedNode | undefined {
  for (const n of nodes) {
    if (n.node.id === id) return n;
    const inner = findRendered(n.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/** Every paragraph of the rendered document in reading order, with the node it belongs to. */
export function allParagraphs(nodes: readonly RenderedNode[]): { nodeId: string; block: Extract<Block, { kind: 'para' }> }[] {
  const out: { nodeId: string; block: Extract<Block, { kind: 'para' }> }[] = [];
  const walk = (list: readonly RenderedNode[]) => {
    for (const n of list) {
      for (const b of n.blocks) if (b.kind === 'para') out.push({ nodeId: n.node.id, block: b });
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
