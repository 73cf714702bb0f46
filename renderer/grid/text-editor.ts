import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

/**
 * The editor of text cells (project names, row names). It takes its first text from the IME proxy (ime-proxy.ts):
 * the characters committed before the grid started editing. Reading the seed in init() — instead of writing into the
 * built-in editor after it appears — leaves no window in which the grid could overwrite the committed Chinese.
 */
let pendingSeed: string | null = null;

export function seedNextEditor(text: string): void {
  pendingSeed = (pendingSeed ?? '') + text;
}

export function clearEditorSeed(): void {
  pendingSeed = null;
}

export class SeededTextEditor implements ICellEditorComp {
  private input!: HTMLInputElement;
  private caretAtEnd = true;

  init(params: ICellEditorParams): void {
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.className = 'ag-input-field-input ag-text-field-input bd-text-editor';
    this.input.setAttribute('aria-label', '编辑单元格');
    const seed = pendingSeed;
    pendingSeed = null;
    if (seed !== null) this.input.value = seed;
    else if (params.eventKey === 'Backspace' || params.eventKey === 'Delete') this.input.value = '';
    else if (params.eventKey && params.eventKey.length === 1) this.input.value = params.eventKey;
    else {
      this.input.value = params.value == null ? '' : String(params.value);
      // F2 / double-click keep the text with the caret at the end; Enter-to-edit selects it like the built-in editor.
      this.caretAtEnd = params.eventKey !== 'Enter';
    }
  }

  getGui(): HTMLElement {
    return this.input;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const n = this.input.value.length;
    if (this.caretAtEnd) this.input.setSelectionRange(n, n);
    else this.input.select();
  }

  getValue(): string {
    return this.input.value;
  }

  /** Text committed by a second IME phrase before this editor took focus goes on the end. */
  append(text: string): void {
    this.input.value += text;
    const n = this.input.value.length;
    this.input.setSelectionRange(n, n);
  }
}
