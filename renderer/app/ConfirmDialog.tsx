import { Dialog } from './Dialog';

export interface ConfirmRequest {
  title: string;
  message: string;
  okLabel: string;
}

/** A yes/no question inside the page (the browser's own confirm box cannot be styled, tested or trusted to show). */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (ok: boolean) => void }) {
  return (
    <Dialog
      title={request.title}
      onClose={() => onAnswer(false)}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(false)}>取消</button>
          <button type="button" className="is-primary" autoFocus onClick={() => onAnswer(true)}>{request.okLabel}</button>
        </>
      }
    >
      <p className="bd-dialog-hint" style={{ whiteSpace: 'pre-wrap' }}>{request.message}</p>
    </Dialog>
  );
}
