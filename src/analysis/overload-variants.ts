import type { ArchDocument, ClientParams, LimiterParams, NodeSpec, WorkerParams } from '../model/types';
import { absentOf, WORKER_PARAMS } from '../model/params';
import { meanOf } from '../model/units';

/**
 * The mitigations of metastable failures as one-click twin-run variants (README "Metastable failures"):
 * a retry budget for clients that retry without one, LIFO order or `max_wait` for a queue that can hold
 * more work than its callers will wait for, and a tighter concurrency limit in front of a node whose
 * work slows down with load. Each is offered only where it applies, so a design without those risks
 * gets none of them.
 */
export interface OverloadVariant {
  readonly id: string;
  readonly label: string;
  readonly nodeIds: readonly string[];
  readonly apply: (doc: ArchDocument) => ArchDocument;
}

const withNodeParams = (doc: ArchDocument, id: string, change: (params: object) => object): ArchDocument => ({
  ...doc,
  nodes: doc.nodes.map((node) =>
    node.id === id ? ({ ...node, params: change(node.params) } as NodeSpec) : node,
  ),
});

const isWorker = (node: NodeSpec) =>
  node.kind === 'service' || node.kind === 'database' || node.kind === 'cache';

/** How long the callers of `id` wait for it at most: the shortest timeout on the way up (Infinity: none). */
export function callerDeadlineMs(doc: ArchDocument, id: string, seen: Set<string> = new Set()): number {
  if (seen.has(id)) return Infinity;
  seen.add(id);
  let deadline = Infinity;
  for (const edge of doc.edges) {
    if (edge.target !== id) continue;
    const caller = doc.nodes.find((n) => n.id === edge.source);
    if (!caller) continue;
    const own =
      caller.kind === 'client'
        ? caller.params.timeoutMs
        : isWorker(caller)
          ? ((caller.params as WorkerParams).timeoutMs ?? absentOf(WORKER_PARAMS, 'timeoutMs'))
          : Infinity;
    deadline = Math.min(deadline, own, own === Infinity ? callerDeadlineMs(doc, caller.id, seen) : Infinity);
  }
  return deadline;
}

/** The variants of {@link OverloadVariant} that apply to `doc`. */
export function overloadVariantsOf(doc: ArchDocument): OverloadVariant[] {
  const variants: OverloadVariant[] = [];
  for (const node of doc.nodes) {
    const ids = [node.id];
    if (node.kind === 'client') {
      const params = node.params as ClientParams;
      if (params.retries > 0 && params.retryBudget === undefined)
        variants.push({
          id: `${node.id}:retry_budget`,
          label: `${node.label}: retry budget 10%`,
          nodeIds: ids,
          apply: (d) => withNodeParams(d, node.id, (p) => ({ ...p, retryBudget: 0.1 })),
        });
    } else if (isWorker(node)) {
      const params = node.params as WorkerParams;
      const deadline = callerDeadlineMs(doc, node.id);
      // A full queue drains in capacity × mean service / workers: beyond the callers' deadline, what it
      // serves last was given up on (stale work).
      const drainMs = (params.queueCapacity * meanOf(params.service)) / params.workers;
      if (!(deadline < Infinity && drainMs > deadline)) continue;
      if (params.maxWaitMs === undefined) {
        const maxWaitMs = Math.max(1, Math.round(deadline / 2));
        variants.push({
          id: `${node.id}:max_wait`,
          label: `${node.label}: max_wait ${maxWaitMs} ms`,
          nodeIds: ids,
          apply: (d) => withNodeParams(d, node.id, (p) => ({ ...p, maxWaitMs })),
        });
      }
      if ((params.queueOrder ?? absentOf(WORKER_PARAMS, 'queueOrder')) === 'fifo')
        variants.push({
          id: `${node.id}:lifo`,
          label: `${node.label}: LIFO queue`,
          nodeIds: ids,
          apply: (d) => withNodeParams(d, node.id, (p) => ({ ...p, queueOrder: 'lifo' })),
        });
    } else if (node.kind === 'limiter') {
      const limit = admissionFor(doc, node);
      if (limit !== null)
        variants.push({
          id: `${node.id}:admission`,
          label: `${node.label}: at most ${limit} at once`,
          nodeIds: ids,
          apply: (d) =>
            withNodeParams(d, node.id, (p) => ({ ...p, limit: { type: 'concurrency', max: limit } })),
        });
    }
  }
  return variants;
}

/**
 * The concurrency that keeps a load-dependent node at its throughput peak: with e^(k·u) the throughput
 * u·e^(−k·u) is highest at u = 1/k, so admit workers/k; for linear and poly, half the workers.
 */
function admissionFor(doc: ArchDocument, limiter: NodeSpec): number | null {
  const current = (limiter.params as LimiterParams).limit;
  for (const edge of doc.edges) {
    if (edge.source !== limiter.id) continue;
    const target = doc.nodes.find((n) => n.id === edge.target);
    const params = target && isWorker(target) ? (target.params as WorkerParams) : undefined;
    const load = params?.loadLatency;
    if (!params || !load) continue;
    const limit = Math.max(
      1,
      Math.round(load.type === 'exp' && load.k > 1 ? params.workers / load.k : params.workers / 2),
    );
    if (current.type === 'concurrency' && current.max <= limit) return null;
    return limit;
  }
  return null;
}
