import type { Command } from './command';
import { emptyChangeSet } from './command';
import { command, CommandError } from './raw';
import { acceptText } from './text-guard';

/**
 * The ChangeSet key that reports a table note edit, listed under `inputs`.
 *
 * Why `inputs` and not `tables` or `meta`: a note is printed text, read by no table rule. `meta: true` makes the rule
 * engine re-check the whole document and every open grid rebuild its rows; `tables: [id]` rebuilds that table's
 * mirror, re-instantiates every rule over it (a large table costs a full re-check of it) and rebuilds the grid's row
 * list. A non-empty `inputs` list costs the rule engine nothing, leaves the grid alone, and still makes the session
 * re-run the text and completeness checks at once — the only checks that may read a note (an empty table needs its
 * 空表 note). The key is not a document.inputs key: the prefix keeps it apart from every real input key.
 */
export const tableNoteChangeKey = (tableId: string): string => `tableNote.${tableId}`;

/**
 * Sets the note printed under a table ("注：…", "备注：本单位未安排…，因此本表为空表。"). An empty string removes it
 * (canonical form: empty texts are never stored). The text is stored as given (once cleaned), so that the inverse restores
 * the old note verbatim; callers trim what the officer typed. The text is cleaned and refused over 32,767 characters.
 */
export function setTableNote(tableId: string, note: string, label = '编辑表注'): Command {
  return noteCommand(tableId, note, label, true);
}

/** The inverse restores the old note verbatim, unchecked (a loaded note may be over the limit: undo must work). */
function noteCommand(tableId: string, given: string, label: string, check: boolean): Command {
  return command(label, (doc, ctx) => {
    const table = doc.tables[tableId];
    if (!table) throw new CommandError(`找不到表“${tableId}”`);
    const note = check ? acceptText(given, `${ctx.template.tables.find((t) => t.id === tableId)?.no ?? tableId} 表注`) : given;
    const old = table.note ?? '';
    if (note === '') delete table.note;
    else table.note = note;
    const changes = emptyChangeSet();
    if (old !== note) changes.inputs = [tableNoteChangeKey(tableId)];
    return { inverse: noteCommand(tableId, old, label, false), changes };
  });
}
