import { createGrid, type ColDef, type ColGroupDef, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { comesInParts, firstPart, laterParts } from './row-parts';

export interface LiveGridOptions<T> {
  rowData: T[];
  columnDefs: (ColDef<T> | ColGroupDef<T>)[];
  pinnedTopRowData?: T[];
}

/**
 * Mounts AG Grid's own (framework-free) renderer in a div and keeps its rows and columns in step with React state.
 * The React wrapper renders every cell as a React component: scrolling 5,000 rows then spent most of each frame in
 * React's render and commit for cells that only show text. Our cells need no React (values, classes and the text
 * editor are plain), so the grid draws them itself.
 *
 * `options` is read once per `key` (the grid is rebuilt when the key changes); its callbacks should read current
 * handlers through a ref. Rows, columns and the pinned row are handed over only when they change (handing the grid
 * the same 10,000 rows again costs most of a second).
 */
export function useGridHost<T>(
  hostRef: RefObject<HTMLDivElement | null>,
  apiRef: RefObject<GridApi<T> | null>,
  key: unknown,
  options: () => GridOptions<T>,
  live: LiveGridOptions<T>,
  prepare?: () => void,
): void {
  const liveRef = useRef(live);
  liveRef.current = live;
  const given = useRef<Partial<LiveGridOptions<T>>>({});

  // A layout effect so the grid exists before the parent's effects (focus, clipboard) look for it.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let api: GridApi<T> | null = null;
    let timer: number | undefined;
    let cancelRest: () => void = () => undefined;
    const create = () => {
      timer = undefined;
      const now = liveRef.current;
      const all = now.rowData;
      const long = comesInParts(all);
      // A long table's grid is created empty and takes its first rows in the next task: creating the grid and
      // drawing its first screenful each take a good part of the time one task may hold the window.
      const grid = (api = createGrid<T>(host, { ...options(), rowData: long ? [] : all, columnDefs: now.columnDefs, pinnedTopRowData: now.pinnedTopRowData }));
      given.current = { ...now };
      apiRef.current = grid;
      if (!long) return;
      // Rows replaced meanwhile (a row inserted): the grid already has the whole new list, and the rest stops.
      const current = () => apiRef.current === grid && given.current.rowData === all;
      timer = window.setTimeout(() => {
        timer = undefined;
        if (!current()) return;
        grid.applyTransaction({ add: firstPart(all) });
        cancelRest = laterParts(all, (chunk) => {
          if (!current()) return false;
          grid.applyTransaction({ add: chunk });
          return true;
        });
      }, 0);
    };
    if (comesInParts(liveRef.current.rowData) && prepare) {
      // A long table: what its cells read first (the table's structure) is built in a task of its own, and the grid
      // in the next, rather than both in the task that mounted the pane.
      timer = window.setTimeout(() => {
        prepare();
        timer = window.setTimeout(create, 0);
      }, 0);
    } else create();
    return () => {
      window.clearTimeout(timer);
      cancelRest();
      apiRef.current = null;
      api?.destroy();
    };
    // `options` is read at creation only, by design (see above).
  }, [key]);

  useEffect(() => {
    const api = apiRef.current;
    // Not created yet (a long table's grid comes a task later, with the then current rows and columns).
    if (!api) return;
    const had = given.current;
    if (had.columnDefs !== live.columnDefs) api.setGridOption('columnDefs', live.columnDefs);
    if (had.rowData !== live.rowData) api.setGridOption('rowData', live.rowData);
    if (had.pinnedTopRowData !== live.pinnedTopRowData) api.setGridOption('pinnedTopRowData', live.pinnedTopRowData);
    given.current = { ...live };
  }, [apiRef, live.rowData, live.columnDefs, live.pinnedTopRowData]);
}
