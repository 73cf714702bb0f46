import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
  testId?: string;
}

/** A modal built on <dialog>: focus stays inside, Escape closes. */
export function Dialog({ title, onClose, children, footer, width = 440, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="bd-dialog"
      style={{ width }}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="bd-dialog-title">{title}</div>
      <div className="bd-dialog-body">{children}</div>
      <div className="bd-dialog-footer">{footer}</div>
    </dialog>
  );
}
