import type { AnalysisJob, FromAnalysis, ToAnalysis } from './analysis-protocol';

/** What the pool needs of a worker (a real `Worker`, or a fake in tests). */
export interface PoolWorker {
  postMessage(message: ToAnalysis): void;
  onmessage: ((message: MessageEvent<FromAnalysis>) => void) | null;
  terminate(): void;
}

export interface PoolOptions {
  /** How many workers to start (at most one per job, at least one). */
  readonly concurrency: number;
  readonly spawn: () => PoolWorker;
  /** Told after each finished job: how many are done of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A running batch of jobs: its results in job order, and a way to stop it. */
export interface PoolRun<R> {
  readonly results: Promise<R[]>;
  /** Stops every worker at once; `results` then rejects with a `PoolCancelled`. */
  cancel(): void;
}

/** The reason a cancelled batch's promise rejects with. */
export class PoolCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PoolCancelled';
  }
}

/**
 * Runs `jobs` on a few workers, each taking the next job from a shared list when it finishes one (jobs
 * differ in length, so a fixed split would leave workers idle). The workers end with the batch.
 */
export function runPool<R>(jobs: readonly AnalysisJob[], options: PoolOptions): PoolRun<R> {
  const workers: PoolWorker[] = [];
  let stop: (reason: Error) => void = () => undefined;
  const results = new Promise<R[]>((resolve, reject) => {
    const out = new Array<R>(jobs.length);
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) worker.terminate();
      if (error) reject(error);
      else resolve(out);
    };
    stop = finish;
    const feed = (worker: PoolWorker) => {
      if (next >= jobs.length) return;
      const job = next++;
      worker.postMessage({ job, spec: jobs[job] as AnalysisJob });
    };
    if (jobs.length === 0) {
      finish();
      return;
    }
    const count = Math.max(1, Math.min(options.concurrency, jobs.length));
    for (let i = 0; i < count; i++) {
      const worker = options.spawn();
      workers.push(worker);
      worker.onmessage = ({ data }) => {
        if (settled) return;
        if (data.type === 'error') {
          finish(new Error(data.message));
          return;
        }
        out[data.job] = data.result as R;
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) finish();
        else feed(worker);
      };
    }
    for (const worker of workers) feed(worker);
  });
  return { results, cancel: () => stop(new PoolCancelled()) };
}
