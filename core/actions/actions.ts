import type { MenuCommand } from '../ipc/contract';

/**
 * The one list of what the officer can do from a menu, a toolbar button or a shortcut: id, Chinese label, menu,
 * accelerator and when it is enabled. The page's menu bar, the toolbar, the page's key handler and the desktop
 * menu are all built from it, so a label or a shortcut is written once and the four cannot disagree.
 *
 * Running an action is the renderer's business (it owns the document); the desktop menu only sends the id.
 */

/** The top-level menus, in the order they are shown. */
export const MENUS = [
  { id: 'file', label: '文件', mnemonic: 'F' },
  { id: 'edit', label: '编辑', mnemonic: 'E' },
  { id: 'import', label: '导入', mnemonic: 'I' },
  { id: 'export', label: '导出', mnemonic: 'X' },
  { id: 'generate', label: '生成', mnemonic: 'G' },
  { id: 'review', label: '审核', mnemonic: 'R' },
  { id: 'template', label: '模板', mnemonic: 'T' },
  { id: 'help', label: '帮助', mnemonic: 'H' },
] as const;

export type MenuId = (typeof MENUS)[number]['id'];

/** A derivation (生成) is run by id, prefixed so it can never collide with a menu command. */
export type DeriveActionId = `derive:${string}`;
/** 审核: walk the 错误 list from the grid without reaching for the findings panel. */
export type ReviewActionId = 'nextError' | 'previousError';
export type ActionId = MenuCommand | DeriveActionId | ReviewActionId;

/** What decides whether an action can run now; the renderer fills it from the open session. */
export interface ActionState {
  hasDocument: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Opened read-only (another instance holds the file): 保存 still runs, as 另存为. */
  readOnly: boolean;
  /** How many 错误 the checks currently report. */
  errorCount: number;
  /** The open document was consolidated from unit files (it keeps their snapshots): 重新汇总 can run. */
  consolidated?: boolean;
}

/**
 * How the page's key handler treats the accelerator: `always` anywhere on the page (also inside a text field and
 * a dialog); `outsideText` not in a text field or dialog, where the browser's own text undo applies; `shown` only
 * printed in the menu, the focused grid or field handles the key itself (copy, paste).
 */
export type KeyScope = 'always' | 'outsideText' | 'shown';

export interface ActionDef {
  id: ActionId;
  label: string;
  /** What the item is for, shown beside or under the label. */
  hint?: string;
  menu: MenuId;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+S`, `F8`), shown in both menus. */
  accelerator?: string;
  /** Further keys that run the action (not shown): Ctrl+Shift+Z is redo too. */
  alternates?: readonly string[];
  keys?: KeyScope;
  /** Items of one menu are grouped; a separator goes between groups. */
  group: number;
  /** A shorter label for a toolbar button, and its tooltip. */
  toolbar?: { label: string; title: string };
  enabledWhen(state: ActionState): boolean;
}

const always = () => true;
const withDocument = (s: ActionState) => s.hasDocument;

/** The fixed actions; 生成 is appended from the derivations (see buildActions). */
const FIXED: readonly ActionDef[] = [
  { id: 'new', label: '新建…', menu: 'file', group: 0, accelerator: 'CmdOrCtrl+N', keys: 'always', toolbar: { label: '新建', title: '新建文档（选择模板）' }, enabledWhen: always },
  { id: 'open', label: '打开…', menu: 'file', group: 0, accelerator: 'CmdOrCtrl+O', keys: 'always', toolbar: { label: '打开', title: '打开文档' }, enabledWhen: always },
  { id: 'save', label: '保存', menu: 'file', group: 1, accelerator: 'CmdOrCtrl+S', keys: 'always', toolbar: { label: '保存', title: '保存' }, enabledWhen: withDocument },
  { id: 'saveAs', label: '另存为…', menu: 'file', group: 1, accelerator: 'CmdOrCtrl+Shift+S', keys: 'always', toolbar: { label: '另存为', title: '另存为' }, enabledWhen: withDocument },
  { id: 'history', label: '历史版本…', menu: 'file', group: 1, toolbar: { label: '历史版本', title: '打开本文档以前保存的版本（最近 10 次保存）' }, enabledWhen: withDocument },
  { id: 'mergeUnits', label: '汇总下属单位…', hint: '把各下属单位的文件相加生成部门文档', menu: 'file', group: 2, enabledWhen: always },
  { id: 'remerge', label: '重新汇总…', hint: '重新读取各下属单位文件并更新部门数', menu: 'file', group: 2, enabledWhen: (s) => s.hasDocument && !!s.consolidated },
  { id: 'settings', label: '文档设置…', menu: 'file', group: 3, toolbar: { label: '文档设置', title: '单位名称、编制部门、年度、部门/单位' }, enabledWhen: withDocument },

  { id: 'undo', label: '撤销', menu: 'edit', group: 0, accelerator: 'CmdOrCtrl+Z', keys: 'outsideText', toolbar: { label: '撤销', title: '撤销' }, enabledWhen: (s) => s.hasDocument && s.canUndo },
  { id: 'redo', label: '重做', menu: 'edit', group: 0, accelerator: 'CmdOrCtrl+Y', alternates: ['CmdOrCtrl+Shift+Z'], keys: 'outsideText', toolbar: { label: '重做', title: '重做' }, enabledWhen: (s) => s.hasDocument && s.canRedo },
  { id: 'copy', label: '复制', menu: 'edit', group: 1, accelerator: 'CmdOrCtrl+C', keys: 'shown', enabledWhen: withDocument },
  { id: 'paste', label: '粘贴', menu: 'edit', group: 1, accelerator: 'CmdOrCtrl+V', keys: 'shown', enabledWhen: withDocument },

  { id: 'importExcel', label: 'Excel 工作簿…', hint: '预算系统导出的表格', menu: 'import', group: 0, enabledWhen: always },
  { id: 'importCodes', label: '科目表…', hint: '当年科目编码 CSV/Excel', menu: 'import', group: 0, enabledWhen: withDocument },

  { id: 'exportExcel', label: 'Excel 工作簿…', menu: 'export', group: 0, toolbar: { label: '导出 Excel', title: '导出为 Excel 工作簿' }, enabledWhen: withDocument },
  { id: 'exportWord', label: 'Word 文档…', menu: 'export', group: 0, toolbar: { label: '导出 Word', title: '导出为 Word 文档' }, enabledWhen: withDocument },
  { id: 'exportCsv', label: '开放数据：CSV（每表一个文件）…', hint: '压缩包，UTF-8', menu: 'export', group: 1, enabledWhen: withDocument },
  { id: 'exportData', label: '开放数据：JSON（表格、审核结果和说明）…', menu: 'export', group: 1, enabledWhen: withDocument },

  { id: 'nextError', label: '下一个错误', menu: 'review', group: 0, accelerator: 'F8', keys: 'outsideText', enabledWhen: (s) => s.hasDocument && s.errorCount > 0 },
  { id: 'previousError', label: '上一个错误', menu: 'review', group: 0, accelerator: 'Shift+F8', keys: 'outsideText', enabledWhen: (s) => s.hasDocument && s.errorCount > 0 },
  { id: 'batchCheck', label: '批量审核文件夹…', hint: '各单位报送的 .ysgk / .xlsx', menu: 'review', group: 2, enabledWhen: always },
  { id: 'textUses', label: '在说明中查看此格…', hint: '引用所选单元格的句子', menu: 'review', group: 1, enabledWhen: withDocument },

  { id: 'loadTemplate', label: '加载模板集…', hint: '财政局下发的模板文件', menu: 'template', group: 0, enabledWhen: always },
  { id: 'templateFromWorkbook', label: '从空白模板工作簿创建…', hint: '由财政局的空白表样生成模板集', menu: 'template', group: 0, enabledWhen: always },
  { id: 'manageTemplates', label: '管理模板集…', hint: '查看、编辑、删除自己的模板集', menu: 'template', group: 1, enabledWhen: always },

  { id: 'about', label: '关于预算公开编制助手', menu: 'help', group: 0, enabledWhen: always },
];

export interface DerivationEntry {
  id: string;
  label: string;
}

export function deriveActionId(derivationId: string): DeriveActionId {
  return `derive:${derivationId}`;
}

/** The derivation a 生成 action runs, or null for any other action. */
export function derivationOf(id: ActionId): string | null {
  return id.startsWith('derive:') ? id.slice('derive:'.length) : null;
}

/** Every action, menus in order, 生成 listing the derivations given (core/derive/generate.ts DERIVATIONS). */
export function buildActions(derivations: readonly DerivationEntry[]): ActionDef[] {
  const derived: ActionDef[] = derivations.map((d, i) => ({
    id: deriveActionId(d.id),
    label: d.label,
    menu: 'generate',
    // 重新计算 (the first) stands apart from the table generators.
    group: i === 0 ? 0 : 1,
    enabledWhen: withDocument,
  }));
  const all = [...FIXED, ...derived];
  const order = new Map<MenuId, number>(MENUS.map((m, i) => [m.id, i]));
  return all.map((a, i) => ({ a, i })).sort((x, y) => order.get(x.a.menu)! - order.get(y.a.menu)! || x.i - y.i).map((x) => x.a);
}

/** The actions of one menu in their groups (each group non-empty), for drawing separators between them. */
export function menuGroups(actions: readonly ActionDef[], menu: MenuId): ActionDef[][] {
  const groups = new Map<number, ActionDef[]>();
  for (const a of actions) {
    if (a.menu !== menu) continue;
    const list = groups.get(a.group);
    if (list) list.push(a);
    else groups.set(a.group, [a]);
  }
  return [...groups.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
}

export function findAction(actions: readonly ActionDef[], id: ActionId): ActionDef | undefined {
  return actions.find((a) => a.id === id);
}

/** The state with nothing open: only actions that need no document are enabled. */
export const NO_DOCUMENT: ActionState = { hasDocument: false, canUndo: false, canRedo: false, readOnly: false, errorCount: 0 };
