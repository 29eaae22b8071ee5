import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisJob } from '../../worker/analysis-protocol';
import { PoolCancelled, runPool, type PoolRun } from '../../worker/analysis-pool';

export interface PoolProgress {
  readonly done: number;
  readonly total: number;
}

/** How many analysis workers to start: one per core the browser reports, at least one. */
export function workerCount(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

const spawn = () =>
  new Worker(new URL('../../worker/analysis.worker.ts', import.meta.url), { type: 'module' });

/**
 * Runs batches of analysis jobs in Web Workers (never on the page's thread), with progress and cancel.
 * `start` resolves to the results in job order, or null when cancelled (by the user, a newer batch, or
 * the component going away); a failed job rejects.
 */
export function useAnalysisPool<R>() {
  const [progress, setProgress] = useState<PoolProgress | null>(null);
  const current = useRef<PoolRun<R> | null>(null);
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(async (jobs: readonly AnalysisJob[]): Promise<R[] | null> => {
    current.current?.cancel();
    setProgress({ done: 0, total: jobs.length });
    const run = runPool<R>(jobs, {
      concurrency: workerCount(),
      spawn,
      onProgress: (done, total) => setProgress({ done, total }),
    });
    current.current = run;
    try {
      return await run.results;
    } catch (error) {
      if (error instanceof PoolCancelled) return null;
      throw error;
    } finally {
      if (current.current === run) {
        current.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => current.current?.cancel(), []);
  return { progress, running: progress !== null, start, cancel };
}
