import { parentPort } from 'node:worker_threads';
import { TARGETS, type TargetName } from './targets';

/** Worker thread: runs one input at a time so the parent can time it out (terminate) without losing the run. */
interface Job {
  id: number;
  target: TargetName;
  bytes: Uint8Array;
}

parentPort!.on('message', async (job: Job) => {
  try {
    const outcome = await TARGETS[job.target](job.bytes);
    parentPort!.postMessage({ id: job.id, outcome });
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    parentPort!.postMessage({ id: job.id, crash: detail.slice(0, 2000) });
  }
});

// Loading exceljs, core and the templates takes a while on a busy machine: say when ready, so that time is not counted
// against the first input's time limit.
parentPort!.postMessage({ ready: true });
