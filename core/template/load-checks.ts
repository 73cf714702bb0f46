import type { RefAst, SelectorAst } from '../rules/ast';
import { COVER_TITLE_SENTENCE, GENERATOR_NEEDS, isGeneratorId, NODE_KIND_SENTENCES } from '../text/generator-needs';
import { leafLabel } from './header-layout';
import type { OutlineNode, TableDef, TemplateSet } from './template.schema';

/**
 * Checks a set when it loads, after its shape and its tables: every outline node names a generator the program has,
 * the set has every sentence those generators fill, and every rule names tables, rows and columns the set has. (A
 * generator whose table the set lacks is not an error: its section says that it was not generated.)
 * Each message names the set, the part of the set (the file of a built-in set, the field of a bureau's file) and
 * the id, so that whoever wrote the set can find the place.
 */

/** `generated`: ids of the rules generated from the table definitions (their part is the tables, not rules). */
export function loadCheckErrors(set: TemplateSet, generated: ReadonlySet<string> = new Set()): string[] {
  return [...outlineErrors(set), ...ruleReferenceErrors(set, generated)];
}

function outlineErrors(set: TemplateSet): string[] {
  const errors: string[] = [];
  const where = `模板“${set.id}”的 outline（文档结构）`;
  const roles = new Set(set.tables.map((t) => t.role));
  /** Sentence key → the first node needing it and why. */
  const needed = new Map<string, string>();
  const need = (key: string, why: string) => {
    if (!needed.has(key)) needed.set(key, why);
  };
  let hasCover = false;
  const walk = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'cover') hasCover = true;
      for (const key of NODE_KIND_SENTENCES[node.kind] ?? []) need(key, `节点“${node.id}”`);
      if (node.generator !== undefined) {
        if (!isGeneratorId(node.generator)) {
          errors.push(`${where}：节点“${node.id}”的生成器“${node.generator}”不存在（可用：${Object.keys(GENERATOR_NEEDS).join('、')}）`);
        } else {
          // A generator whose table the set lacks prints a 本节未生成 note (generate.ts): no sentence of it is read.
          const needs = GENERATOR_NEEDS[node.generator];
          if (needs.roles.every((role) => roles.has(role))) {
            for (const key of needs.sentences) need(key, `节点“${node.id}”的生成器“${node.generator}”`);
          }
        }
      } else if (node.kind === 'generated') {
        errors.push(`${where}：节点“${node.id}”是生成的节（generated），但没有指定生成器（generator）`);
      }
      if (node.children) walk(node.children);
    }
  };
  walk(set.outline);
  // The Word cover takes its title from the cover node, else from this sentence.
  if (set.outline.length > 0 && !hasCover) need(COVER_TITLE_SENTENCE, '没有封面节点的文档封面');
  for (const [key, why] of needed) {
    if (set.sentences?.[key] === undefined) errors.push(`模板“${set.id}”的 sentences（句式）：缺少句式“${key}”（${why}需要）`);
  }
  return errors;
}

function ruleReferenceErrors(set: TemplateSet, generated: ReadonlySet<string>): string[] {
  const tables = new Map(set.tables.map((t) => [t.id, t]));
  const errors: string[] = [];
  for (const rule of set.rules) {
    const part = generated.has(rule.id) ? 'tables（表定义生成的审核公式）' : 'rules（审核公式）';
    for (const p of ruleProblems(rule.expr, tables)) errors.push(`模板“${set.id}”的 ${part}“${rule.id}”：${p}`);
  }
  return errors;
}

/** `validCodes(t3, t5)` / `nonNegative(*)`. */
const CHECK = /^\s*[A-Za-z]\w*\s*\(([^)]*)\)\s*$/;
/** `t3[类, 款].basic`, `t10[abroad]."因公出国（境）费"`, `t3[*].基本支出`, `t3[*].*`. */
const REF = /([A-Za-z][A-Za-z0-9_]*)\[([^\]]*)\]\.(\*|"[^"]*"|[^\s+\-=<>≤≥()]+)/g;

/**
 * The tables, rows and columns a rule names. References are read with a pattern rather than the rule grammar, so
 * that loading a set does not load the rule engine (the page loads it only when checking starts); a rule that does
 * not parse is reported by the engine as a finding (审核公式…无法执行).
 */
function ruleProblems(expr: string, tables: ReadonlyMap<string, TableDef>): string[] {
  const check = CHECK.exec(expr);
  if (check) {
    return check[1]!.split(',').map((id) => id.trim()).filter((id) => id !== '*' && id !== '' && !tables.has(id)).map((id) => `引用的表“${id}”不存在`);
  }
  const out = new Set<string>();
  for (const m of expr.matchAll(REF)) {
    const ref: RefAst = {
      table: m[1]!,
      selectors: m[2]!.split(/[,，]/).map((x) => x.trim()).filter(Boolean).map((name): SelectorAst =>
        name === '*' ? { kind: 'all' } : /^\d+\*$/.test(name) ? { kind: 'descendants', prefix: name.slice(0, -1) } : { kind: 'name', name }),
      column: m[3]!.replace(/^"|"$/g, ''),
    };
    for (const p of refProblems(ref, tables)) out.add(p);
  }
  return [...out];
}

const KEYWORDS = new Set(['类', '款', '项', 'children', 'under', '下级', 'projects', '项目', 'org', '机构']);

function refProblems(ref: RefAst, tables: ReadonlyMap<string, TableDef>): string[] {
  const table = tables.get(ref.table);
  if (!table) return [`引用的表“${ref.table}”不存在`];
  const out: string[] = [];
  const column = columnProblem(table, ref.column);
  if (column) out.push(column);
  for (const sel of ref.selectors) {
    const row = rowProblem(table, sel);
    if (row) out.push(row);
  }
  return out;
}

function columnProblem(table: TableDef, column: string): string | undefined {
  if (column === '*') return undefined;
  const amounts = table.columns.filter((c) => c.kind === 'amount');
  if (amounts.some((c) => c.id === column)) return undefined;
  if (table.columns.some((c) => c.id === column)) return `${table.no}的列“${column}”不是金额列`;
  const wanted = column.replace(/\s+/g, '');
  const hits = amounts.filter((c) => leafLabel(c).replace(/\s+/g, '') === wanted);
  if (hits.length === 1) return undefined;
  if (hits.length > 1) return `${table.no}有多个名为“${column}”的金额列，请写列标识（${hits.map((c) => c.id).join('、')}）`;
  return `${table.no}没有列“${column}”`;
}

/** A literal row: a defined row of a fixed list, or a code / 合计 / project id of a coded list. */
function rowProblem(table: TableDef, sel: SelectorAst): string | undefined {
  if (sel.kind !== 'name' || KEYWORDS.has(sel.name)) return undefined;
  const model = table.rows;
  const name = sel.name === '合计' ? 'total' : sel.name;
  if (model.kind === 'coded' || model.kind === 'projects') {
    const ok = name === 'total' || /^\d+$/.test(name) || (model.kind === 'projects' && /^p\d+$/.test(name));
    return ok ? undefined : `${table.no}按科目编码列示，没有行“${sel.name}”（只能写编码、合计或 类/款/项 等）`;
  }
  const rows = model.kind === 'fixed' ? model.rows : [...model.sides[0], ...model.sides[1], ...model.totals];
  return rows.some((r) => r.id === name || r.code === name) ? undefined : `${table.no}没有行“${sel.name}”`;
}
