import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

/** The latest message for the status line; errors stay longer than confirmations. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const notify = useCallback((message: string, tone: 'info' | 'error' = 'info') => {
    counter.current += 1;
    setNotice({ id: counter.current, message, tone });
  }, []);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), notice.tone === 'error' ? 8000 : 4000);
    return () => window.clearTimeout(t);
  }, [notice]);
  return { notice, notify };
}
