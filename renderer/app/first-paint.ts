import type { CheckerClient } from './remote-checker';

/**
 * A document's first table on screen. On a two-core office PC the two checking workers (each loading the core, then
 * reading and checking the whole document) would otherwise compete with the page for the CPU exactly while it builds
 * the grid: at startup, and again when a large document is opened (its structures, rows and first screenful are the
 * page's longest tasks). The checks of a document start once its table has painted, or after a short wait when the
 * page shows something else (a dialog, a text section), so findings are never held back for long.
 */
const FALLBACK_MS = 1500;

/** Releases every hold not yet released (null when nothing is held). */
let release: (() => void) | null = null;
/** Every hold so far, in order: a request waits for all of them, so requests reach a worker in the order made. */
let held: Promise<void> = Promise.resolve();

/** Holds made and not yet released. */
let unreleased = 0;

function hold(): () => void {
  let done!: () => void;
  unreleased += 1;
  const gate = new Promise<void>((resolve) => {
    let released = false;
    done = () => {
      if (released) return;
      released = true;
      unreleased -= 1;
      resolve();
    };
  });
  const previous = release;
  const all = () => {
    previous?.();
    done();
  };
  release = all;
  held = held.then(() => gate);
  return all;
}

// The startup hold (the page's first table): its fallback wait starts with the first request, as the page may take
// a while to load its code before it asks for anything.
let startupFallback: (() => void) | null = hold();

/** Holds the checks until the next table has painted (or the fallback wait): a document is being opened. */
export function holdChecksUntilTableShown(): void {
  setTimeout(hold(), FALLBACK_MS);
}

/** Resolves once every hold so far is released: after the tables in question painted (or the fallback waits). */
export function tableShown(): Promise<void> {
  if (startupFallback) {
    setTimeout(startupFallback, FALLBACK_MS);
    startupFallback = null;
  }
  return held;
}

/** Called when a grid has rendered its rows: releases the holds after the frame that paints them. */
export function markTableShown(): void {
  if (!release) return;
  const done = release;
  release = null;
  requestAnimationFrame(() => setTimeout(done, 0));
}

/**
 * A client whose requests wait while a document's first table is being shown. Every request waits on the holds made
 * before it, so requests still reach the worker in the order they were made (a patch never overtakes its open).
 * When nothing is held and no earlier request is still waiting, a request goes out at once, in the caller's task:
 * an edit's patch then reaches the checking worker while the page is still busy with the keystroke (moving the
 * focus, redrawing), not after it, and its findings come back that much sooner.
 */
export function afterTableShown(client: CheckerClient): CheckerClient {
  let waiting = 0;
  return {
    run: (kind, payload) => {
      if (waiting === 0 && unreleased === 0) return client.run(kind, payload);
      waiting += 1;
      return tableShown().then(() => {
        waiting -= 1;
        return client.run(kind, payload);
      });
    },
  };
}
