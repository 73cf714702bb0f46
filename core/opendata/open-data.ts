import { checkDocument } from '../checks/check-document';
import { toPrintedNumber } from '../amount/amount';
import type { BudgetDocument } from '../document/document';
import { toPrintedFindings } from '../rules/printed';
import type { PrintedFinding } from '../rules/finding';
import type { TemplateSet } from '../template/template.schema';
import { renderOutline, type RenderedNode } from '../text/generate';
import { tableData, type DataTable } from './table-data';

/**
 * The whole disclosure as one JSON file (`export --data`): the unit, every table as data, the open findings and the
 * generated text, in one documented shape (docs/open-data.schema.json). Version 1; a later change that removes or
 * renames a field raises the version.
 */

export const OPEN_DATA_FORMAT = 'budget-disclosure-open-data';
export const OPEN_DATA_VERSION = 1;

export interface OpenDataSection {
  id: string;
  title: string;
  /** 0 = 第一部分…, 1 = 一、…, 2 = （一）…. */
  depth: number;
  paragraphs: string[];
  /** Small tables inside the text (绩效目标表), as rows of printed cell texts. */
  grids: { title: string; rows: string[][] }[];
  children: OpenDataSection[];
}

export interface OpenData {
  format: typeof OPEN_DATA_FORMAT;
  version: typeof OPEN_DATA_VERSION;
  unit: { name: string; year: number; kind: '部门' | '单位'; templateId: string; amountUnit: string; compiler: string; date: string };
  tables: DataTable[];
  findings: PrintedFinding[];
  text: OpenDataSection[];
}

function section(n: RenderedNode): OpenDataSection {
  const paragraphs: string[] = [];
  const grids: OpenDataSection['grids'] = [];
  for (const b of n.blocks) {
    if (b.kind === 'para' || b.kind === 'heading') paragraphs.push(b.text);
    else grids.push({ title: b.title, rows: b.rows.map((r) => r.map((c) => c.text)) });
  }
  return { id: n.node.id, title: n.title, depth: n.depth, paragraphs, grids, children: n.children.filter((c) => c.node.kind !== 'table').map(section) };
}

export function openData(doc: BudgetDocument, template: TemplateSet): OpenData {
  const m = doc.meta;
  return {
    format: OPEN_DATA_FORMAT,
    version: OPEN_DATA_VERSION,
    unit: { name: m.unitName, year: m.year, kind: m.entityKind, templateId: m.templateId, amountUnit: template.amountUnit, compiler: m.compiler, date: m.date },
    // JSON readers want plain numbers in the printed unit (824.5), not our hundredths.
    tables: template.tables.map((t) => {
      const data = tableData(doc, template, t);
      return { ...data, rows: data.rows.map((r) => ({ ...r, values: r.values.map((v) => (typeof v === 'number' ? toPrintedNumber(v) : v)) })) };
    }),
    findings: toPrintedFindings(checkDocument(doc, template), template, doc),
    text: renderOutline(doc, template).filter((n) => n.node.kind !== 'cover' && n.node.kind !== 'toc').map(section),
  };
}

export const openDataJson = (doc: BudgetDocument, template: TemplateSet): string => `${JSON.stringify(openData(doc, template), null, 2)}\n`;
