import { useEffect } from 'react';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { useArchStore } from './store';

/** Owns the simulation worker's lifetime: starts it on mount, connects it to the store, ends it on unmount. */
export function useSimulationWorker(): void {
  useEffect(() => {
    const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
    const { attach, receive } = useArchStore.getState();
    worker.onmessage = (message: MessageEvent<FromWorker>) => receive(message.data);
    attach((message: ToWorker) => worker.postMessage(message));
    return () => {
      attach(null);
      worker.terminate();
    };
  }, []);
}
