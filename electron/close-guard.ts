/**
 * Prompt before closing with unsaved changes: 保存 / 不保存 / 取消. 保存 asks the renderer to save (it owns the
 * document bytes); the window closes once the renderer reports a clean state, and stays open if the save dialog was
 * cancelled or the save failed.
 */
export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  ask(): Promise<CloseChoice>;
  requestSave(): void;
  close(): void;
  /** Called once the user has decided to leave (saved or discarded): the recovery copy is no longer needed. */
  onCleanExit(): void;
}

export class CloseGuard {
  private dirty = false;
  private allow = false;
  private asking = false;
  private savingToClose = false;

  constructor(private readonly deps: CloseGuardDeps) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  /** From the window's 'close' event: true when the close must be prevented (the guard will close later). */
  onCloseRequested(): boolean {
    if (this.allow || !this.dirty) {
      this.deps.onCleanExit();
      return false;
    }
    if (!this.asking) void this.askAndAct();
    return true;
  }

  /** From setDocumentState. */
  onDocumentState(dirty: boolean): void {
    this.dirty = dirty;
    if (!dirty && this.savingToClose) {
      this.savingToClose = false;
      this.allow = true;
      this.deps.close();
    }
  }

  /** The save the guard asked for did not happen (dialog cancelled, write failed): stay open. */
  onSaveAbandoned(): void {
    this.savingToClose = false;
  }

  private async askAndAct(): Promise<void> {
    this.asking = true;
    let choice: CloseChoice;
    try {
      choice = await this.deps.ask();
    } finally {
      this.asking = false;
    }
    if (choice === 'discard') {
      this.allow = true;
      this.deps.close();
    } else if (choice === 'save') {
      this.savingToClose = true;
      this.deps.requestSave();
    }
  }
}

/** Window title: document name, unsaved mark, app name. */
export const APP_TITLE = '预算公开编制助手';

export function windowTitle(title: string, dirty: boolean): string {
  const name = title.trim();
  // The renderer may already end its title with the app name; do not repeat it.
  const full = !name ? APP_TITLE : name.includes(APP_TITLE) ? name : `${name} - ${APP_TITLE}`;
  return `${dirty ? '● ' : ''}${full}`;
}
