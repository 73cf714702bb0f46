import { describe, it, expect, vi } from 'vitest';
import { CloseGuard, windowTitle, type CloseChoice } from './close-guard';

function setup(choice: CloseChoice) {
  const deps = { ask: vi.fn(async () => choice), requestSave: vi.fn(), close: vi.fn(), onCleanExit: vi.fn() };
  return { guard: new CloseGuard(deps), deps };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('CloseGuard', () => {
  it('closes at once when there is nothing unsaved', () => {
    const { guard, deps } = setup('cancel');
    expect(guard.onCloseRequested()).toBe(false);
    expect(deps.ask).not.toHaveBeenCalled();
    expect(deps.onCleanExit).toHaveBeenCalled();
  });

  it('不保存 closes and counts as a clean exit', async () => {
    const { guard, deps } = setup('discard');
    guard.onDocumentState(true);
    expect(guard.onCloseRequested()).toBe(true);
    await flush();
    expect(deps.close).toHaveBeenCalled();
    expect(guard.onCloseRequested()).toBe(false); // the close() the guard triggered goes through
    expect(deps.onCleanExit).toHaveBeenCalled();
  });

  it('取消 keeps the window open', async () => {
    const { guard, deps } = setup('cancel');
    guard.onDocumentState(true);
    expect(guard.onCloseRequested()).toBe(true);
    await flush();
    expect(deps.close).not.toHaveBeenCalled();
    expect(deps.onCleanExit).not.toHaveBeenCalled();
  });

  it('保存 asks the renderer to save and closes once it reports a clean document', async () => {
    const { guard, deps } = setup('save');
    guard.onDocumentState(true);
    guard.onCloseRequested();
    await flush();
    expect(deps.requestSave).toHaveBeenCalled();
    expect(deps.close).not.toHaveBeenCalled();
    guard.onDocumentState(false);
    expect(deps.close).toHaveBeenCalled();
  });

  it('保存 whose dialog is cancelled keeps the window open, and a later save does not close it', async () => {
    const { guard, deps } = setup('save');
    guard.onDocumentState(true);
    guard.onCloseRequested();
    await flush();
    guard.onSaveAbandoned();
    guard.onDocumentState(false);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('asks only once when close is requested repeatedly while the question is open', async () => {
    const { guard, deps } = setup('cancel');
    guard.onDocumentState(true);
    guard.onCloseRequested();
    guard.onCloseRequested();
    await flush();
    expect(deps.ask).toHaveBeenCalledTimes(1);
  });
});

describe('windowTitle', () => {
  it('shows the document, the unsaved mark and the app', () => {
    expect(windowTitle('2024年部门预算.ysgk', true)).toBe('● 2024年部门预算.ysgk - 预算公开编制助手');
    expect(windowTitle('2024年部门预算.ysgk', false)).toBe('2024年部门预算.ysgk - 预算公开编制助手');
    expect(windowTitle('  ', false)).toBe('预算公开编制助手');
    expect(windowTitle('a.ysgk — 若羌县医疗保障局 2024年部门预算 — 预算公开编制助手', true)).toBe('● a.ysgk — 若羌县医疗保障局 2024年部门预算 — 预算公开编制助手');
  });
});
