import { memo, useMemo, useRef, useState } from 'react';
import type { FindingGroup } from '../../core/rules/causes';
import type { Finding } from '../../core/rules/finding';
import type { TemplateSet } from '../../core/template/template.schema';
import { countBySeverity } from '../../core/rules/finding-order';
import type { FindingsView } from './findings-view';
import { groupErrorSummary, singleGroups } from './use-findings-view';

export interface FindingsPanelProps {
  template: TemplateSet;
  findings: readonly Finding[];
  /** The findings grouped by cause (findings-view.ts); without them every finding stands alone. */
  groups?: readonly FindingGroup[];
  /** The counts of `findings` and `groups` when the caller has them (findings-view.ts), so the panel need not count. */
  summary?: Pick<FindingsView, 'errors' | 'warnings' | 'problems' | 'groupedErrors'>;
  onOpen: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /** The checks have not answered yet for the open document. */
  checking?: boolean;
}

type Filter = 'all' | 'error' | 'warning';
/** Every line is one text line high (the message is cut with an ellipsis), so the list can be windowed. */
const LINE_PX = 27;
/** The head line (title, counts, filter): all the panel keeps when there is nothing to show. */
const HEAD_PX = 29;
/** Lines rendered above and below the visible ones, so a fast wheel turn does not show blank lines. */
const OVERSCAN = 8;
/**
 * Lines shown before the officer drags the panel taller or shorter: on a small screen (1280×720) two, so the grid
 * keeps 20 rows; the panel's head still counts every finding.
 */
const DEFAULT_LINES = typeof window !== 'undefined' && window.innerHeight < 800 ? 2 : 5;
const HEIGHT_KEY = 'bd.findingsPanel.height';

function storedHeight(): number | null {
  try {
    const v = Number(localStorage.getItem(HEIGHT_KEY));
    return Number.isFinite(v) && v >= HEAD_PX ? v : null;
  } catch {
    return null;
  }
}

/** One line of the list: a group's primary finding, or (expanded) one finding it explains. */
interface Line {
  group: FindingGroup;
  finding: Finding;
  member: boolean;
}

interface LineList {
  length: number;
  at(i: number): Line;
}

/**
 * All 错误 and 提示; findings one input cell explains are one entry (the primary finding and "另有 N 处由此引起",
 * expandable); click opens the cause cell, 修正 applies the suggested value (undoable). The panel is as tall as its
 * lines up to the height the officer last dragged it to (remembered), and one line when there is nothing to show.
 * Memoised: an edit re-renders the panel only when the findings (or the open document's set) changed.
 */
export const FindingsPanel = memo(function FindingsPanel({ template, findings, groups, summary: given, onOpen, onFix, checking = false }: FindingsPanelProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [maxHeight, setMaxHeight] = useState<number>(() => storedHeight() ?? HEAD_PX + DEFAULT_LINES * LINE_PX);
  const [scrollTop, setScrollTop] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const drag = useRef<{ y: number; h: number } | null>(null);
  const allGroups = useMemo(() => groups ?? singleGroups(findings), [groups, findings]);
  const { errors, warnings } = useMemo(() => given ?? countBySeverity(findings), [given, findings]);
  const summary = useMemo(() => (given ? { problems: given.problems, errors: given.groupedErrors } : groupErrorSummary(allGroups)), [given, allGroups]);
  const shownGroups = useMemo(
    () => (filter === 'all' ? allGroups : allGroups.filter((g) => g.members.some((f) => f.severity === filter))),
    [allGroups, filter],
  );
  // One line per group unless a group is expanded: then the lines are listed (the list is windowed either way,
  // and thousands of 提示 need no line objects per edit).
  const lines = useMemo((): LineList => {
    if (open.size === 0) return { length: shownGroups.length, at: (i) => ({ group: shownGroups[i]!, finding: shownGroups[i]!.primary, member: false }) };
    const out: Line[] = [];
    for (const g of shownGroups) {
      out.push({ group: g, finding: g.primary, member: false });
      if (g.members.length > 1 && open.has(g.primary.id)) {
        for (const f of g.members) if (f !== g.primary && (filter === 'all' || f.severity === filter)) out.push({ group: g, finding: f, member: true });
      }
    }
    return { length: out.length, at: (i) => out[i]! };
  }, [shownGroups, open, filter]);
  const tableNo = useMemo(() => new Map(template.tables.map((t) => [t.id, t.no])), [template]);
  const empty = lines.length === 0;
  const height = empty ? HEAD_PX : Math.min(maxHeight, HEAD_PX + lines.length * LINE_PX + 2);
  const listHeight = height - HEAD_PX;
  // Only the lines in view are in the page: 10,000 提示 would otherwise cost a long frame on every edit.
  const viewLines = Math.ceil(Math.max(listHeight, LINE_PX * DEFAULT_LINES) / LINE_PX) + OVERSCAN;
  const first = Math.max(0, Math.min(Math.floor(scrollTop / LINE_PX) - OVERSCAN, lines.length - viewLines));
  const last = Math.min(lines.length, first + viewLines + OVERSCAN);
  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  // The cause cell is the one to go to; a finding without a cause opens its own first cell.
  const openGroup = (g: FindingGroup) => onOpen(g.cause ? { ...g.primary, cells: [g.cause, ...g.primary.cells] } : g.primary);
  return (
    <section className={`bd-findings${empty ? ' is-empty' : ''}`} aria-label="审核结果" style={{ height }} data-testid="findings-panel" data-grouped={groups ? "true" : undefined} data-checking={checking ? 'true' : undefined}>
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
          setMaxHeight(Math.min(max, Math.max(HEAD_PX + LINE_PX, drag.current.h + drag.current.y - e.clientY)));
        }}
        onPointerUp={() => {
          if (!drag.current) return;
          drag.current = null;
          try {
            localStorage.setItem(HEIGHT_KEY, String(maxHeight));
          } catch {
            // A browser without storage forgets the height; the panel still works.
          }
        }}
      />
      <div className="bd-findings-head">
        <strong>审核结果</strong>
        <span className="bd-findings-count" data-testid="findings-count">
          错误 <b className="bd-num-error">{errors}</b> · 提示 <b className="bd-num-warning">{warnings}</b>
          {summary.errors > summary.problems ? (
            <span className="bd-findings-problems" data-testid="findings-problems" title="由同一个单元格引起的错误算作一处问题">
              （{summary.problems} 处问题）
            </span>
          ) : null}
        </span>
        {empty ? (
          <span className="bd-findings-empty">
            {checking ? '正在审核…' : findings.length === 0 ? '没有发现问题：各表数字相互一致。' : '没有此类结果。'}
          </span>
        ) : null}
        <div className="bd-segmented" role="group" aria-label="筛选">
          {(['all', 'error', 'warning'] as const).map((f) => (
            <button key={f} type="button" className={filter === f ? 'is-on' : ''} onClick={() => setFilter(f)}>
              {f === 'all' ? '全部' : f === 'error' ? '错误' : '提示'}
            </button>
          ))}
        </div>
      </div>
      {empty ? null : (
        <ul
          className="bd-findings-list"
          data-testid="findings-list"
          data-count={lines.length}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <li aria-hidden="true" className="bd-findings-spacer" style={{ height: first * LINE_PX }} />
          {Array.from({ length: Math.max(0, last - first) }, (_, i) => lines.at(first + i)).map(({ group, finding: f, member }) => {
            const tables = [...new Set(f.cells.map((c) => tableNo.get(c.table) ?? c.table))].join('、');
            const more = member ? 0 : group.members.length - 1;
            const expanded = open.has(group.primary.id);
            return (
              <li
                key={member ? `${group.primary.id}>${f.id}` : f.id}
                className={`bd-finding bd-finding-${f.severity}${member ? ' bd-finding-member' : ''}${more > 0 ? ' bd-finding-group' : ''}`}
                data-finding-id={f.id}
                data-rule={f.rule}
                data-group-size={member ? undefined : group.members.length}
                style={{ height: LINE_PX }}
              >
                {more > 0 ? (
                  <button
                    type="button"
                    className="bd-plain bd-group-toggle"
                    aria-expanded={expanded}
                    title={expanded ? '收起由此引起的结果' : '展开由此引起的结果'}
                    onClick={() => toggle(group.primary.id)}
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="bd-group-toggle" aria-hidden="true" />
                )}
                <button
                  type="button"
                  className="bd-finding-main"
                  onClick={() => (member ? onOpen(f) : openGroup(group))}
                  title={group.cause && !member ? '定位到引起这些结果的单元格' : '定位到单元格'}
                >
                  <span className={`bd-sev bd-sev-${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'}</span>
                  <span className="bd-finding-where">{tables || f.scope}</span>
                  <span className="bd-finding-msg">{f.message}</span>
                  {more > 0 ? <span className="bd-finding-more">另有 {more} 处由此引起</span> : null}
                </button>
                {f.fix || f.balance ? (
                  <button type="button" className="bd-fix" onClick={() => onFix(f)} title="修改一个单元格使两边一致（先列出改哪个单元格、改为多少；可撤销）">
                    修正
                  </button>
                ) : null}
              </li>
            );
          })}
          <li aria-hidden="true" className="bd-findings-spacer" style={{ height: (lines.length - last) * LINE_PX }} />
        </ul>
      )}
    </section>
  );
});
