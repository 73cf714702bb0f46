import { rowLabel } from '../implied-rules';
import type { RuleDef, TableDef, TemplateSet } from '../template.schema';

/**
 * An equality between two tables shown on one pair of cells, so the officer can judge a proposal by what it
 * compares: `表3“合计”行“支出预算/合计”列 = 表5“合计”行“支出预算/合计”列`. The rule itself compares every
 * row and column the two tables share; the example is its first pair.
 */
export function ruleExample(rule: Pick<RuleDef, 'expr'>, tables: readonly TableDef[]): string | null {
  const m = /^\s*([A-Za-z]\w*)\[([^\]]*)\]\.(\*|\w+)\s*=\s*([A-Za-z]\w*)\[([^\]]*)\]\.(\*|\w+)\s*$/.exec(rule.expr);
  if (!m) return null;
  const left = cellText(tables, m[1]!, m[2]!, m[3]!);
  const right = cellText(tables, m[4]!, m[5]!, m[6]!);
  return left && right ? `${left} = ${right}` : null;
}

function cellText(tables: readonly TableDef[], tableId: string, rows: string, column: string): string | null {
  const table = tables.find((t) => t.id === tableId);
  if (!table) return null;
  const amounts = table.columns.filter((c) => c.kind === 'amount');
  const col = column === '*' ? amounts[0] : table.columns.find((c) => c.id === column);
  if (!col) return null;
  return `${tableName(table, tables)}“${exampleRow(table, rows.trim())}”行“${col.header.join('/')}”列`;
}

/** The printed number, or the title as well where another table prints the same number (sheets without 表号). */
function tableName(table: TableDef, tables: readonly TableDef[]): string {
  const shared = tables.some((t) => t !== table && t.no === table.no);
  return shared ? `${table.no}《${table.title.replace(/\{主体\}/g, '')}》` : table.no;
}

function exampleRow(table: TableDef, selector: string): string {
  const model = table.rows;
  const fixed = model.kind === 'fixed' ? model.rows : model.kind === 'sideBySide' ? [...model.sides.flat(), ...model.totals] : [];
  if (selector !== '*') return rowLabel(fixed.find((r) => r.id === selector)) || selector;
  if (model.kind === 'coded' || model.kind === 'projects') return model.total.label;
  return rowLabel(fixed[0]);
}

/**
 * Why the open document cannot try the edited set: tables of the set the document lacks or holds in another row
 * model (the rules would read rows that are not there). Empty when every table of the set matches one of the
 * document's set by id.
 */
export function trialMismatch(set: Pick<TemplateSet, 'tables'>, openSet: Pick<TemplateSet, 'tables'>): string[] {
  const open = new Map(openSet.tables.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const t of set.tables) {
    const other = open.get(t.id);
    if (!other) out.push(`${t.no}（${t.id}）：当前文档没有这张表`);
    else if (other.rows.kind !== t.rows.kind) out.push(`${t.no}（${t.id}）：当前文档的${other.no}行的结构不同`);
  }
  return out;
}
