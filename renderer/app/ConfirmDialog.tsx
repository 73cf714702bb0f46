import { Dialog } from './Dialog';

export interface ConfirmRequest {
  title: string;
  message: string;
  okLabel: string;
  /** A second way to go ahead (e.g. 只删除此行 beside 一并删除), answered as 'other'. */
  otherLabel?: string;
}

/** What the officer chose: the main action, the other one, or neither (取消, Esc). */
export type ConfirmAnswer = 'ok' | 'other' | null;

/** A yes/no question inside the page (the browser's own confirm box cannot be styled, tested or trusted to show). */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (answer: ConfirmAnswer) => void }) {
  return (
    <Dialog
      title={request.title}
      onClose={() => onAnswer(null)}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" onClick={() => onAnswer(null)}>取消</button>
          {request.otherLabel ? <button type="button" data-answer="other" onClick={() => onAnswer('other')}>{request.otherLabel}</button> : null}
          <button type="button" className="is-primary" autoFocus onClick={() => onAnswer('ok')}>{request.okLabel}</button>
        </>
      }
    >
      <p className="bd-dialog-hint" style={{ whiteSpace: 'pre-wrap' }}>{request.message}</p>
    </Dialog>
  );
}
