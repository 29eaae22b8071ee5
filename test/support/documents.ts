import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_LB } from '../../src/model/defaults';
import type {
  ArchDocument,
  ClientParams,
  Distribution,
  EdgeParams,
  LbParams,
  NodeSpec,
  ScenarioStep,
  WorkerParams,
} from '../../src/model/types';

/** A client feeding one service directly: the M/M/c (or M/G/c) test bench. */
export function clientToService(options: {
  ratePerSec: number;
  workers: number;
  service: Distribution;
  durationSec: number;
  seed: number;
}): ArchDocument {
  return {
    name: 'Client → Service',
    direction: 'LR',
    nodes: [
      {
        id: 'Client',
        label: 'Client',
        kind: 'client',
        params: { ratePerSec: options.ratePerSec, arrival: 'poisson', timeoutMs: Infinity, retries: 0 },
      },
      {
        id: 'Service',
        label: 'Service',
        kind: 'service',
        params: { workers: options.workers, service: options.service, queueCapacity: Infinity },
      },
    ],
    edges: [{ id: 'Client-->Service', source: 'Client', target: 'Service', params: DEFAULT_EDGE }],
    groups: [],
    scenario: [],
    sim: { seed: options.seed, durationSec: options.durationSec, warmupSec: 0 },
  };
}

export interface BalancedOptions {
  readonly client?: Partial<ClientParams>;
  readonly lb?: Partial<LbParams>;
  readonly server?: Partial<WorkerParams>;
  /** Number of servers S1..Sn behind the load balancer. */
  readonly servers?: number;
  readonly edges?: Readonly<Record<string, Partial<EdgeParams>>>;
  readonly scenario?: readonly ScenarioStep[];
  readonly durationSec?: number;
  readonly seed?: number;
  /** Put the servers in a group named Zone. */
  readonly grouped?: boolean;
}

/** Client → LB → S1..Sn, each server a pool of workers with no downstream. */
export function balanced(options: BalancedOptions = {}): ArchDocument {
  const count = options.servers ?? 2;
  const servers = Array.from({ length: count }, (_, i) => `S${i + 1}`);
  const server: WorkerParams = {
    workers: 1,
    service: { type: 'exp', meanMs: 1 },
    queueCapacity: Infinity,
    ...options.server,
  };
  const nodes: NodeSpec[] = [
    {
      id: 'C',
      label: 'Client',
      kind: 'client',
      params: { ...DEFAULT_CLIENT, timeoutMs: Infinity, ...options.client },
    },
    { id: 'LB', label: 'Load Balancer', kind: 'lb', params: { ...DEFAULT_LB, ...options.lb } },
    ...servers.map((id): NodeSpec => ({
      id,
      label: id,
      kind: 'service',
      params: server,
      ...(options.grouped ? { group: 'Zone' } : {}),
    })),
  ];
  const pairs: [string, string][] = [['C', 'LB'], ...servers.map((s): [string, string] => ['LB', s])];
  return {
    name: 'balanced',
    direction: 'LR',
    nodes,
    edges: pairs.map(([source, target]) => {
      const id = `${source}-->${target}`;
      return { id, source, target, params: { ...DEFAULT_EDGE, ...options.edges?.[id] } };
    }),
    groups: options.grouped ? [{ id: 'Zone', label: 'Zone' }] : [],
    scenario: options.scenario ?? [],
    sim: { seed: options.seed ?? 1, durationSec: options.durationSec ?? 60, warmupSec: 0 },
  };
}

/** A client with timeouts, jittered retries, a retry budget and a breaker, over lossy edges, through faults. */
export function retriesAndTimeouts(): ArchDocument {
  const doc = balanced({
    servers: 3,
    client: {
      ratePerSec: 300,
      timeoutMs: 40,
      retries: 3,
      backoffMs: 5,
      retryBudget: 0.2,
      breakerErrors: 60,
      breakerOpenMs: 2000,
    },
    lb: { policy: 'p2c', hcIntervalMs: 1000, ejectErrors: 5, ejectTimeMs: 3000 },
    server: { workers: 2, service: { type: 'lognormal', medianMs: 4, sigma: 0.8 }, queueCapacity: 20 },
    edges: {
      'C-->LB': { latency: { type: 'uniform', minMs: 0.5, maxMs: 1.5 } },
      'LB-->S2': { loss: 0.01, latency: { type: 'normal', meanMs: 1, sdMs: 0.5 } },
    },
    scenario: [
      { atSec: 10, action: 'degrade', target: 'S1', factor: 4 },
      { atSec: 20, action: 'fail', target: 'S3', mode: 'hang' },
      { atSec: 30, action: 'degrade', target: 'S2', errorRate: 0.3 },
      { atSec: 35, action: 'load', target: 'C', ratePerSec: 500 },
      { atSec: 45, action: 'recover', target: 'S1' },
      { atSec: 45, action: 'recover', target: 'S2' },
      { atSec: 45, action: 'recover', target: 'S3' },
      { atSec: 50, action: 'partition', target: 'LB-->S1' },
    ],
    durationSec: 60,
    seed: 7,
  });
  // A server calling a database with its own downstream timeout, so calls wait while holding a worker.
  return {
    ...doc,
    nodes: [
      ...doc.nodes.map((node) =>
        node.kind === 'service' ? { ...node, params: { ...node.params, timeoutMs: 25 } } : node,
      ),
      {
        id: 'DB',
        label: 'DB',
        kind: 'database',
        params: { workers: 4, service: { type: 'erlang', k: 3, meanMs: 2 }, queueCapacity: Infinity },
      },
    ],
    edges: [
      ...doc.edges,
      ...['S1', 'S2', 'S3'].map((s) => ({
        id: `${s}-->DB`,
        source: s,
        target: 'DB',
        params: { ...doc.edges[0]!.params, latency: { type: 'const' as const, valueMs: 0.5 } },
      })),
    ],
  };
}
/** A node of {@link chain}: its id, kind and parameters (the label is the id). */
export type ChainNode = Pick<NodeSpec, 'id' | 'kind' | 'params'>;

/**
 * Nodes called one after the other (first → second → …), with zero-latency edges unless `extraEdges`
 * adds more: the bench for the metastable-failure models (keys, caches, limiters, shedding, closed loops).
 */
export function chain(
  nodes: readonly ChainNode[],
  options: {
    durationSec: number;
    seed?: number;
    warmupSec?: number;
    scenario?: readonly ScenarioStep[];
    edges?: readonly (readonly [string, string])[];
  },
): ArchDocument {
  const pairs =
    options.edges ??
    nodes.slice(1).map((node, i): readonly [string, string] => [nodes[i]?.id as string, node.id]);
  return {
    name: 'chain',
    direction: 'LR',
    nodes: nodes.map((node) => ({ ...node, label: node.id }) as NodeSpec),
    edges: pairs.map(([source, target]) => ({
      id: `${source}-->${target}`,
      source,
      target,
      params: DEFAULT_EDGE,
    })),
    groups: [],
    scenario: options.scenario ?? [],
    sim: { seed: options.seed ?? 1, durationSec: options.durationSec, warmupSec: options.warmupSec ?? 0 },
  };
}

/** A Poisson client with no timeout and no retries, at `ratePerSec`, plus any other client parameters. */
export function openClient(ratePerSec: number, extra: Partial<ClientParams> = {}): ChainNode {
  return {
    id: 'C',
    kind: 'client',
    params: { ratePerSec, arrival: 'poisson', timeoutMs: Infinity, retries: 0, ...extra },
  };
}

/** A worker node of `kind` (service, database, cache) with an unbounded queue unless `extra` says. */
export function workerNode(
  id: string,
  kind: 'service' | 'database' | 'cache',
  workers: number,
  service: Distribution,
  extra: Record<string, unknown> = {},
): ChainNode {
  return { id, kind, params: { workers, service, queueCapacity: Infinity, ...extra } } as ChainNode;
}
