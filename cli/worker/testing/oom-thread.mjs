// Test worker that only allocates, to prove a worker dying of ERR_WORKER_OUT_OF_MEMORY is reported in Chinese.
import { parentPort } from 'node:worker_threads';

const kept = [];
parentPort.on('message', () => {
  for (;;) kept.push(new Array(1_000_000).fill(kept.length));
});
