import { useEffect } from 'react';
import { matchesAccelerator } from '../../core/actions/accelerator';
import type { ActionDef, ActionId } from '../../core/actions/actions';

/**
 * The page's keyboard shortcuts, read from the shared action list (the desktop menu shows the same accelerators and
 * leaves the keys to this handler). `outsideText` keys (undo, redo, F8) are left to a text field or dialog that has
 * focus, where the browser's own text undo applies; `shown` keys (copy, paste) belong to the focused grid or field.
 */
export function useShortcuts(actions: readonly ActionDef[], run: (id: ActionId) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const keyed = actions.filter((a) => a.accelerator && a.keys !== 'shown');
    const onKey = (e: KeyboardEvent) => {
      const action = keyed.find((a) => [a.accelerator!, ...(a.alternates ?? [])].some((k) => matchesAccelerator(k, e)));
      if (!action) return;
      const target = e.target as HTMLElement | null;
      const inTextField = !!target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !target.classList.contains('bd-ime-proxy')));
      const inDialog = !!target?.closest('dialog');
      if (action.keys === 'outsideText' && (inTextField || inDialog)) return;
      e.preventDefault();
      run(action.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, run, enabled]);
}
