import { memo, useRef, useState } from 'react';
import type { Counts, OutlineItem } from './outline-model';

export interface OutlineProps {
  items: readonly OutlineItem[];
  /** 错误/提示 per item; findings grouped by cause count once, at the item of their cause (findings-view.ts). */
  counts: ReadonlyMap<string, Counts>;
  selectedId: string | null;
  onSelect: (item: OutlineItem) => void;
}

const WIDTH_KEY = 'bd.outline.width';
const COLLAPSED_KEY = 'bd.outline.collapsed';
const MIN_WIDTH = 150;
const MAX_WIDTH = 480;
const DEFAULT_WIDTH = 220;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the outline keeps its width for this session only.
  }
}

/**
 * The document outline: 概况, each table by printed number and title, 情况说明 … with 错误/提示 counts. Short labels
 * (the full title is the tooltip); the right edge drags to resize and the outline folds to a narrow strip, both
 * remembered. Memoised: an edit that changes no count leaves the outline as it is.
 */
export const Outline = memo(function Outline({ items, counts, selectedId, onSelect }: OutlineProps) {
  const [width, setWidth] = useState(() => {
    const w = Number(stored(WIDTH_KEY));
    return Number.isFinite(w) && w >= MIN_WIDTH && w <= MAX_WIDTH ? w : DEFAULT_WIDTH;
  });
  const [collapsed, setCollapsed] = useState(() => stored(COLLAPSED_KEY) === '1');
  const drag = useRef<{ x: number; w: number } | null>(null);
  const fold = (next: boolean) => {
    setCollapsed(next);
    store(COLLAPSED_KEY, next ? '1' : '0');
  };
  if (collapsed) {
    let errors = 0;
    for (const c of counts.values()) errors += c.errors;
    return (
      <nav className="bd-outline is-collapsed" aria-label="文档目录" data-testid="outline">
        <button type="button" className="bd-plain bd-outline-fold" onClick={() => fold(false)} title="展开目录" aria-expanded={false}>
          »
        </button>
        {errors > 0 ? <span className="bd-badge bd-badge-error" title={`${errors} 处错误`}>{errors}</span> : null}
      </nav>
    );
  }
  return (
    <nav className="bd-outline" aria-label="文档目录" data-testid="outline" style={{ width }}>
      <div className="bd-outline-bar">
        <span>目录</span>
        <button type="button" className="bd-plain bd-outline-fold" onClick={() => fold(true)} title="收起目录" aria-expanded>
          «
        </button>
      </div>
      <ul>
        {items.map((item) => {
          const c = counts.get(item.id);
          const selectable = item.kind !== 'heading';
          return (
            <li
              key={item.id}
              className={`bd-outline-item bd-outline-${item.kind}${item.id === selectedId ? ' is-selected' : ''}`}
              style={{ paddingLeft: 10 + item.depth * 12 }}
              data-outline-id={item.id}
              onClick={selectable ? () => onSelect(item) : undefined}
              title={item.title}
            >
              <span className="bd-outline-title">{item.label ?? item.title}</span>
              {c?.errors ? <span className="bd-badge bd-badge-error" title={`${c.errors} 处错误`}>{c.errors}</span> : null}
              {c?.warnings ? <span className="bd-badge bd-badge-warning" title={`${c.warnings} 处提示`}>{c.warnings}</span> : null}
            </li>
          );
        })}
      </ul>
      <div
        className="bd-outline-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="拖动调整目录宽度"
        data-testid="outline-resize"
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, w: width };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) setWidth(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, drag.current.w + e.clientX - drag.current.x)));
        }}
        onPointerUp={() => {
          if (!drag.current) return;
          drag.current = null;
          store(WIDTH_KEY, String(width));
        }}
      />
    </nav>
  );
});
