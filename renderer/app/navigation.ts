import { createContext, useContext } from 'react';
import type { CellRef } from '../../core/document/document';

/**
 * How any pane asks the app to show a cell (a finding, a figure of the preview, a fix): one function, provided by
 * the app shell, so that panes need not know how tables are selected and focused. Absent → links are not offered.
 */
export const GoToCellContext = createContext<((cell: CellRef) => void) | null>(null);

export const useGoToCell = (): ((cell: CellRef) => void) | null => useContext(GoToCellContext);
