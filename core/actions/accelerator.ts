/**
 * Accelerators are written once in Electron's syntax (`CmdOrCtrl+Shift+S`): Electron reads them as they are, the
 * page matches key events against them and prints them the way the officer's keyboard labels the keys.
 */

export interface Chord {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-case key name as KeyboardEvent.key gives it for a letter (`s`), or the named key (`f8`, `delete`). */
  key: string;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Parsed once per accelerator: every key press is matched against all of them, and the toolbar prints them. */
const parsed = new Map<string, Chord>();

export function parseAccelerator(accelerator: string): Chord {
  let chord = parsed.get(accelerator);
  if (!chord) parsed.set(accelerator, (chord = parse(accelerator)));
  return chord;
}

function parse(accelerator: string): Chord {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    ctrl: mods.has('cmdorctrl') || mods.has('commandorcontrol') || mods.has('ctrl') || mods.has('control') || mods.has('cmd') || mods.has('command'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key,
  };
}

/** Whether a key event is the accelerator; Ctrl and ⌘ count the same (CmdOrCtrl), the other modifiers must match. */
export function matchesAccelerator(accelerator: string, event: KeyLike): boolean {
  const chord = parseAccelerator(accelerator);
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== chord.ctrl || event.shiftKey !== chord.shift || event.altKey !== chord.alt) return false;
  return event.key.toLowerCase() === chord.key;
}

/** `CmdOrCtrl+Shift+S` → `Ctrl+Shift+S` (`⌘⇧S` on a Mac). */
export function displayAccelerator(accelerator: string, mac = false): string {
  const chord = parseAccelerator(accelerator);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key.charAt(0).toUpperCase() + chord.key.slice(1);
  if (mac) return `${chord.ctrl ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`;
  return [chord.ctrl ? 'Ctrl' : '', chord.shift ? 'Shift' : '', chord.alt ? 'Alt' : '', key].filter(Boolean).join('+');
}
