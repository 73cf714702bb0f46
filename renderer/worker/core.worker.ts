import { createDispatcher } from '../../core/worker/dispatcher';
import { coreHandlers } from '../../core/worker/core-handlers';
import { sessionHandlers } from '../../core/worker/session-handlers';

// The renderer's module Web Worker: core's import/export behind the protocol's dispatcher, off the page's thread,
// so a heavy or hostile workbook never freezes the window and 取消 can end it by terminating this worker. A second
// instance of the same script holds the checking replica of the open document (rule and text checks).
const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
};
const dispatcher = createDispatcher({ ...coreHandlers, ...sessionHandlers }, (message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => void dispatcher.handle(event.data);
