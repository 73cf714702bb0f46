import { memo, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import { countBySeverity } from '../../core/rules/finding-order';

export interface FindingsPanelProps {
  template: TemplateSet;
  findings: readonly Finding[];
  onOpen: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /** The checks have not answered yet for the open document. */
  checking?: boolean;
}

type Filter = 'all' | 'error' | 'warning';
/** Every line is one text line high (the message is cut with an ellipsis), so the list can be windowed. */
const LINE_PX = 27;
/** Lines rendered above and below the visible ones, so a fast wheel turn does not show blank lines. */
const OVERSCAN = 8;

/** All 错误 and 提示 with their messages; click opens the cell, 修正 applies the suggested value (undoable). */
/** Memoised: an edit re-renders the panel only when the findings (or the open document's set) changed. */
export const FindingsPanel = memo(function FindingsPanel({ template, findings, onOpen, onFix, checking = false }: FindingsPanelProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [height, setHeight] = useState(190);
  const [scrollTop, setScrollTop] = useState(0);
  const drag = useRef<{ y: number; h: number } | null>(null);
  const { errors, warnings } = useMemo(() => countBySeverity(findings), [findings]);
  const shown = useMemo(() => (filter === 'all' ? findings : findings.filter((f) => f.severity === filter)), [findings, filter]);
  const tableNo = useMemo(() => new Map(template.tables.map((t) => [t.id, t.no])), [template]);
  // Only the lines in view are in the page: 10,000 提示 would otherwise cost a long frame on every edit.
  const viewLines = Math.ceil(height / LINE_PX) + OVERSCAN;
  const first = Math.max(0, Math.min(Math.floor(scrollTop / LINE_PX) - OVERSCAN, shown.length - viewLines));
  const last = Math.min(shown.length, first + viewLines + OVERSCAN);
  return (
    <section className="bd-findings" aria-label="审核结果" style={{ height }}>
      <div
        className="bd-splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-label="拖动调整审核结果高度"
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, h: height };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          const max = Math.round(window.innerHeight * 0.6);
          setHeight(Math.min(max, Math.max(72, drag.current.h + drag.current.y - e.clientY)));
        }}
        onPointerUp={() => (drag.current = null)}
      />
      <div className="bd-findings-head">
        <strong>审核结果</strong>
        <span className="bd-findings-count" data-testid="findings-count">
          错误 <b className="bd-num-error">{errors}</b> · 提示 <b className="bd-num-warning">{warnings}</b>
        </span>
        <div className="bd-segmented" role="group" aria-label="筛选">
          {(['all', 'error', 'warning'] as const).map((f) => (
            <button key={f} type="button" className={filter === f ? 'is-on' : ''} onClick={() => setFilter(f)}>
              {f === 'all' ? '全部' : f === 'error' ? '错误' : '提示'}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="bd-findings-empty">
          {checking ? '正在审核…' : findings.length === 0 ? '没有发现问题：各表数字相互一致。' : '没有此类结果。'}
        </p>
      ) : (
        <ul
          className="bd-findings-list"
          data-testid="findings-list"
          data-count={shown.length}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <li aria-hidden="true" className="bd-findings-spacer" style={{ height: first * LINE_PX }} />
          {shown.slice(first, last).map((f) => {
            const tables = [...new Set(f.cells.map((c) => tableNo.get(c.table) ?? c.table))].join('、');
            return (
              <li key={f.id} className={`bd-finding bd-finding-${f.severity}`} data-finding-id={f.id} data-rule={f.rule} style={{ height: LINE_PX }}>
                <button type="button" className="bd-finding-main" onClick={() => onOpen(f)} title="定位到单元格">
                  <span className={`bd-sev bd-sev-${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'}</span>
                  <span className="bd-finding-where">{tables || f.scope}</span>
                  <span className="bd-finding-msg">{f.message}</span>
                </button>
                {f.fix || f.balance ? (
                  <button type="button" className="bd-fix" onClick={() => onFix(f)} title="修改一个单元格使两边一致（先列出改哪个单元格、改为多少；可撤销）">
                    修正
                  </button>
                ) : null}
              </li>
            );
          })}
          <li aria-hidden="true" className="bd-findings-spacer" style={{ height: (shown.length - last) * LINE_PX }} />
        </ul>
      )}
    </section>
  );
});
