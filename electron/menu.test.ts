import { describe, it, expect, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

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
  it('has the Chinese menus and every command the renderer handles', () => {
    const { items, click, options } = setup();
    const expected: [string, string][] = [
      ['文件(&F) > 新建…', 'new'],
      ['文件(&F) > 打开…', 'open'],
      ['文件(&F) > 保存', 'save'],
      ['文件(&F) > 另存为…', 'saveAs'],
      ['文件(&F) > 历史版本…', 'history'],
      ['文件(&F) > 导入 > Excel 工作簿…', 'importExcel'],
      ['文件(&F) > 导入 > 科目表…', 'importCodes'],
      ['文件(&F) > 导入 > 模板集…', 'loadTemplate'],
      ['文件(&F) > 导出 > Excel…', 'exportExcel'],
      ['文件(&F) > 导出 > Word…', 'exportWord'],
      ['文件(&F) > 文档设置…', 'settings'],
      ['编辑(&E) > 撤销', 'undo'],
      ['编辑(&E) > 重做', 'redo'],
      ['编辑(&E) > 复制', 'copy'],
      ['编辑(&E) > 粘贴', 'paste'],
      ['帮助(&H) > 关于预算公开编制助手', 'about'],
    ];
    for (const [path, command] of expected) {
      expect(items.has(path), path).toBe(true);
      click(path);
      expect(options.send).toHaveBeenLastCalledWith(command);
    }
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

  it('leaves editing keys to the page so the grid receives them', () => {
    const { items } = setup();
    for (const label of ['撤销', '重做', '复制', '粘贴']) {
      expect(items.get(`编辑(&E) > ${label}`)!.registerAccelerator).toBe(false);
    }
  });

  it('offers developer tools only when asked (unpackaged)', () => {
    expect([...setup().items.keys()].some((k) => k.includes('开发者工具'))).toBe(false);
    const items = flatten(buildMenuTemplate({ recent: [], send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), quit: vi.fn(), devTools: vi.fn() }));
    expect(items.has('帮助(&H) > 开发者工具')).toBe(true);
  });
});
