/**
 * The page's first table on screen. On a two-core office PC the two checking workers (each loading and compiling the
 * core, then checking the whole document) would otherwise compete with the page for the CPU exactly while it builds
 * the first grid: they start once that grid has painted, or after a short wait when the page opens on something else
 * (a dialog, a text section), so findings are never held back for long.
 */
const FALLBACK_MS = 1500;

let release: (() => void) | null = null;
const shown = new Promise<void>((resolve) => {
  release = resolve;
});
let waiting = false;

/** Resolves after the first table's rows have painted (or the fallback wait). */
export function firstTableShown(): Promise<void> {
  if (!waiting && release) {
    waiting = true;
    setTimeout(() => release?.(), FALLBACK_MS);
  }
  return shown;
}

/** Called when a grid has rendered its rows: releases the waiters after the frame that paints them. */
export function markTableShown(): void {
  if (!release) return;
  const done = release;
  release = null;
  requestAnimationFrame(() => setTimeout(done, 0));
}
