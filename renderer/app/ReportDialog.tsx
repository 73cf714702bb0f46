import { Dialog } from './Dialog';

/** A plain-text report (Excel import, rejected template set) the officer can read and copy. */
export function ReportDialog({ title, text, onClose }: { title: string; text: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} width={620} testId="report-dialog" footer={<button type="button" className="is-primary" onClick={onClose}>关闭</button>}>
      <pre className="bd-report">{text}</pre>
    </Dialog>
  );
}
