import {
  CellStyleModule, ClientSideRowModelApiModule, ClientSideRowModelModule, ColumnApiModule,
  CustomEditorModule, HighlightChangesModule, ModuleRegistry, PinnedRowModule, RenderApiModule, RowApiModule,
  RowStyleModule, ScrollApiModule, TextEditorModule, ValidationModule, type Module,
} from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { writeRecoveryNow } from './app/use-autosave';
import { selectHost } from './host/select-host';
import './styles.css';

/**
 * The grid features the tables use, and no others: the whole community set (filters, CSV, pagination, row drag, …)
 * is a fifth of the page's code, all of it loaded and compiled before the first table shows. A feature the grid
 * starts to use needs its module here; in development the validation module names any that is missing (AG Grid
 * error #200 in the console).
 */
const GRID_MODULES: Module[] = [
  ClientSideRowModelModule, // rowData
  ClientSideRowModelApiModule,
  RowApiModule, // getRowNode, forEachNode, getDisplayedRowAtIndex
  ColumnApiModule, // getAllDisplayedColumns
  ScrollApiModule, // ensureIndexVisible, ensureColumnVisible
  RenderApiModule, // refreshCells
  HighlightChangesModule, // flashCells
  TextEditorModule, // agTextCellEditor, editing API
  CustomEditorModule, // the text cells' own editor
  CellStyleModule, // cellClass, cellClassRules
  RowStyleModule, // getRowClass
  PinnedRowModule, // the column-number row
];
ModuleRegistry.registerModules(import.meta.env.DEV ? [...GRID_MODULES, ValidationModule] : GRID_MODULES);

const appHost = selectHost();
createRoot(document.getElementById('root')!).render(
  // No StrictMode: its doubled effects would run the startup sequence (recovery prompt) twice in development.
  // The last line of defence: the panes have their own boundaries, so this one only sees a failure of the frame
  // around them, after which the window can only be reloaded (the recovery copy is offered at the next start).
  <ErrorBoundary
    onError={writeRecoveryNow}
    fallback={() => (
      <div className="bd-app-error" role="alert">
        <p>软件出现意外错误，需要重新加载。如有未保存的修改，已写入恢复副本，重新加载后会提示恢复。</p>
        <button type="button" onClick={() => window.location.reload()}>重新加载</button>
      </div>
    )}
  >
    <App appHost={appHost} />
  </ErrorBoundary>,
);
