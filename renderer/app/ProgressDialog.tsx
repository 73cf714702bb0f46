import { createRoot, type Root } from 'react-dom/client';
import { Dialog } from './Dialog';

export interface ProgressState {
  done: number;
  total: number;
  stage: string;
}

export interface ProgressDialogProps extends ProgressState {
  title: string;
  onCancel: () => void;
}

/** A long import/export: what is being done, how far, and 取消 (Escape too), which stops the background worker. */
export function ProgressDialog({ title, stage, done, total, onCancel }: ProgressDialogProps) {
  const known = total > 0;
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId="progress-dialog"
      footer={
        <button type="button" onClick={onCancel}>
          取消
        </button>
      }
    >
      <div data-testid="progress-stage">{stage || '正在准备…'}</div>
      <progress style={{ width: '100%', marginTop: 8 }} {...(known ? { value: done, max: total } : {})} aria-label={title} />
    </Dialog>
  );
}

export interface ProgressHandle {
  update(done: number, total: number, stage: string): void;
  close(): void;
}

/**
 * Shows the dialog in its own small React root on the page, so any action can show progress for the time a worker
 * job runs without threading state through the app's component tree.
 */
export function showProgress(title: string, onCancel: () => void): ProgressHandle {
  const host = document.createElement('div');
  host.dataset.progressHost = '';
  document.body.appendChild(host);
  const root: Root = createRoot(host);
  let closed = false;
  const render = (state: ProgressState) => {
    if (!closed) root.render(<ProgressDialog title={title} {...state} onCancel={onCancel} />);
  };
  render({ done: 0, total: 0, stage: '' });
  return {
    update: (done, total, stage) => render({ done, total, stage }),
    close() {
      if (closed) return;
      closed = true;
      root.unmount();
      host.remove();
    },
  };
}
