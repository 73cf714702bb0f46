import { useEffect } from 'react';
import type { MenuCommand } from '../../core/ipc/contract';

/**
 * Keyboard shortcuts of the web page (the Electron menu has the same accelerators and sends MenuCommands).
 * Undo/redo go to the core history, except inside a text field where the browser's own text undo applies.
 */
export function useShortcuts(dispatch: (c: MenuCommand) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const target = e.target as HTMLElement | null;
      const inTextField = !!target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !target.classList.contains('bd-ime-proxy')));
      const inDialog = !!target?.closest('dialog');
      let command: MenuCommand | null = null;
      if (key === 'z' && !e.shiftKey) command = 'undo';
      else if (key === 'y' || (key === 'z' && e.shiftKey)) command = 'redo';
      else if (key === 's') command = e.shiftKey ? 'saveAs' : 'save';
      else if (key === 'o') command = 'open';
      else if (key === 'n') command = 'new';
      if (!command) return;
      if ((command === 'undo' || command === 'redo') && (inTextField || inDialog)) return;
      e.preventDefault();
      dispatch(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, enabled]);
}
