import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Shows the children again after an error when it changes (another table chosen, another document opened). */
  resetKey?: unknown;
  /** Told of the error once, e.g. to write the recovery copy at once. */
  onError?: (error: unknown) => void;
  /** What shows instead; `retry` renders the children again. */
  fallback: (retry: () => void) => ReactNode;
}

interface State {
  failed: boolean;
  key: unknown;
}

/**
 * Keeps an error in one part of the window from taking all of it down: React unmounts everything up to the nearest
 * boundary, and without one the window went blank with the officer's unsaved work. The part shows a Chinese
 * message with a way to show it again, and whatever lives above the boundary (the document, its undo history)
 * stays.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.error('[界面出错]', error);
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

/**
 * Throws while `window.__bdTestFault` names this place: how browser tests make a part of the window fail, as
 * `__bdTestDisk` makes the disk fail. Nothing sets it outside tests.
 */
export function TestFault({ at }: { at: string }): null {
  if ((window as Window & { __bdTestFault?: string }).__bdTestFault === at) throw new Error(`测试：${at} 出错`);
  return null;
}
