import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import { setTableNote } from '../../core/commands/table-note.command';
import type { CellRef } from '../../core/document/document';
import type { CellFindingsLookup } from '../grid/cell-findings';
import { tableEmptyNote, tableTitle } from '../../core/template/header-layout';
import type { TableDef } from '../../core/template/template.schema';
import type { GridEdits, GridHandle } from '../grid/grid-edits';
import { TableGrid } from '../grid/TableGrid';
import type { SessionPort } from './session-port';
import './table-note.css';

export interface Derivation {
  id: string;
  label: string;
  title: string;
}

export interface TablePaneProps {
  session: SessionPort;
  table: TableDef;
  version: number;
  lastChanges: ChangeSet | null;
  findingsByCell: CellFindingsLookup;
  edits: GridEdits;
  gridRef: RefObject<GridHandle | null>;
  derivations: readonly Derivation[];
  onDerive: (id: string) => void;
  onInsertRow: () => void;
  onDeleteRows: () => void;
  initialFocus: CellRef | null;
  onInitialFocusDone: () => void;
}

/** One table as printed: number and title, the 编制部门 / 单位 line, the grid, the empty-table note and the 表注. */
export function TablePane(props: TablePaneProps) {
  const { session, table } = props;
  const meta = session.doc.meta;
  const rowsEditable = table.rows.kind === 'coded' || table.rows.kind === 'projects';
  const isEmpty = !(session.doc.tables[table.id]?.rows ?? []).some((r) => Object.keys(r.values).length > 0);
  const ownNote = session.doc.tables[table.id]?.note ?? '';
  // The template's 空表 note prints only while the table is empty and has no note of its own.
  const note = isEmpty && !ownNote ? tableEmptyNote(table, meta) : undefined;
  return (
    <section className="bd-table-pane" aria-label={table.no}>
      <div className="bd-table-head">
        <div className="bd-table-no">{table.no}</div>
        <h1 className="bd-table-title">{tableTitle(table, meta.entityKind)}</h1>
        <div className="bd-table-actions">
          {rowsEditable ? (
            <>
              <button type="button" data-action="insert-row" onClick={props.onInsertRow} title="按编码或名称选择科目后插入">
                {table.rows.kind === 'projects' ? '插入项目' : '插入科目行'}
              </button>
              <button type="button" data-action="delete-rows" onClick={props.onDeleteRows} title="删除选中的行">
                删除行
              </button>
            </>
          ) : null}
          {props.derivations.map((d) => (
            <button key={d.id} type="button" data-derive={d.id} title={d.title} onClick={() => props.onDerive(d.id)}>
              {d.label}
            </button>
          ))}
        </div>
      </div>
      <div className="bd-table-subhead">
        <span data-testid="compiler-line">
          {session.template.display.compilerPrefix}
          {meta.compiler || meta.unitName}
        </span>
        <span>单位：{table.amountUnit ?? meta.amountUnit ?? session.template.amountUnit}</span>
      </div>
      <TableGrid
        template={session.template}
        doc={session.doc}
        table={table}
        version={props.version}
        lastChanges={props.lastChanges}
        findingsByCell={props.findingsByCell}
        edits={props.edits}
        handleRef={props.gridRef}
        initialFocus={props.initialFocus}
        onInitialFocusDone={props.onInitialFocusDone}
      />
      {note ? <p className="bd-empty-note">注：{note}</p> : null}
      <TableNoteField
        value={ownNote}
        placeholder={tableEmptyNote(table, meta) ? '表格下方打印的注释，如“注：……”；留空则空表打印上方的空表说明' : '表格下方打印的注释，如“注：……”；留空则不打印'}
        onCommit={(text) => session.execute(setTableNote(table.id, text))}
      />
    </section>
  );
}

/**
 * The note printed under the table, edited in place: local text while typing, one undoable command when the field
 * is left or Enter is pressed (Shift+Enter starts a new line), Esc puts the stored note back. The box grows with
 * its text.
 */
function TableNoteField({ value, placeholder, onCommit }: { value: string; placeholder: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  // Undo, redo or an import change the stored note: the box follows.
  useLayoutEffect(() => setText(value), [value]);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  }, [text]);
  const commit = () => {
    const next = text.trim();
    if (next !== value) onCommit(next);
    else if (text !== value) setText(value);
  };
  return (
    <label className="bd-table-note">
      <span className="bd-table-note-label">表注</span>
      <textarea
        ref={ref}
        name="tableNote"
        data-testid="table-note"
        rows={1}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            setText(value);
          }
        }}
      />
    </label>
  );
}
