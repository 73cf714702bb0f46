import { displayAccelerator } from '../../core/actions/accelerator';
import { findAction, type ActionDef, type ActionId, type ActionState } from '../../core/actions/actions';
import { MenuBar } from './MenuBar';

export interface ToolbarProps {
  actions: readonly ActionDef[];
  state: ActionState;
  onRun: (id: ActionId) => void;
  undoLabel: string | null;
  redoLabel: string | null;
  dirty: boolean;
  fileName: string;
  hostKind: 'electron' | 'web' | null;
}

/** The buttons, in groups; their labels, tooltips, shortcuts and enabled state come from the action list. */
const BUTTONS: readonly (readonly ActionId[])[] = [
  ['new', 'open', 'save', 'saveAs', 'history'],
  ['undo', 'redo'],
  ['exportExcel', 'exportWord'],
  ['settings'],
];
/** Beside the page's menu bar the header has room for one row only: 另存为 and 历史版本 stay in 文件. */
const IN_MENU_ONLY: ReadonlySet<ActionId> = new Set(['saveAs', 'history']);

/**
 * The header: the menu bar (the page's own in the web host; the desktop window has its native menu from the same
 * list) and the most used actions as buttons.
 */
export function Toolbar(props: ToolbarProps) {
  const { actions, state, onRun } = props;
  // The desktop window has its native menu (built from the same list); the page draws its own elsewhere.
  const pageMenu = props.hostKind !== 'electron';
  const title = (a: ActionDef) => {
    const done = a.id === 'undo' ? props.undoLabel : a.id === 'redo' ? props.redoLabel : null;
    const base = done ? `${a.toolbar?.label ?? a.label}：${done}` : (a.toolbar?.title ?? a.label);
    return a.accelerator ? `${base} (${displayAccelerator(a.accelerator)})` : base;
  };
  return (
    <header className="bd-toolbar" role="toolbar" aria-label="工具栏">
      <span className="bd-brand">预算公开编制助手</span>
      {pageMenu ? <MenuBar actions={actions} state={state} onRun={onRun} /> : null}
      {BUTTONS.map((group, i) => (
        <div key={i} className="bd-toolbar-group">
          {group.filter((id) => !(pageMenu && IN_MENU_ONLY.has(id))).map((id) => {
            const a = findAction(actions, id);
            if (!a) return null;
            return (
              <button key={id} type="button" title={title(a)} data-command={id} disabled={!a.enabledWhen(state)} onClick={() => onRun(id)}>
                {a.toolbar?.label ?? a.label}
              </button>
            );
          })}
        </div>
      ))}
      <span className="bd-file-name" title={props.fileName}>
        {props.dirty ? '● ' : ''}
        {props.fileName}
        {props.hostKind === 'web' ? <span className="bd-host-hint">（浏览器版）</span> : null}
      </span>
    </header>
  );
}
