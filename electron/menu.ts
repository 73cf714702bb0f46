import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../core/ipc/contract';

/**
 * The Chinese application menu. Items only raise MenuCommand events; the renderer performs the action. Editing
 * shortcuts (Ctrl+Z/Y/C/V) are shown but not registered: the grid and text fields handle those keys themselves, and a
 * registered accelerator would swallow them (and undo twice). File shortcuts follow PAGE_HANDLES_FILE_SHORTCUTS.
 */
/** The renderer raises new/open/save from its own key handler in both hosts (selectHost's dispatchMenu). */
export const PAGE_HANDLES_FILE_SHORTCUTS = true;
const FILE_KEYS = !PAGE_HANDLES_FILE_SHORTCUTS;
export interface MenuOptions {
  recent: RecentFile[];
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
  /** Adds 开发者工具 when unpackaged (`npm start`). */
  devTools?: () => void;
  platform?: NodeJS.Platform;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string, register = true): MenuItemConstructorOptions => ({
    label,
    click: () => options.send(command),
    ...(accelerator ? { accelerator, registerAccelerator: register } : {}),
  });
  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : [
          ...options.recent.map((file, i) => ({
            label: `${i + 1}. ${file.name}`,
            toolTip: file.path,
            click: () => options.openRecent(file.path),
          })),
          { type: 'separator' as const },
          { label: '清除列表', click: () => options.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      cmd('新建…', 'new', 'CmdOrCtrl+N', FILE_KEYS),
      cmd('打开…', 'open', 'CmdOrCtrl+O', FILE_KEYS),
      { label: '最近打开', submenu: recentItems },
      { type: 'separator' },
      cmd('保存', 'save', 'CmdOrCtrl+S', FILE_KEYS),
      cmd('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S', FILE_KEYS),
      cmd('历史版本…', 'history'),
      { type: 'separator' },
      {
        label: '导入',
        submenu: [cmd('Excel 工作簿…', 'importExcel'), cmd('科目表…', 'importCodes'), cmd('模板集…', 'loadTemplate')],
      },
      { label: '导出', submenu: [cmd('Excel…', 'exportExcel'), cmd('Word…', 'exportWord')] },
      { type: 'separator' },
      cmd('文档设置…', 'settings'),
      { type: 'separator' },
      { label: '退出', accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4', registerAccelerator: false, click: () => options.quit() },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      cmd('撤销', 'undo', 'CmdOrCtrl+Z', false),
      cmd('重做', 'redo', 'CmdOrCtrl+Y', false),
      { type: 'separator' },
      cmd('复制', 'copy', 'CmdOrCtrl+C', false),
      cmd('粘贴', 'paste', 'CmdOrCtrl+V', false),
    ],
  };
  const helpItems: MenuItemConstructorOptions[] = [cmd('关于预算公开编制助手', 'about')];
  if (options.devTools) helpItems.push({ type: 'separator' }, { label: '开发者工具', accelerator: 'F12', click: options.devTools });
  return [file, edit, { label: '帮助(&H)', submenu: helpItems }];
}
