import type { ArchDocument, ClientParams, Distribution, LbParams, NodeKind, WorkerParams } from '../model/types';
import { isZero } from './distributions';
import { RandomStream } from './random';

export const KindCode = { client: 0, lb: 1, worker: 2 } as const;

/**
 * A document compiled for the engine: nodes and edges numbered, parameters in flat arrays, and one random
 * stream per source of randomness, named after the node or edge so streams do not depend on order.
 */
export interface Topology {
  readonly nodeIds: readonly string[];
  readonly labels: readonly string[];
  readonly kinds: readonly NodeKind[];
  /** KindCode of each node: how the engine treats it. */
  readonly behaviour: Int32Array;
  readonly workers: Int32Array;
  readonly queueCapacity: Float64Array;
  readonly service: readonly (Distribution | null)[];
  readonly client: readonly (ClientParams | null)[];
  readonly lb: readonly (LbParams | null)[];
  /** Outgoing edge indices of each node, in document order. */
  readonly outEdges: readonly Int32Array[];
  readonly edgeIds: readonly string[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeLatency: readonly Distribution[];
  readonly edgeLatencyIsZero: Uint8Array;
  readonly startsFailed: Uint8Array;
  readonly serviceRng: readonly RandomStream[];
  readonly arrivalRng: readonly RandomStream[];
  readonly probeRng: readonly RandomStream[];
  readonly edgeRng: readonly RandomStream[];
}

export function compileTopology(doc: ArchDocument, seed: number): Topology {
  const index = new Map<string, number>();
  doc.nodes.forEach((node, i) => index.set(node.id, i));
  const n = doc.nodes.length;
  const behaviour = new Int32Array(n);
  const workers = new Int32Array(n);
  const queueCapacity = new Float64Array(n);
  const service: (Distribution | null)[] = [];
  const client: (ClientParams | null)[] = [];
  const lb: (LbParams | null)[] = [];
  const startsFailed = new Uint8Array(n);
  doc.nodes.forEach((node, i) => {
    startsFailed[i] = node.startsFailed ? 1 : 0;
    client.push(node.kind === 'client' ? node.params : null);
    lb.push(node.kind === 'lb' ? node.params : null);
    if (node.kind === 'client') {
      behaviour[i] = KindCode.client;
      service.push(null);
    } else if (node.kind === 'lb') {
      behaviour[i] = KindCode.lb;
      service.push(null);
    } else {
      // Services, databases, caches, and (until their own models exist) queues and DNS nodes all do work
      // with a pool of workers and call their downstream nodes.
      const params: WorkerParams = node.params;
      behaviour[i] = KindCode.worker;
      workers[i] = params.workers;
      queueCapacity[i] = params.queueCapacity;
      service.push(params.service);
    }
  });
  const edges = doc.edges.filter((e) => index.has(e.source) && index.has(e.target));
  const outLists: number[][] = doc.nodes.map(() => []);
  edges.forEach((edge, e) => outLists[index.get(edge.source) as number]?.push(e));
  return {
    nodeIds: doc.nodes.map((node) => node.id),
    labels: doc.nodes.map((node) => node.label),
    kinds: doc.nodes.map((node) => node.kind),
    behaviour,
    workers,
    queueCapacity,
    service,
    client,
    lb,
    outEdges: outLists.map((list) => Int32Array.from(list)),
    edgeIds: edges.map((e) => e.id),
    edgeSource: Int32Array.from(edges, (e) => index.get(e.source) as number),
    edgeTarget: Int32Array.from(edges, (e) => index.get(e.target) as number),
    edgeLatency: edges.map((e) => e.params.latency),
    edgeLatencyIsZero: Uint8Array.from(edges, (e) => (isZero(e.params.latency) ? 1 : 0)),
    startsFailed,
    serviceRng: doc.nodes.map((node) => new RandomStream(seed, `service:${node.id}`)),
    arrivalRng: doc.nodes.map((node) => new RandomStream(seed, `arrivals:${node.id}`)),
    probeRng: doc.nodes.map((node) => new RandomStream(seed, `probes:${node.id}`)),
    edgeRng: edges.map((e) => new RandomStream(seed, `edge:${e.id}`)),
  };
}
