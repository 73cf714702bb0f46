import { describe, expect, it } from 'vitest';
import { DERIVATIONS } from '../derive/generate';
import { displayAccelerator, matchesAccelerator } from './accelerator';
import { buildActions, derivationOf, findAction, MENUS, menuGroups, NO_DOCUMENT, type ActionState } from './actions';

const actions = buildActions(DERIVATIONS);
const open: ActionState = { hasDocument: true, canUndo: false, canRedo: false, readOnly: false, errorCount: 0 };
const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('action registry', () => {
  it('has the eight menus in order, each with at least one action, and unique ids and labels within a menu', () => {
    expect(MENUS.map((m) => m.label)).toEqual(['文件', '编辑', '导入', '导出', '生成', '审核', '模板', '帮助']);
    for (const m of MENUS) expect(actions.some((a) => a.menu === m.id), m.label).toBe(true);
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    for (const m of MENUS) {
      const labels = actions.filter((a) => a.menu === m.id).map((a) => a.label);
      expect(new Set(labels).size, m.label).toBe(labels.length);
    }
  });

  it('lists actions menu by menu in the order of MENUS', () => {
    const order = actions.map((a) => MENUS.findIndex((m) => m.id === a.menu));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('生成 lists every derivation by its own label and runs it by id', () => {
    const generate = actions.filter((a) => a.menu === 'generate');
    expect(generate.map((a) => a.label)).toEqual(DERIVATIONS.map((d) => d.label));
    expect(generate.map((a) => derivationOf(a.id))).toEqual(DERIVATIONS.map((d) => d.id));
    expect(derivationOf('save')).toBeNull();
    expect(menuGroups(actions, 'generate').map((g) => g.length)).toEqual([1, DERIVATIONS.length - 1]);
  });

  it('enables by state: without a document only new/open/import/batch check/template/about; undo and redo by history; review by 错误', () => {
    const enabled = (s: ActionState) => actions.filter((a) => a.enabledWhen(s)).map((a) => a.id);
    expect(enabled(NO_DOCUMENT)).toEqual(['new', 'open', 'mergeUnits', 'importExcel', 'batchCheck', 'loadTemplate', 'templateFromWorkbook', 'manageTemplates', 'about']);
    // 重新汇总 only for a document consolidated from its units.
    expect(enabled(open)).not.toContain('remerge');
    expect(enabled({ ...open, consolidated: true })).toContain('remerge');
    expect(enabled(open)).not.toContain('undo');
    expect(enabled({ ...open, canUndo: true })).toContain('undo');
    expect(enabled({ ...open, canRedo: true })).toContain('redo');
    expect(enabled(open)).not.toContain('nextError');
    expect(enabled({ ...open, errorCount: 2 })).toEqual(expect.arrayContaining(['nextError', 'previousError']));
    // Read-only documents still save (as 另存为) and export.
    expect(enabled({ ...open, readOnly: true })).toEqual(expect.arrayContaining(['save', 'exportExcel', 'exportWord']));
  });

  it('shortcuts are unique across every action, alternates included', () => {
    const keys = actions.flatMap((a) => [a.accelerator, ...(a.alternates ?? [])]).filter((k): k is string => !!k);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
    expect(findAction(actions, 'save')?.accelerator).toBe('CmdOrCtrl+S');
  });
});

describe('accelerators', () => {
  it('match Ctrl or ⌘ for CmdOrCtrl and require the other modifiers exactly', () => {
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('S', { metaKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+Shift+S', key('S', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s'))).toBe(false);
    expect(matchesAccelerator('F8', key('F8'))).toBe(true);
    expect(matchesAccelerator('Shift+F8', key('F8', { shiftKey: true }))).toBe(true);
    expect(matchesAccelerator('F8', key('F8', { altKey: true }))).toBe(false);
  });

  it('print as the keyboard labels them', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+S')).toBe('Ctrl+Shift+S');
    expect(displayAccelerator('Shift+F8')).toBe('Shift+F8');
    expect(displayAccelerator('CmdOrCtrl+Z', true)).toBe('⌘Z');
  });
});
