import { parentPort } from 'node:worker_threads';
import { createDispatcher } from '../../core/worker/dispatcher';
import { coreHandlers } from '../../core/worker/core-handlers';

// The worker thread's body: core's handlers behind the protocol's dispatcher, talking to the CLI over parentPort.
const port = parentPort;
if (port) {
  const dispatcher = createDispatcher(coreHandlers, (message, transfer) => port.postMessage(message, transfer));
  port.on('message', (message: unknown) => void dispatcher.handle(message));
}
