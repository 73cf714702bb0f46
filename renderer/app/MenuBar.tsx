import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { displayAccelerator } from '../../core/actions/accelerator';
import { MENUS, menuGroups, type ActionDef, type ActionId, type ActionState, type MenuId } from '../../core/actions/actions';
import './menubar.css';

export interface MenuBarProps {
  actions: readonly ActionDef[];
  state: ActionState;
  onRun: (id: ActionId) => void;
}

const MAC = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/**
 * The page's menu bar (文件 … 帮助), drawn from the shared action list so it matches the desktop menu. Keyboard:
 * Alt+letter or F10 opens it; ←/→ move between menus, ↑/↓/Home/End between items, Enter/Space run one, Escape
 * closes and gives focus back to where the officer was.
 */
export function MenuBar({ actions, state, onRun }: MenuBarProps) {
  const [open, setOpen] = useState<MenuId | null>(null);
  const barRef = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const topButton = (menu: MenuId) => barRef.current?.querySelector<HTMLElement>(`[data-menu-id="${menu}"]`) ?? null;
  const items = (menu: MenuId) => [...(barRef.current?.querySelectorAll<HTMLElement>(`[data-menu-list="${menu}"] [role="menuitem"]:not([aria-disabled="true"])`) ?? [])];

  const openMenu = useCallback((menu: MenuId, focus: 'first' | 'last' | 'none' = 'first') => {
    if (!barRef.current?.contains(document.activeElement)) returnFocus.current = document.activeElement as HTMLElement | null;
    setOpen(menu);
    if (focus === 'none') return;
    // The list is drawn on the next render; focus its first (or last) enabled item then.
    window.requestAnimationFrame(() => {
      const list = items(menu);
      (focus === 'first' ? list[0] : list.at(-1))?.focus();
    });
  }, []);

  const close = useCallback((restore: boolean) => {
    setOpen(null);
    if (restore) {
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back && back.isConnected) back.focus();
    }
  }, []);

  const run = (action: ActionDef) => {
    if (!action.enabledWhen(state)) return;
    close(true);
    onRun(action.id);
  };

  // A click anywhere else closes the open menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) close(false);
    };
    window.addEventListener('mousedown', onDown, true);
    return () => window.removeEventListener('mousedown', onDown, true);
  }, [open, close]);

  // Alt+F (文件), Alt+E (编辑) … and F10 reach the menus from anywhere, as in a desktop window.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Behind an open dialog the menu bar is inert: the dialog's question comes first.
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'F10' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        openMenu(MENUS[0].id);
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey || e.key.length !== 1) return;
      const menu = MENUS.find((m) => m.mnemonic.toLowerCase() === e.key.toLowerCase() || `Key${m.mnemonic}` === e.code);
      if (!menu) return;
      e.preventDefault();
      openMenu(menu.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openMenu]);

  const step = (menu: MenuId, delta: number): MenuId => {
    const i = MENUS.findIndex((m) => m.id === menu);
    return MENUS[(i + delta + MENUS.length) % MENUS.length]!.id;
  };

  const onTopKey = (menu: MenuId) => (e: ReactKeyboardEvent) => {
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        e.preventDefault();
        const next = step(menu, e.key === 'ArrowRight' ? 1 : -1);
        if (open) openMenu(next);
        else topButton(next)?.focus();
        return;
      }
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        e.preventDefault();
        return openMenu(menu, 'first');
      case 'ArrowUp':
        e.preventDefault();
        return openMenu(menu, 'last');
      case 'Escape':
        e.preventDefault();
        return close(true);
    }
  };

  const onListKey = (menu: MenuId) => (e: ReactKeyboardEvent) => {
    const list = items(menu);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown': e.preventDefault(); return focusAt(at + 1);
      case 'ArrowUp': e.preventDefault(); return focusAt(at < 0 ? -1 : at - 1);
      case 'Home': e.preventDefault(); return focusAt(0);
      case 'End': e.preventDefault(); return focusAt(-1);
      case 'ArrowRight':
      case 'ArrowLeft':
        e.preventDefault();
        return openMenu(step(menu, e.key === 'ArrowRight' ? 1 : -1));
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        setOpen(null);
        return topButton(menu)?.focus();
      case 'Tab':
        return close(false);
    }
  };

  return (
    <nav className="bd-menubar" role="menubar" aria-label="菜单栏" ref={barRef}>
      {MENUS.map((menu) => {
        const isOpen = open === menu.id;
        return (
          <div key={menu.id} className="bd-menubar-menu" role="none">
            <button
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={isOpen}
              data-menu-id={menu.id}
              className={`bd-menubar-top${isOpen ? ' is-open' : ''}`}
              tabIndex={menu.id === MENUS[0].id ? 0 : -1}
              onClick={() => (isOpen ? close(true) : openMenu(menu.id, 'none'))}
              onMouseEnter={() => open && open !== menu.id && openMenu(menu.id, 'none')}
              onKeyDown={onTopKey(menu.id)}
            >
              {menu.label}
              <span className="bd-menubar-mnemonic">(<u>{menu.mnemonic}</u>)</span>
            </button>
            {isOpen ? (
              <div className="bd-menubar-list" role="menu" aria-label={menu.label} data-menu-list={menu.id} onKeyDown={onListKey(menu.id)}>
                {menuGroups(actions, menu.id).map((group, g) => [
                  g > 0 ? <div key={`sep${g}`} role="separator" className="bd-menubar-sep" /> : null,
                  ...group.map((a) => {
                    const enabled = a.enabledWhen(state);
                    return (
                      <button
                        key={a.id}
                        type="button"
                        role="menuitem"
                        tabIndex={-1}
                        className="bd-menubar-item"
                        data-action={a.id}
                        aria-disabled={!enabled}
                        title={a.hint}
                        onClick={() => run(a)}
                      >
                        <span className="bd-menubar-label">
                          {a.label}
                          {a.hint ? <span className="bd-menubar-hint">{a.hint}</span> : null}
                        </span>
                        <span className="bd-menubar-key">{a.accelerator ? displayAccelerator(a.accelerator, MAC) : ''}</span>
                      </button>
                    );
                  }),
                ])}
              </div>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}
