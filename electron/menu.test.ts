import { describe, it, expect, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENUS, menuGroups } from '../core/actions/actions';
import { MENU_COMMANDS } from './ipc-schemas';
import { buildMenuTemplate, menuActions } from './menu';

vi.mock('electron', () => ({}));

function flatten(items: MenuItemConstructorOptions[], trail: string[] = []): Map<string, MenuItemConstructorOptions> {
  const out = new Map<string, MenuItemConstructorOptions>();
  for (const item of items) {
    if (!item.label) continue;
    const path = [...trail, item.label];
    out.set(path.join(' > '), item);
    if (Array.isArray(item.submenu)) for (const [k, v] of flatten(item.submenu, path)) out.set(k, v);
  }
  return out;
}

function setup(recent = [{ path: '/d/2024.ysgk', name: '2024.ysgk' }]) {
  const options = { recent, send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), quit: vi.fn() };
  const items = flatten(buildMenuTemplate(options));
  const click = (path: string) => (items.get(path)!.click as () => void)();
  return { options, items, click };
}

describe('application menu', () => {
  it('is the shared action list: the same menus, labels, order, separators and accelerators as the page', () => {
    const { options } = setup();
    const template = buildMenuTemplate(options);
    const actions = menuActions();
    expect(template.map((m) => m.label)).toEqual(MENUS.map((m) => `${m.label}(&${m.mnemonic})`));
    for (const [i, menu] of MENUS.entries()) {
      const items = (template[i]!.submenu as MenuItemConstructorOptions[])
        // Desktop-only items: recent files, quit, developer tools.
        .filter((m) => !['最近打开', '退出', '开发者工具'].includes(m.label ?? ''));
      const shown = items.map((m) => (m.type === 'separator' ? '—' : m.label));
      while (shown.at(-1) === '—') shown.pop();
      const expected = menuGroups(actions, menu.id).flatMap((g, j) => [...(j > 0 ? ['—'] : []), ...g.map((a) => a.label)]);
      expect(shown, menu.label).toEqual(expected);
      for (const m of items) {
        if (m.type === 'separator') continue;
        const action = actions.find((a) => a.menu === menu.id && a.label === m.label)!;
        expect(m.accelerator, m.label).toBe(action.accelerator);
        (m.click as () => void)();
        expect(options.send).toHaveBeenLastCalledWith(action.id);
      }
    }
  });

  it('sends every menu command the renderer handles, and 生成 sends the derivation', () => {
    const { items, click, options } = setup();
    const expected: [string, string][] = [
      ['文件(&F) > 新建…', 'new'],
      ['文件(&F) > 打开…', 'open'],
      ['文件(&F) > 保存', 'save'],
      ['文件(&F) > 另存为…', 'saveAs'],
      ['文件(&F) > 历史版本…', 'history'],
      ['文件(&F) > 文档设置…', 'settings'],
      ['编辑(&E) > 撤销', 'undo'],
      ['编辑(&E) > 重做', 'redo'],
      ['编辑(&E) > 复制', 'copy'],
      ['编辑(&E) > 粘贴', 'paste'],
      ['导入(&I) > Excel 工作簿…', 'importExcel'],
      ['导入(&I) > 科目表…', 'importCodes'],
      ['导出(&X) > Excel 工作簿…', 'exportExcel'],
      ['导出(&X) > Word 文档…', 'exportWord'],
      ['生成(&G) > 生成收支总体情况表', 'derive:overview'],
      ['审核(&R) > 下一个错误', 'nextError'],
      ['模板(&T) > 加载模板集…', 'loadTemplate'],
      ['帮助(&H) > 关于预算公开编制助手', 'about'],
    ];
    for (const [path, command] of expected) {
      expect(items.has(path), path).toBe(true);
      click(path);
      expect(options.send).toHaveBeenLastCalledWith(command);
    }
    const commands = new Set(menuActions().map((a) => a.id));
    for (const command of MENU_COMMANDS) expect(commands.has(command), command).toBe(true);
  });

  it('lists recent files, opens one by path, and clears the list', () => {
    const { click, options, items } = setup();
    click('文件(&F) > 最近打开 > 1. 2024.ysgk');
    expect(options.openRecent).toHaveBeenCalledWith('/d/2024.ysgk');
    click('文件(&F) > 最近打开 > 清除列表');
    expect(options.clearRecent).toHaveBeenCalled();
    expect(items.get('文件(&F) > 最近打开 > 1. 2024.ysgk')!.toolTip).toBe('/d/2024.ysgk');
  });

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const { items } = setup([]);
    expect(items.get('文件(&F) > 最近打开 > （无）')!.enabled).toBe(false);
  });

  it('leaves every shortcut to the page so the grid and text fields receive the keys', () => {
    const { items } = setup();
    for (const [path, item] of items) {
      if (item.accelerator && !path.endsWith('开发者工具')) expect(item.registerAccelerator, path).toBe(false);
    }
    expect(items.get('文件(&F) > 保存')!.accelerator).toBe('CmdOrCtrl+S');
  });

  it('offers developer tools only when asked (unpackaged)', () => {
    expect([...setup().items.keys()].some((k) => k.includes('开发者工具'))).toBe(false);
    const items = flatten(buildMenuTemplate({ recent: [], send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), quit: vi.fn(), devTools: vi.fn() }));
    expect(items.has('帮助(&H) > 开发者工具')).toBe(true);
  });
});
