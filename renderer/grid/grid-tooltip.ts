/**
 * One tooltip for the whole grid: a single element and one delegated pointer listener, instead of AG Grid's
 * per-cell tooltip feature (which every rendered cell set up and tore down while scrolling 5,000 rows). The text
 * is asked for only when the pointer rests on a cell; the grid can also show it at a cell at once (a computed cell
 * that was typed into explains itself).
 */
export interface GridTooltip {
  /** Shows text under a cell now (replacing any tooltip), until the pointer or the keyboard moves on. */
  showAt(cell: HTMLElement, text: string): void;
  hide(): void;
  dispose(): void;
}

export interface TooltipCell {
  rowId: string;
  colId: string;
  /** Whether the cell's text is cut short (the whole text is then worth showing). */
  clipped: boolean;
}

const DELAY_MS = 350;

export function createGridTooltip(root: HTMLElement, textOf: (cell: TooltipCell) => string | undefined): GridTooltip {
  const tip = document.createElement('div');
  // Also AG Grid's tooltip class: what the grid's tooltip was called before, and what browser tests hover for.
  tip.className = 'bd-grid-tooltip ag-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  let timer = 0;
  let over: HTMLElement | null = null;

  const hide = () => {
    window.clearTimeout(timer);
    tip.hidden = true;
  };
  const showAt = (cell: HTMLElement, text: string) => {
    window.clearTimeout(timer);
    tip.textContent = text;
    tip.hidden = false;
    const box = cell.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(4, Math.min(box.left, window.innerWidth - width - 4));
    // Below the cell, or above it when the window ends first.
    const top = box.bottom + 4 + height <= window.innerHeight ? box.bottom + 4 : Math.max(4, box.top - height - 4);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  };

  const cellAt = (target: EventTarget | null): HTMLElement | null => {
    const el = (target as HTMLElement | null)?.closest?.('.ag-cell');
    return el instanceof HTMLElement && root.contains(el) ? el : null;
  };
  const onOver = (e: PointerEvent) => {
    const cell = cellAt(e.target);
    if (cell === over) return;
    over = cell;
    hide();
    if (!cell) return;
    timer = window.setTimeout(() => {
      const rowId = cell.closest('.ag-row')?.getAttribute('row-id');
      const colId = cell.getAttribute('col-id');
      if (!rowId || !colId || !cell.isConnected) return;
      const text = textOf({ rowId, colId, clipped: isClipped(cell) });
      if (text) showAt(cell, text);
    }, DELAY_MS);
  };
  const onLeave = () => {
    over = null;
    hide();
  };
  root.addEventListener('pointerover', onOver);
  root.addEventListener('pointerleave', onLeave);
  // Scrolling or typing moves the cell away from under the tooltip.
  root.addEventListener('wheel', hide, { passive: true });
  root.addEventListener('scroll', hide, { capture: true, passive: true });
  root.addEventListener('pointerdown', hide);

  return {
    showAt,
    hide,
    dispose() {
      hide();
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('pointerleave', onLeave);
      root.removeEventListener('wheel', hide);
      root.removeEventListener('scroll', hide, { capture: true });
      root.removeEventListener('pointerdown', hide);
      tip.remove();
    },
  };
}

/** A cell whose text does not fit its width (AG Grid ellipsises the value wrapper, or the cell itself). */
function isClipped(cell: HTMLElement): boolean {
  const inner = cell.querySelector<HTMLElement>('.ag-cell-value') ?? cell;
  return inner.scrollWidth > inner.clientWidth + 1;
}
