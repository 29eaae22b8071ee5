import { useEffect } from 'react';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { useArchStore } from './store';

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

/** Owns the simulation worker's lifetime: starts it on mount, connects it to the store, ends it on unmount. */
export function useSimulationWorker(): void {
  useEffect(() => {
    let worker: Worker | null = null;
    let ended = false;
    void createSimWorker().then(
      (created) => {
        if (ended) {
          created.terminate();
          return;
        }
        worker = created;
        const { attach, receive } = useArchStore.getState();
        created.onmessage = (message: MessageEvent<FromWorker>) => receive(message.data);
        attach((message: ToWorker) => created.postMessage(message));
      },
      (cause: unknown) =>
        useArchStore.setState({
          notice: `The simulation could not start in this page: ${cause instanceof Error ? cause.message : String(cause)}`,
        }),
    );
    return () => {
      ended = true;
      if (!worker) return;
      useArchStore.getState().attach(null);
      worker.terminate();
    };
  }, []);
}
