import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

/**
 * The latest message for the status line. A new message replaces the old one; every message expires (errors stay
 * longer than confirmations); and `clear` lets what the officer does next end a stale one — a refused amount
 * ("abc 不是有效金额") must not stay on screen after later edits went through.
 */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const notify = useCallback((message: string, tone: 'info' | 'error' = 'info') => {
    counter.current += 1;
    setNotice({ id: counter.current, message, tone });
  }, []);
  /** Ends the shown message (only an error one when tone is given); a message raised later is kept. */
  const clear = useCallback((tone?: Notice['tone']) => {
    const upTo = counter.current;
    setNotice((n) => (n && n.id <= upTo && (!tone || n.tone === tone) ? null : n));
  }, []);
  useEffect(() => {
    if (!notice) return;
    const t = window.setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), notice.tone === 'error' ? 8000 : 4000);
    return () => window.clearTimeout(t);
  }, [notice]);
  return { notice, notify, clear };
}
