import type {
  ClientParams,
  EdgeParams,
  LbParams,
  LimiterParams,
  NodeKind,
  NodeParamsByKind,
  WorkerParams,
} from './types';

/** Default parameters of every kind (README.md lists them). */
export const DEFAULT_CLIENT: ClientParams = {
  ratePerSec: 400,
  arrival: 'poisson',
  timeoutMs: 2000,
  retries: 0,
};

export const DEFAULT_LB: LbParams = {
  policy: 'round-robin',
  mode: 'active-active',
  hcIntervalMs: 2000,
  hcTimeoutMs: 500,
  hcUnhealthy: 3,
  hcHealthy: 2,
};

export const DEFAULT_SERVICE: WorkerParams = {
  workers: 8,
  service: { type: 'exp', meanMs: 10 },
  queueCapacity: 200,
};

export const DEFAULT_DATABASE: WorkerParams = {
  workers: 16,
  service: { type: 'exp', meanMs: 2 },
  queueCapacity: 1000,
};

export const DEFAULT_CACHE: WorkerParams = {
  workers: 16,
  service: { type: 'exp', meanMs: 0.5 },
  queueCapacity: 1000,
};

/** A message broker accepts and stores messages quickly; its consumers do the work. */
export const DEFAULT_QUEUE: WorkerParams = {
  workers: 64,
  service: { type: 'exp', meanMs: 1 },
  queueCapacity: 1000,
};

/** A rate limiter passing 100 requests/s (README "Limiter"). */
export const DEFAULT_LIMITER: LimiterParams = { limit: { type: 'rate', perSec: 100 } };

export const DEFAULT_EDGE: EdgeParams = {
  latency: { type: 'const', valueMs: 0 },
  weight: 1,
  backup: false,
};

/** Default parameters for a node of the given kind. */
export function defaultParamsOf<K extends NodeKind>(kind: K): NodeParamsByKind[K] {
  const byKind: NodeParamsByKind = {
    client: DEFAULT_CLIENT,
    lb: DEFAULT_LB,
    service: DEFAULT_SERVICE,
    database: DEFAULT_DATABASE,
    queue: DEFAULT_QUEUE,
    cache: DEFAULT_CACHE,
    dns: { workers: 64, service: { type: 'const', valueMs: 0.1 }, queueCapacity: Infinity },
    limiter: DEFAULT_LIMITER,
  };
  return byKind[kind];
}

/**
 * Running cost per hour by kind, when a node does not say (orders of magnitude of a small cloud
 * deployment, in dollars): what makes "what does the extra server buy" a comparison of like with like.
 */
export const DEFAULT_COST_PER_HOUR: { readonly [K in NodeKind]: number } = {
  client: 0,
  lb: 0.03,
  service: 0.2,
  database: 0.5,
  queue: 0.05,
  cache: 0.15,
  dns: 0.01,
  limiter: 0.01,
};

/** A node's cost per hour: its own, or its kind's default. */
export function costPerHourOf(node: { readonly kind: NodeKind; readonly cost?: number }): number {
  return node.cost ?? DEFAULT_COST_PER_HOUR[node.kind];
}

export const DEFAULT_SIM = { seed: 42, durationSec: 300, warmupSec: 0 } as const;
