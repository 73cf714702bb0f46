import type { RefObject } from 'react';
import type { ChangeSet } from '../../core/commands/command';
import type { CellRef } from '../../core/document/document';
import type { Finding } from '../../core/rules/finding';
import { tableEmptyNote, tableTitle } from '../../core/template/header-layout';
import type { TableDef } from '../../core/template/template.schema';
import type { GridEdits, GridHandle } from '../grid/grid-edits';
import { TableGrid } from '../grid/TableGrid';
import type { SessionPort } from './session-port';

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
  findingsByCell: Map<string, Finding[]>;
  edits: GridEdits;
  gridRef: RefObject<GridHandle | null>;
  derivations: readonly Derivation[];
  onDerive: (id: string) => void;
  onInsertRow: () => void;
  onDeleteRows: () => void;
  initialFocus: CellRef | null;
  onInitialFocusDone: () => void;
}

/** One table as printed: number and title, the 编制部门 / 单位 line, the grid, and the empty-table note. */
export function TablePane(props: TablePaneProps) {
  const { session, table } = props;
  const meta = session.doc.meta;
  const rowsEditable = table.rows.kind === 'coded' || table.rows.kind === 'projects';
  const isEmpty = !(session.doc.tables[table.id]?.rows ?? []).some((r) => Object.keys(r.values).length > 0);
  const note = isEmpty ? tableEmptyNote(table, meta) : undefined;
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
    </section>
  );
}
