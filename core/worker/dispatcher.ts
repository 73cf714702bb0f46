import type { HostMessage, PayloadOf, ValueOf, WorkerKind, WorkerMessage } from './protocol';

/**
 * The worker side of the protocol: a registry of handlers by kind. A handler gets its payload and a context to
 * report progress and to see a cancel; whatever it throws becomes a Chinese message (never a stack trace). Cancel is
 * cooperative here (the handler may look at `cancelled()` between steps); a host that must stop at once terminates
 * the worker instead.
 */
export interface HandlerContext {
  progress(done: number, total: number, stage: string): void;
  cancelled(): boolean;
}

export type Handler<K extends WorkerKind> = (payload: PayloadOf<K>, ctx: HandlerContext) => Promise<ValueOf<K>>;
export type HandlerRegistry = { [K in WorkerKind]?: Handler<K> };

/** `post` sends to the host; the second argument lists buffers to transfer instead of copy. */
export type Post = (message: WorkerMessage, transfer: ArrayBuffer[]) => void;

export const UNEXPECTED_MESSAGE = '处理时发生意外错误，操作未完成。请重试；若仍失败，请在 Excel 或 WPS 中打开该文件另存后再试。';

export function createDispatcher(handlers: HandlerRegistry, post: Post): { handle(message: unknown): Promise<void> } {
  const cancelled = new Set<number>();
  return {
    async handle(message: unknown) {
      if (!isHostMessage(message)) return;
      if (message.type === 'cancel') {
        cancelled.add(message.id);
        return;
      }
      const { id, kind } = message;
      const handler = handlers[kind] as Handler<WorkerKind> | undefined;
      if (!handler) {
        post({ type: 'result', id, ok: false, message: `内部错误：后台任务“${kind}”不存在。` }, []);
        return;
      }
      const ctx: HandlerContext = {
        progress: (done, total, stage) => post({ type: 'progress', id, done, total, stage }, []),
        cancelled: () => cancelled.has(id),
      };
      try {
        const value = await handler(message.payload, ctx);
        post({ type: 'result', id, ok: true, value }, transferable(value));
      } catch (error) {
        post({ type: 'result', id, ok: false, message: chineseMessage(error) }, []);
      } finally {
        cancelled.delete(id);
      }
    },
  };
}

/** Bytes that own their whole buffer move instead of being copied; a view into a shared (pooled) buffer is copied. */
function transferable(value: unknown): ArrayBuffer[] {
  if (!(value instanceof Uint8Array)) return [];
  const buffer = value.buffer;
  return buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength ? [buffer] : [];
}

/** A handler may throw an Error whose message is already Chinese (meant for the user); anything else is replaced. */
function chineseMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : '';
  return /[\u4e00-\u9fff]/.test(text) && !/\n\s+at /.test(text) ? text : UNEXPECTED_MESSAGE;
}

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; id?: unknown; kind?: unknown };
  if (typeof m.id !== 'number') return false;
  return m.type === 'cancel' || (m.type === 'request' && typeof m.kind === 'string');
}
