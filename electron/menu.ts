import type { MenuItemConstructorOptions } from 'electron';
import { buildActions, MENUS, menuGroups, type ActionDef, type ActionId, type MenuId } from '../core/actions/actions';
import { DERIVATIONS } from '../core/derive/generate';
import type { RecentFile } from '../core/ipc/contract';

/**
 * The Chinese application menu, built from the same action list as the page's menu bar (core/actions). Items only
 * send the action id; the renderer runs it and ignores an action that is not enabled in its current state (the
 * main process does not know the document). Accelerators are shown but not registered: the page's key handler
 * (renderer/app/use-shortcuts.ts) runs them in both hosts, and a registered accelerator would swallow the key before
 * the grid or a text field sees it (and undo twice).
 */
export interface MenuOptions {
  recent: RecentFile[];
  send(action: ActionId): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
  /** Adds 开发者工具 when unpackaged (`npm start`). */
  devTools?: () => void;
  platform?: NodeJS.Platform;
}

/** The actions the desktop menu shows: every one of the page's, 生成 included. */
export function menuActions(): ActionDef[] {
  return buildActions(DERIVATIONS);
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const actions = menuActions();
  const item = (a: ActionDef): MenuItemConstructorOptions => ({
    label: a.label,
    click: () => options.send(a.id),
    ...(a.hint ? { toolTip: a.hint } : {}),
    ...(a.accelerator ? { accelerator: a.accelerator, registerAccelerator: false } : {}),
  });
  const groupsOf = (menu: MenuId): MenuItemConstructorOptions[] =>
    menuGroups(actions, menu).flatMap((group, i) => [...(i > 0 ? [{ type: 'separator' as const }] : []), ...group.map(item)]);

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

  return MENUS.map((menu) => {
    let submenu = groupsOf(menu.id);
    if (menu.id === 'file') {
      // 最近打开 and 退出 belong to the desktop window only: after 打开…, and at the end.
      const afterOpen = submenu.findIndex((m) => m.label === '打开…') + 1;
      submenu = [
        ...submenu.slice(0, afterOpen),
        { label: '最近打开', submenu: recentItems },
        ...submenu.slice(afterOpen),
        { type: 'separator' },
        { label: '退出', accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4', registerAccelerator: false, click: () => options.quit() },
      ];
    }
    if (menu.id === 'help' && options.devTools) submenu = [...submenu, { type: 'separator' }, { label: '开发者工具', accelerator: 'F12', click: options.devTools }];
    return { label: `${menu.label}(&${menu.mnemonic})`, submenu };
  });
}
