import { memo } from 'react';
import type { Counts, OutlineItem } from './outline-model';

export interface OutlineProps {
  items: readonly OutlineItem[];
  counts: Map<string, Counts>;
  selectedId: string | null;
  onSelect: (item: OutlineItem) => void;
}

/** The document outline: 概况, each table by printed number and title, 情况说明 … with 错误/提示 counts. */
/** Memoised: an edit that changes no count leaves the outline as it is. */
export const Outline = memo(function Outline({ items, counts, selectedId, onSelect }: OutlineProps) {
  return (
    <nav className="bd-outline" aria-label="文档目录">
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
              <span className="bd-outline-title">{item.title}</span>
              {c?.errors ? <span className="bd-badge bd-badge-error" title={`${c.errors} 个错误`}>{c.errors}</span> : null}
              {c?.warnings ? <span className="bd-badge bd-badge-warning" title={`${c.warnings} 个提示`}>{c.warnings}</span> : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
});
