import type { z } from '../zod';
import { templateSetSchema, type OutlineNode, type TableDef, type TemplateSet, type FixedRowDef } from './template.schema';
import { checkJsonShape, jsonShapeMessage } from '../file/json-shape';
import { formulaRefs, parseSignedSum } from '../structure/formula';
import { resolveExtends } from './extends';
import { disabledImpliedRules, withImpliedRules } from './implied-rules';
import { loadCheckErrors } from './load-checks';

/**
 * Validation of a template set beyond its zod shape: ids unique, formulas and references pointing at things that
 * exist, header paths that can be printed; then the rules its tables imply are generated (implied-rules.ts) and the
 * outline, sentences and rules are checked against what the program has (load-checks.ts). A finance bureau's own
 * set goes through the same checks as the built-in ones, so every message is Chinese and names the place (表号, 列,
 * 行, 规则, 节点) so that the bureau can fix its file.
 */

export type ParseSetResult = { ok: true; set: TemplateSet } | { ok: false; errors: string[] };

export function parseTemplateSet(json: unknown): ParseSetResult {
  const parsed = templateSetSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => zodIssueMessage(issue, json)) };
  }
  const errors = semanticErrors(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  const disabled = disabledImpliedRules(json);
  if (disabled.error) return { ok: false, errors: [`模板“${parsed.data.id}”：${disabled.error}`] };
  const rules = withImpliedRules(parsed.data.id, parsed.data.tables, parsed.data.rules, disabled.ids);
  const set: TemplateSet = { ...parsed.data, rules: rules.rules };
  // Messages follow the set's own rules in file order, then the generated ones.
  const inFileOrder = { ...set, rules: [...parsed.data.rules, ...rules.rules.filter((r) => rules.generated.has(r.id))] };
  const loadErrors = [...rules.errors, ...loadCheckErrors(inFileOrder, rules.generated)];
  return loadErrors.length > 0 ? { ok: false, errors: loadErrors } : { ok: true, set };
}

/**
 * A bureau's set file as text (UTF-8, with or without BOM): JSON syntax errors are reported in Chinese too, so the
 * caller never has to catch.
 */
export function parseTemplateSetJson(text: string, lookupBase?: (id: string) => unknown): ParseSetResult {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    // The engine's message is English; only the position is worth keeping, as a line number.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = at ? body.slice(0, Number(at[1])).split('\n').length : null;
    return { ok: false, errors: [`模板文件不是有效的 JSON 格式${line ? `（第 ${line} 行附近）` : ''}，请用文本编辑器检查括号、引号和逗号`] };
  }
  // Schema validation and the outline walk recurse: a hostile nesting depth must end in a message, not a crash.
  const shape = checkJsonShape(json);
  if (shape) return { ok: false, errors: [jsonShapeMessage(shape, '模板文件')] };
  if (lookupBase) {
    const resolved = resolveExtends(json, lookupBase);
    if (!resolved.ok) return resolved;
    json = resolved.set;
  }
  return parseTemplateSet(json);
}

/** Identifiers a formula reads ("basic + project" → basic, project): the one formula parser's reading. */
export { formulaRefs };


export function semanticErrors(set: TemplateSet): string[] {
  const errors: string[] = [];
  const tableIds = new Set<string>();
  for (const table of set.tables) {
    const place = tablePlace(table);
    if (tableIds.has(table.id)) errors.push(`${place}：表标识“${table.id}”与前面的表重复`);
    tableIds.add(table.id);
    errors.push(...columnErrors(table, place), ...rowErrors(table, place));
  }
  const ruleIds = new Set<string>();
  for (const rule of set.rules) {
    if (ruleIds.has(rule.id)) errors.push(`审核公式“${rule.name}”：标识“${rule.id}”重复`);
    ruleIds.add(rule.id);
  }
  errors.push(...outlineErrors(set.outline, tableIds));
  return errors;
}

function tablePlace(table: TableDef): string {
  return `${table.no}（${table.id}）`;
}

function columnErrors(table: TableDef, place: string): string[] {
  const errors: string[] = [];
  const ids = new Map<string, string>();
  for (const column of table.columns) {
    const where = `${place}的列“${column.header.join('/')}”`;
    if (ids.has(column.id)) errors.push(`${where}：列标识“${column.id}”重复`);
    ids.set(column.id, column.kind);
    if (column.header.some((label) => label.trim() === '')) errors.push(`${where}：表头文字不能为空`);
    if (column.kind === 'code' && !column.codePart) errors.push(`${where}：编码列必须指定 codePart（lei、kuan、xiang 或 full）`);
    if (column.kind !== 'code' && column.codePart) errors.push(`${where}：只有编码列才能指定 codePart`);
    if (table.rows.kind === 'sideBySide' && column.side === undefined) errors.push(`${where}：左右并列的表，每一列都要指定 side（0 左、1 右）`);
    if (table.rows.kind !== 'sideBySide' && column.side !== undefined) errors.push(`${where}：只有左右并列的表才能指定 side`);
    if ((table.rows.kind === 'fixed' || table.rows.kind === 'sideBySide') && column.kind === 'code') {
      errors.push(`${where}：固定行的表不能有编码列（编码写在行的 code 里）`);
    }
  }
  for (const column of table.columns) {
    if (column.formula === undefined) continue;
    const where = `${place}的列“${column.header.join('/')}”的公式“${column.formula}”`;
    if (column.kind !== 'amount') errors.push(`${where}：只有金额列才能有公式`);
    if (parseSignedSum(column.formula) === null) errors.push(`${where}：公式只能是列标识的加减，如 basic + project`);
    for (const ref of formulaRefs(column.formula)) {
      const kind = ids.get(ref);
      if (kind === undefined) errors.push(`${where}：引用的列“${ref}”不存在`);
      else if (kind !== 'amount') errors.push(`${where}：引用的列“${ref}”不是金额列`);
      else if (ref === column.id) errors.push(`${where}：公式不能引用本列`);
    }
  }
  const cycle = findCycle(table.columns.map((c) => [c.id, c.formula ? formulaRefs(c.formula) : []]));
  if (cycle) errors.push(`${place}：列公式循环引用（${cycle.join(' → ')}）`);
  errors.push(...headerErrors(table, place));
  return errors;
}

/**
 * Header paths must print as a grid: between two adjacent columns, a path may not end where the other continues
 * with the same labels (["合计"] beside ["合计", "小计"] cannot be merged or separated sensibly).
 */
function headerErrors(table: TableDef, place: string): string[] {
  const errors: string[] = [];
  const columns = table.columns;
  for (let i = 1; i < columns.length; i++) {
    const a = columns[i - 1].header;
    const b = columns[i].header;
    const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
    if (shorter.length < longer.length && shorter.every((label, k) => label === longer[k])) {
      errors.push(`${place}：相邻两列的表头“${a.join('/')}”和“${b.join('/')}”层级不一致，无法排成多级表头`);
    }
  }
  const seen = new Map<string, number>();
  columns.forEach((column, index) => {
    const key = column.header.join('\u0001');
    const previous = seen.get(key);
    if (previous !== undefined && table.rows.kind !== 'sideBySide') {
      errors.push(`${place}：第${previous + 1}列和第${index + 1}列的表头都是“${column.header.join('/')}”，无法区分`);
    }
    seen.set(key, index);
  });
  return errors;
}

function rowErrors(table: TableDef, place: string): string[] {
  const model = table.rows;
  const errors: string[] = [];
  const hasKind = (kind: string) => table.columns.some((c) => c.kind === kind);
  if (!hasKind('amount')) errors.push(`${place}：至少要有一个金额列`);
  if (model.kind === 'coded' || model.kind === 'projects') {
    if (!hasKind('code')) errors.push(`${place}：按科目编码列示的表必须有编码列`);
    if (!hasKind('name')) errors.push(`${place}：按科目编码列示的表必须有名称列`);
    for (let i = 1; i < model.levels.length; i++) {
      if (model.levels[i] <= model.levels[i - 1]) errors.push(`${place}：编码各级长度必须逐级增加（${model.levels.join('、')}）`);
    }
    return errors;
  }
  const lists: { rows: FixedRowDef[]; side: string }[] =
    model.kind === 'fixed'
      ? [{ rows: model.rows, side: '' }]
      : [
          { rows: [...model.sides[0], model.totals[0]], side: '左侧' },
          { rows: [...model.sides[1], model.totals[1]], side: '右侧' },
        ];
  if (model.kind === 'sideBySide') {
    for (const side of [0, 1] as const) {
      const cols = table.columns.filter((c) => c.side === side);
      if (!cols.some((c) => c.kind === 'name')) errors.push(`${place}：${side === 0 ? '左侧' : '右侧'}缺少名称列`);
      if (!cols.some((c) => c.kind === 'amount')) errors.push(`${place}：${side === 0 ? '左侧' : '右侧'}缺少金额列`);
    }
  }
  const allIds = new Set<string>();
  for (const list of lists) {
    for (const row of list.rows) {
      if (allIds.has(row.id)) errors.push(`${place}${list.side}的行“${row.label}”：行标识“${row.id}”重复`);
      allIds.add(row.id);
    }
  }
  for (const list of lists) {
    const ids = new Set(list.rows.map((r) => r.id));
    for (const row of list.rows) {
      const where = `${place}${list.side}的行“${row.label || row.id}”`;
      if (row.partOf !== undefined && !ids.has(row.partOf)) errors.push(`${where}：所属的行“${row.partOf}”不存在`);
      if (row.partOf === row.id) errors.push(`${where}：不能是自己的其中项`);
      if (row.formula === undefined) continue;
      if (parseSignedSum(row.formula) === null) errors.push(`${where}的公式“${row.formula}”：公式只能是行标识的加减`);
      for (const ref of formulaRefs(row.formula)) {
        if (!ids.has(ref)) errors.push(`${where}的公式：引用的行“${ref}”不存在${list.side ? '（只能引用同一侧的行）' : ''}`);
        else if (ref === row.id) errors.push(`${where}的公式：不能引用本行`);
      }
    }
    const cycle = findCycle(list.rows.map((r) => [r.id, r.formula ? formulaRefs(r.formula) : []]));
    if (cycle) errors.push(`${place}${list.side}：行公式循环引用（${cycle.join(' → ')}）`);
  }
  return errors;
}

function outlineErrors(nodes: OutlineNode[], tableIds: Set<string>): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const walk = (list: OutlineNode[]) => {
    for (const node of list) {
      const where = `文档结构“${node.title || node.id}”`;
      if (ids.has(node.id)) errors.push(`${where}：标识“${node.id}”重复`);
      ids.add(node.id);
      if (node.table !== undefined && !tableIds.has(node.table)) errors.push(`${where}：引用的表“${node.table}”不存在`);
      if (node.kind === 'table' && node.table === undefined) errors.push(`${where}：表格节点必须指定 table`);
      if (node.children) walk(node.children);
    }
  };
  walk(nodes);
  return errors;
}

/** A cycle among formula dependencies, as the list of ids along it, or undefined. */
function findCycle(edges: [string, string[]][]): string[] | undefined {
  const graph = new Map(edges);
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of graph.get(id) ?? []) {
      if (!graph.has(next)) continue;
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}

const FIELD_NAMES: Record<string, string> = {
  id: '标识', name: '名称', entityKind: '主体（部门/单位）', amountUnit: '金额单位', display: '显示选项',
  blankZero: '零值显示为空', columnNumberRow: '列序号行', compilerPrefix: '编制单位前缀', tables: '表', rules: '审核公式',
  outline: '文档结构', sentences: '句式', glossary: '名词解释', no: '表号', title: '标题', role: '表的用途',
  columns: '列', rows: '行', header: '表头', kind: '类型', codePart: '编码部分', formula: '公式', width: '列宽',
  side: '左右侧', synonyms: '同义名称', label: '行名称', code: '编码', level: '层级', partOf: '所属行', classification: '分类',
  levels: '编码各级长度', subtotals: '类款小计', total: '合计行', position: '位置', sides: '左右两侧',
  totals: '总计行', emptyNote: '空表说明', landscape: '横向打印', severity: '级别', scope: '范围', expr: '表达式',
  message: '提示文字', children: '下级', table: '表', generator: '生成器', input: '填写项', term: '名词', text: '文字',
};

/** Names the place of a zod issue in Chinese, using the set's own table numbers where it can read them. */
function issuePlace(path: PropertyKey[], json: unknown): string {
  const parts: string[] = [];
  let node: unknown = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const parent = path[i - 1];
      const item = child as Record<string, unknown> | undefined;
      if (parent === 'tables') parts.push(typeof item?.no === 'string' ? `${item.no}` : `第${key + 1}张表`);
      else if (parent === 'columns') parts.push(`第${key + 1}列${Array.isArray(item?.header) ? `“${(item.header as unknown[]).join('/')}”` : ''}`);
      else if (parent === 'rows' || parent === 'sides' || parent === 'totals') parts.push(`第${key + 1}${parent === 'sides' ? '侧' : '行'}${typeof item?.label === 'string' ? `“${item.label}”` : ''}`);
      else parts.push(`第${key + 1}项`);
    } else {
      const name = FIELD_NAMES[String(key)] ?? String(key);
      if (!(key === 'rows' && typeof path[i + 1] === 'number') && key !== 'sides' && key !== 'totals' && key !== 'columns' && key !== 'tables') parts.push(name);
    }
    node = child;
  }
  return parts.length > 0 ? parts.join(' › ') : '模板文件';
}

function zodIssueMessage(issue: z.core.$ZodIssue, json: unknown): string {
  const place = issuePlace(issue.path, json);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(json, issue.path) === undefined ? `${place}：缺少此项` : `${place}：类型不对，应为${typeName(issue.expected)}`;
    case 'invalid_value':
      return `${place}：取值无效，只能是 ${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_format':
      return `${place}：格式不对（只能用英文字母、数字，且以字母开头）`;
    case 'too_small':
      return issue.origin === 'array' ? `${place}：至少要有 ${String(issue.minimum)} 项` : `${place}：不能为空或太小`;
    case 'too_big':
      return `${place}：超出允许范围（最大 ${String(issue.maximum)}）`;
    case 'invalid_union':
      return `${place}：内容不符合任何一种允许的写法`;
    case 'unrecognized_keys':
      return `${place}：有无法识别的字段 ${issue.keys.join('、')}`;
    default:
      return `${place}：内容无效`;
  }
}

function valueAt(json: unknown, path: PropertyKey[]): unknown {
  let node = json;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文字', number: '数字', boolean: '是/否（true/false）', object: '对象', array: '列表', int: '整数',
  };
  return names[expected] ?? expected;
}
