import type { BudgetDocument, JsonValue } from '../document/document';
import { MERGE_INPUT, snapshotsOf } from './merge-units';

/**
 * Where a consolidated 部门 document records its units' files. A unit lying in the document's folder, below it or
 * in a folder beside it is recorded relative to the document's folder ("单位1.ysgk", "各单位/单位1.ysgk",
 * "../各单位报送/单位1.ysgk", always with '/', which Windows reads too), so moving or copying the folder that holds
 * them keeps 重新汇总 working; a unit on another drive, share or further away stays absolute, because moving the
 * document's folder does not move it. Pure string logic for '/' and Windows paths (C:\…, \\server\share\…): the
 * desktop host records paths when it saves, the page resolves them before, and the command line records them at
 * `merge`, all with these functions.
 */

interface AbsolutePath {
  /** "/" on POSIX; "C:" or "\\server\share" on Windows (compared without case). */
  root: string;
  parts: string[];
  windows: boolean;
}

const SEPARATORS = /[\\/]+/;

/** Segments with "." dropped and ".." taken back (never above the root). */
function normalized(segments: readonly string[], into: string[] = []): string[] {
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') into.pop();
    else into.push(s);
  }
  return into;
}

/** The root and segments of an absolute path; null for a relative one (or a bare file name). */
function absolute(path: string): AbsolutePath | null {
  const drive = /^([A-Za-z]):[\\/]/.exec(path);
  if (drive) return { root: `${drive[1]!.toUpperCase()}:`, parts: normalized(path.slice(3).split(SEPARATORS)), windows: true };
  const share = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)/.exec(path);
  if (share) return { root: `\\\\${share[1]}\\${share[2]}`, parts: normalized(path.slice(share[0].length).split(SEPARATORS)), windows: true };
  if (path.startsWith('/')) return { root: '/', parts: normalized(path.split(SEPARATORS)), windows: false };
  return null;
}

const format = (p: AbsolutePath): string => (p.windows ? `${p.root}\\${p.parts.join('\\')}` : `/${p.parts.join('/')}`);

/** Windows file names ignore case; POSIX ones do not. */
const sameName = (a: string, b: string, windows: boolean) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);

export const isAbsolutePath = (path: string): boolean => absolute(path) !== null;

/**
 * The unit file a document at documentPath names, as an absolute path: a recorded relative path resolved against
 * the document's folder. Unchanged when it is absolute already or the document's path is not (a browser knows only
 * file names).
 */
export function resolveUnitPath(documentPath: string, file: string): string {
  if (isAbsolutePath(file)) return file;
  const doc = absolute(documentPath);
  if (!doc) return file;
  return format({ ...doc, parts: normalized(file.split(SEPARATORS), doc.parts.slice(0, -1)) });
}

/**
 * How a document at documentPath records the unit at file: relative to the document's folder (with '/') when the
 * unit lies in it, below it or in a folder beside it; otherwise (another drive or share, further away, or either
 * path not absolute) the file as given.
 */
export function recordedUnitPath(documentPath: string, file: string): string {
  const unit = absolute(file);
  const doc = absolute(documentPath);
  if (!unit || !doc || unit.windows !== doc.windows || !sameName(unit.root, doc.root, doc.windows)) return file;
  const folder = doc.parts.slice(0, -1);
  let common = 0;
  while (common < folder.length && common < unit.parts.length - 1 && sameName(folder[common]!, unit.parts[common]!, doc.windows)) common++;
  const up = folder.length - common;
  if (up > 1) return file;
  return [...(up === 1 ? ['..'] : []), ...unit.parts.slice(common)].join('/');
}

/** The document with each unit's recorded file mapped (the same object when no file changes). */
function withUnitFiles(doc: BudgetDocument, map: (file: string) => string): BudgetDocument {
  const snapshots = snapshotsOf(doc);
  const files = snapshots.map((s) => map(s.file));
  if (files.every((f, i) => f === snapshots[i]!.file)) return doc;
  const mapped = snapshots.map((s, i) => ({ ...s, file: files[i]! }));
  return { ...doc, inputs: { ...doc.inputs, [MERGE_INPUT]: mapped as unknown as JsonValue } };
}

/**
 * The document as the page hands it over to be saved: every unit file absolute (resolved against where the document
 * was read from, documentPath; null when it has no file yet), so the host can record them relative to wherever the
 * document is saved. The open document itself is not changed.
 */
export function withAbsoluteUnitFiles(doc: BudgetDocument, documentPath: string | null): BudgetDocument {
  return documentPath ? withUnitFiles(doc, (f) => resolveUnitPath(documentPath, f)) : doc;
}

/** The document saved at documentPath with its units recorded as recordedUnitPath says. */
export function withRecordedUnitFiles(doc: BudgetDocument, documentPath: string): BudgetDocument {
  return withUnitFiles(doc, (f) => recordedUnitPath(documentPath, f));
}

/**
 * The text of a document file (as serializeDocument writes it) with its units recorded for documentPath — the same
 * text serializeDocument(withRecordedUnitFiles(doc, documentPath)) gives, without parsing and writing megabytes of a
 * consolidated document again: only the "file" line of each snapshot in the "merge.units" list is rewritten. Any
 * other text (no such list) comes back unchanged.
 */
export function recordUnitPathsInText(text: string, documentPath: string): string {
  // serializeDocument indents by two: inputs' keys at four spaces, each snapshot's keys at eight. A string never
  // holds a raw line break, so the first line at four spaces closing a list ends the snapshots.
  const start = text.indexOf(`\n    ${JSON.stringify(MERGE_INPUT)}: [\n`);
  if (start < 0) return text;
  const end = text.indexOf('\n    ]', start);
  if (end < 0) return text;
  const span = text.slice(start, end).replace(/(\n {8}"file": )("(?:[^"\\]|\\.)*")/g, (line, key: string, literal: string) => {
    const file = JSON.parse(literal) as unknown;
    if (typeof file !== 'string') return line;
    const recorded = recordedUnitPath(documentPath, file);
    return recorded === file ? line : `${key}${JSON.stringify(recorded)}`;
  });
  return `${text.slice(0, start)}${span}${text.slice(end)}`;
}
