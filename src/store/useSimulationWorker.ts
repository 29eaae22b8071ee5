import { useEffect } from 'react';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { useArchStore } from './store';
import { createFrameQueue } from './frame-queue';
import { createWatchdog } from './worker-watchdog';

/**
 * The simulation worker, from its own script when the page may load one. A page in a sandboxed frame
 * without `allow-same-origin` has an opaque origin: there `new Worker(url)` is refused (the script's
 * origin is not the page's), and so is a *module* worker from a blob: URL; a classic worker from a
 * blob: URL is allowed. The built worker is one self-contained script (no imports), so its text,
 * fetched with CORS, runs as a classic worker.
 */
async function createSimWorker(): Promise<Worker> {
  if (self.origin !== 'null') {
    try {
      return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      // Refused (an otherwise opaque page): fall through to the blob copy.
    }
  }
  const { default: url } = await import('../worker/sim.worker.ts?worker&url');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the simulation script did not load (HTTP ${response.status})`);
  const blob = new Blob([await response.text()], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}

/**
 * A worker's error event as a reason for the user: "boom", not "Uncaught Error: boom". A worker whose
 * script fails to load fires a plain event without a message.
 */
export function reasonOf(event: Partial<Pick<ErrorEvent, 'message'>>): string {
  return (
    (event.message ?? '').replace(/^Uncaught\s+/, '').replace(/^Error:\s*/, '') ||
    'the worker ended with an error'
  );
}

/** Replacements in a row without a word from the new worker, after which the page stops trying. */
const MAX_SILENT_RESTARTS = 2;

/**
 * Owns the simulation worker's lifetime: starts it on mount, connects it to the store, ends it on
 * unmount. A watchdog (worker-watchdog.ts) stands by: a worker that throws or stops answering is
 * ended and replaced, the user reads "Simulation failed" with the reason, and the document stays
 * (the new worker loads it, paused).
 */
export function useSimulationWorker(): void {
  useEffect(() => {
    let worker: Worker | null = null;
    let watchdog: ReturnType<typeof createWatchdog> | null = null;
    // Batches reach the store once per frame (frame-queue.ts): one render however fast they come.
    const inbox = createFrameQueue<FromWorker>((messages) => useArchStore.getState().receiveAll(messages));
    let ended = false;
    let silentRestarts = 0;

    const end = () => {
      inbox.clear();
      watchdog?.stop();
      watchdog = null;
      worker?.terminate();
      worker = null;
      useArchStore.getState().attach(null);
    };

    const fail = (reason: string) => {
      end();
      useArchStore.setState({ playing: false });
      if (silentRestarts >= MAX_SILENT_RESTARTS) {
        useArchStore.setState({
          notice: `Simulation failed: ${reason}. The simulation could not be restarted: reload the page (your document is kept).`,
        });
        return;
      }
      silentRestarts += 1;
      start(
        `Simulation failed: ${reason}. A new simulation worker has your document, paused: press Play to run it again.`,
      );
    };

    const connect = (created: Worker) => {
      worker = created;
      const { attach } = useArchStore.getState();
      watchdog = createWatchdog({
        now: () => performance.now(),
        every: (task, ms) => {
          const timer = window.setInterval(task, ms);
          return () => window.clearInterval(timer);
        },
        ping: () => created.postMessage({ type: 'ping' } satisfies ToWorker),
        fail,
      });
      created.onmessage = (message: MessageEvent<FromWorker>) => {
        silentRestarts = 0;
        watchdog?.heard();
        inbox.push(message.data);
      };
      created.onerror = (event) => fail(reasonOf(event));
      created.onmessageerror = () => fail('a message from the simulation worker could not be read');
      attach((message: ToWorker) => created.postMessage(message));
    };

    /** Starts a worker; `failure` is the notice of the one it replaces, shown once the new run is set up. */
    function start(failure?: string) {
      void createSimWorker().then(
        (created) => {
          if (ended || worker) {
            created.terminate();
            return;
          }
          connect(created);
          // After attach, which starts a fresh run and clears notices: the failure is what the user reads.
          if (failure) useArchStore.setState({ notice: failure });
        },
        (cause: unknown) =>
          useArchStore.setState({
            notice: `The simulation could not start in this page: ${cause instanceof Error ? cause.message : String(cause)}`,
          }),
      );
    }

    start();
    return () => {
      ended = true;
      end();
    };
  }, []);
}
