import type { Finding } from '../../core/rules/finding';
import { describeHolder } from './ConflictDialog';
import type { ReadOnlyNotice } from './use-file-actions';
import { countBySeverity } from '../../core/rules/finding-order';
import type { Notice } from './use-notice';
import type { FindingsView } from './findings-view';

type ErrorSummary = Pick<FindingsView, 'problems' | 'groupedErrors'>;

/** "3 处问题（11 个错误）待处理" when errors share causes, else "11 个错误待处理". */
function errorText(findings: readonly Finding[], summary: ErrorSummary | undefined): string {
  if (summary) {
    const { problems, groupedErrors: errors } = summary;
    if (errors === 0) return '无错误';
    return problems < errors ? `${problems} 处问题（${errors} 个错误）待处理` : `${errors} 个错误待处理`;
  }
  const { errors } = countBySeverity(findings);
  return errors > 0 ? `${errors} 个错误待处理` : '无错误';
}

export function StatusBar({ notice, findings, summary, readOnly = null }: { notice: Notice | null; findings: readonly Finding[]; summary?: ErrorSummary; readOnly?: ReadOnlyNotice | null }) {
  return (
    <footer className="bd-status">
      {readOnly ? (
        // Stays as long as the document is open read-only, unlike the passing notice beside it.
        <span data-testid="readonly-notice" title={`保存时将另存为新文件，不会覆盖“${readOnly.name}”`} style={{ fontWeight: 600, color: 'var(--bd-error)', whiteSpace: 'nowrap' }}>
          只读：“{readOnly.name}”正由 {describeHolder(readOnly.holder)} 打开，保存时将另存为新文件
        </span>
      ) : null}
      <span className={`bd-status-msg${notice?.tone === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite" data-testid="status-message">
        {notice?.message ?? '就绪'}
      </span>
      <span className="bd-status-right">
        <span data-testid="status-errors">{errorText(findings, summary)}</span> · Enter/Tab 移动 · F2 编辑 · Delete 清除 · Ctrl+Z 撤销
      </span>
    </footer>
  );
}
