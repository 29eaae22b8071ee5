/// <reference lib="webworker" />
import { createSimulation } from '../sim/engine';
import type { FromWorker, ToWorker } from './protocol';
import { createRunner } from './runner';

/** The simulation worker: a thin shell that wires the runner to the worker's clock and messages. */
declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const runner = createRunner({
  create: (doc) => createSimulation(doc),
  post: (message: FromWorker, transfer) => self.postMessage(message, { transfer: [...(transfer ?? [])] }),
  now: () => performance.now(),
  later: (task, ms) => setTimeout(task, ms),
  // A message to ourselves yields to pending messages without setTimeout's 4 ms clamp.
  soon: (task) => {
    queued.push(task);
    channel.port2.postMessage(null);
  },
});

self.onmessage = (message: MessageEvent<ToWorker>) => runner.handle(message.data);
