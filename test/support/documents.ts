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
