import type { Finding } from '../rules/finding';
import type { OutlineNode } from '../template/template.schema';
import { INPUT } from '../inputs/keys';
import {
  getAmountInput, getAssets, getList, getOverallPerformance, getProcurement, getProjectInputs, getProjectPerformances, projectInputOf, getStaff,
  validateInputs,
} from '../inputs/accessors';
import { isTableEmpty, type TextContext } from '../text/context';
import { effectiveOutline } from '../text/generate';
import { projectRows } from '../text/generators/projects';
import { textFinding } from './finding-factory';
import { figuresWord } from './set-words';

const REQUIRED = 'text.required-empty';
const REQUIRED_NAME = '必填内容不能为空';

function walk(nodes: readonly OutlineNode[], visit: (n: OutlineNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children ?? [], visit);
  }
}

/** Parts the national rules require in every release (提示 while they are empty; the officer may still export). */
export function checkRequiredParts(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const req = (binding: string, message: string, input?: string) =>
    out.push(textFinding(REQUIRED, REQUIRED_NAME, 'warning', binding, message, { input }));
  const doc = ctx.doc;
  if (getList(doc, INPUT.duties).length === 0) req('duties', '未填写主要职能', INPUT.duties);
  if (!getStaff(doc)) req('staff', '未填写人员情况（编制数、实有人数、在职/退休/离休）', INPUT.staff);
  const procurement = getProcurement(doc);
  if (!procurement) req('procurement', '未填写政府采购情况（没有政府采购的，请勾选“本年未安排政府采购”）', INPUT.procurement);
  if (!getAssets(doc)) req('assets', '未填写国有资产占用使用情况', INPUT.assets);
  const overall = getOverallPerformance(doc);
  if (!overall || overall.indicators.length === 0) req('performance.overall', `未填写${ctx.common.主体}整体绩效目标表`, INPUT.performanceOverall);
  if (projectRows(ctx).length > 0 && getProjectPerformances(doc).length === 0) {
    req('performance.projects', '有项目支出，但未填写项目支出绩效目标表', INPUT.performanceProjects);
  }
  const type = doc.meta.unitType;
  if ((type === '事业' || type === '其他') && getAmountInput(doc, INPUT.operatingAmount) === undefined) {
    req('operating', '非行政（参公）单位须填写机关运行经费金额', INPUT.operatingAmount);
  }
  const projectInputs = getProjectInputs(doc);
  const projectTable = ctx.table('gpbProjects');
  projectRows(ctx).forEach((row, i) => {
    if (!(row.name ?? '').trim()) {
      // A project printed without its name, in the table and in the text ("2、项目名称：").
      out.push(textFinding('text.project-name', '项目须有名称', 'error', `project.${row.id}.name`,
        `${projectTable?.no ?? '项目表'}第${i + 1}个项目未填写项目名称`,
        { cells: projectTable ? [{ table: projectTable.id, row: row.id, col: 'name' }] : [] }));
      return;
    }
    const p = projectInputOf(projectInputs, row.id, row.name);
    const missing = [!p.basis && '设立的政策依据', !p.allocation && '资金分配情况'].filter(Boolean);
    if (missing.length) req(`project.${row.id}`, `项目“${row.name ?? row.id}”未填写${missing.join('、')}`, INPUT.projects);
  });
  let hasSangong = false;
  walk(effectiveOutline(ctx.template), (n) => { if (n.generator === 'sangong') hasSangong = true; });
  const sg = ctx.table('sangong');
  if (sg && !hasSangong) {
    out.push(textFinding(REQUIRED, REQUIRED_NAME, 'error', 'sangong', '文档结构中缺少“三公”经费情况说明'));
  }
  if (Object.keys(doc.priorYear).length === 0) {
    const w = figuresWord(ctx.template);
    out.push(textFinding('text.prior-missing', `须填写上年${w}数`, 'warning', 'all', `未填写上年${w}数，所有增减变化都会写成“新增”；可从上年文件导入`));
  }
  for (const bad of validateInputs(doc)) {
    out.push(textFinding('text.input-invalid', '填写内容格式不正确', 'warning', bad.key, bad.message, { input: bad.key }));
  }
  return out;
}

/** Every table of the set must be in the document's outline and data; a table listed in the 目录 must exist. */
export function checkOutlineTables(ctx: TextContext): Finding[] {
  const out: Finding[] = [];
  const listed = new Set<string>();
  walk(effectiveOutline(ctx.template), (n) => {
    if (n.kind !== 'table' || !n.table) return;
    listed.add(n.table);
    if (!ctx.doc.tables[n.table]) {
      const def = ctx.template.tables.find((t) => t.id === n.table);
      out.push(textFinding('text.table-missing', '目录所列表格必须存在', 'error', n.table,
        `目录列有${def?.no ?? n.table}，但文档中没有这张表`, { cells: [{ table: n.table, row: 'total', col: 'total' }] }));
    }
  });
  for (const t of ctx.template.tables) {
    if (!listed.has(t.id)) {
      out.push(textFinding('text.table-missing', '目录所列表格必须存在', 'error', `outline.${t.id}`, `${t.no} 未列入文档第二部分和目录`));
    }
  }
  return out;
}

/** An empty table needs its 空表 note; a table with data must not be called empty in typed text. */
export function checkEmptyNotes(ctx: TextContext, typed: readonly { key: string; text: string }[]): Finding[] {
  const out: Finding[] = [];
  for (const t of ctx.template.tables) {
    const rows = ctx.doc.tables[t.id]?.rows;
    if (!rows) continue;
    const title = t.title.replace(/\{主体\}/g, '');
    const empty = isTableEmpty(rows);
    const mentions = typed.filter((x) => x.text.includes('空表') && x.text.includes(title));
    // The table's own note, as the release printed it under the table, explains an empty table too.
    const note = ctx.doc.tables[t.id]?.note;
    if (!empty && note && /空表/.test(note)) {
      out.push(textFinding('text.empty-note', '空表说明与表格一致', 'error', `${t.id}:note`,
        `${t.no}有数据，但表注说它是空表：“${note.slice(0, 40)}”`, { cells: [{ table: t.id, row: 'total', col: 'total' }] }));
    }
    if (!empty) {
      for (const m of mentions) {
        out.push(textFinding('text.empty-note', '空表说明与表格一致', 'error', `${t.id}:${m.key}`,
          `${t.no}有数据，但文字说它是空表：“${m.text.slice(0, 40)}”`, { input: m.key, cells: [{ table: t.id, row: 'total', col: 'total' }] }));
      }
    } else if (!t.emptyNote && mentions.length === 0 && !note) {
      out.push(textFinding('text.empty-note', '空表说明与表格一致', 'warning', t.id,
        `${t.no}为空表，但没有空表说明（模板未提供，请在“其他需说明的事项”中说明）`, { input: INPUT.otherNotes }));
    }
  }
  return out;
}
