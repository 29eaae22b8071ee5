import type { WORKER_PARAMS } from './params';
import {
  CACHE_PARAMS,
  CLIENT_PARAMS,
  LIMITER_PARAMS,
  DATABASE_PARAMS,
  DNS_PARAMS,
  LB_PARAMS,
  QUEUE_PARAMS,
  RETIRED_DNS_PARAMS,
  SERVICE_PARAMS,
  type ParamTable,
  type ParamsOf,
} from './params';
import type { NodeShape } from './types';

/**
 * The kind registry: everything archplay knows about a node kind, in one entry (docs/REGISTRY.md says
 * how to add one). The kind union, the parameter types, defaults, costs, icons, the Inspector's groups,
 * kind inference from Mermaid and what the engine compiles a node to are all read from here; `KINDS` is a
 * mapped type over the kinds, so a kind missing a fact does not compile.
 */
export interface KindSpec<T extends ParamTable> {
  /** The kind in words, as the interface writes it ("load balancer"). */
  readonly name: string;
  /** Id and label of a node added from the palette: `LB1`, "Load Balancer 1". */
  readonly idBase: string;
  readonly labelBase: string;
  /** A line drawing on a 24×24 grid (an SVG path), drawn by src/ui/KindIcon.tsx. */
  readonly icon: string;
  /** The kind's parameters (src/model/params.ts), in the order the Inspector and Mermaid export use. */
  readonly params: T;
  /** A new node's parameters: every required one (optional ones are left out, meaning their default). */
  readonly defaults: ParamsOf<T>;
  /** Running cost per hour when a node does not say (orders of magnitude of a small cloud deployment, $). */
  readonly costPerHour: number;
  /** How the Inspector groups the parameters (by annotation key); advanced groups start collapsed. */
  readonly groups: readonly ParamGroup[];
  /** How the kind is recognised in a Mermaid diagram without `kind=` (see {@link InferenceRule}). */
  readonly inference: readonly InferenceRule[];
  /** What the engine compiles the node to (src/sim/topology.ts); `worker` only for a worker pool's params. */
  readonly engine: ParamsOf<T> extends ParamsOf<typeof WORKER_PARAMS>
    ? EngineBehaviour
    : Exclude<EngineBehaviour, 'worker'>;
  /** How the N+1 capacity check treats the node (src/analysis/capacity.ts). */
  readonly capacity: CapacityRoleFor<ParamsOf<T>>;
  /**
   * Parameters that earlier versions wrote into every JSON document and link for this kind, although the
   * engine never read them: a file or link holding them still opens (README "Share links": every version
   * keeps decoding) and they are dropped. Mermaid and the Inspector do not know them.
   */
  readonly retiredParams?: ParamTable;
}

/** A titled group of parameters in the Inspector; advanced groups start collapsed. */
export interface ParamGroup {
  readonly title: string;
  /** Annotation keys (DESIGN.md §5) of the group's fields, in order. */
  readonly keys: readonly string[];
  readonly advanced?: boolean;
}

/**
 * One way of recognising a kind from a node's shape, id and label (src/mermaid/kind-inference.ts). Rules
 * of all kinds are tried by increasing `rank`; the first that matches wins; no match is a service.
 */
export interface InferenceRule {
  readonly rank: number;
  /** Whole words (a plural matches too: "queues"). */
  readonly words?: readonly string[];
  /** Phrases of whole words, e.g. "load balancer". */
  readonly phrases?: readonly string[];
  /** A pattern a single word may match instead, e.g. `ordersdb`. */
  readonly wordPattern?: RegExp;
  /** Shapes that mean the kind whatever the words. */
  readonly shapes?: readonly NodeShape[];
  /** Words that veto the rule ("User Service" is no client). */
  readonly unless?: readonly string[];
}

/**
 * The engine's treatment of a node: a traffic source, a router without workers (load balancer, DNS), or
 * a pool of workers (services, databases, caches, a queue's broker; each kind's own model on top), or a
 * limiter admitting what its limit allows to its downstream nodes in turn.
 */
export type EngineBehaviour = 'client' | 'lb' | 'worker' | 'dns' | 'limiter';

/**
 * The capacity check's view of a node: a `source` of traffic; a `balancer` splitting over its targets; a
 * `resolver` sending to its first target; a `forwarder` taking its targets in turn; a `broker` whose consumers share its messages; a `server`
 * whose workers call each downstream node once per request.
 */
export type CapacityRole = 'source' | 'balancer' | 'resolver' | 'forwarder' | 'broker' | 'server';

/** The roles a kind's params allow: a balancer has a load balancer's, a server or broker a worker pool's. */
type CapacityRoleFor<P> =
  | 'source'
  | 'resolver'
  | 'forwarder'
  | (P extends ParamsOf<typeof LB_PARAMS> ? 'balancer' : never)
  | (P extends ParamsOf<typeof WORKER_PARAMS> ? 'server' | 'broker' : never);

/** Checks an entry against its own parameter table (the defaults must be that table's params). */
const kind = <T extends ParamTable>(spec: KindSpec<T>): KindSpec<T> => spec;

const CAPACITY: ParamGroup = { title: 'Capacity', keys: ['workers', 'service', 'queue'] };
const CALLS: ParamGroup = { title: 'Downstream calls', keys: ['timeout'], advanced: true };
const OVERLOAD: ParamGroup = { title: 'Overload', keys: ['shed', 'max_wait', 'queue_order'], advanced: true };
/** Services and databases also slow down under load (`load_latency`). */
const LOADED: ParamGroup = { ...OVERLOAD, keys: ['load_latency', ...OVERLOAD.keys] };

export const KINDS = {
  client: kind({
    name: 'client',
    idBase: 'Client',
    labelBase: 'Client',
    icon: 'M3 4h18v12H3z M8 20h8 M12 16v4',
    params: CLIENT_PARAMS,
    defaults: { ratePerSec: 400, arrival: 'poisson', timeoutMs: 2000, retries: 0 },
    costPerHour: 0,
    groups: [
      { title: 'Traffic', keys: ['rate', 'arrival', 'users', 'writes'] },
      { title: 'Retries & timeouts', keys: ['timeout', 'retries', 'backoff', 'retry_budget'] },
      { title: 'Circuit breaker', keys: ['breaker_errors', 'breaker_open'], advanced: true },
      { title: 'Arrival shape', keys: ['burst_on', 'burst_off', 'ramp'], advanced: true },
      { title: 'Closed loop', keys: ['think'], advanced: true },
      { title: 'Data', keys: ['keys', 'read_your_writes'], advanced: true },
    ],
    inference: [
      {
        rank: 60,
        words: ['client', 'user', 'browser', 'mobile', 'customer'],
        unless: ['service', 'server', 'api', 'backend', 'worker', 'svc', 'microservice'],
      },
    ],
    engine: 'client',
    capacity: 'source',
  }),
  lb: kind({
    name: 'load balancer',
    idBase: 'LB',
    labelBase: 'Load Balancer',
    icon: 'M3 12h6 M9 12l6-6h6 M9 12l6 6h6 M18 3l3 3-3 3 M18 15l3 3-3 3',
    params: LB_PARAMS,
    defaults: {
      policy: 'round-robin',
      mode: 'active-active',
      hcIntervalMs: 2000,
      hcTimeoutMs: 500,
      hcUnhealthy: 3,
      hcHealthy: 2,
    },
    costPerHour: 0.03,
    groups: [
      { title: 'Routing', keys: ['policy'] },
      { title: 'Failover', keys: ['mode', 'promote'] },
      { title: 'Health checks', keys: ['hc_interval', 'hc_timeout', 'hc_unhealthy', 'hc_healthy'] },
      { title: 'Outlier ejection', keys: ['eject_errors', 'eject_time'], advanced: true },
    ],
    inference: [
      {
        rank: 40,
        words: [
          'lb',
          'alb',
          'elb',
          'nlb',
          'glb',
          'nginx',
          'haproxy',
          'envoy',
          'ingress',
          'gateway',
          'proxy',
          'balancer',
          'traefik',
        ],
        phrases: ['load balancer', 'api gateway', 'reverse proxy', 'ha proxy'],
      },
    ],
    engine: 'lb',
    capacity: 'balancer',
  }),
  service: kind({
    name: 'service',
    idBase: 'Service',
    labelBase: 'Service',
    icon: 'M4 4h16v6H4z M4 14h16v6H4z M7 7h.01 M7 17h.01 M11 7h6 M11 17h6',
    params: SERVICE_PARAMS,
    defaults: { workers: 8, service: { type: 'exp', meanMs: 10 }, queueCapacity: 200 },
    costPerHour: 0.2,
    groups: [
      CAPACITY,
      CALLS,
      LOADED,
      { title: 'Sessions', keys: ['sessions', 'session_sync'], advanced: true },
    ],
    // A service is also what a node is when no rule matches.
    inference: [],
    engine: 'worker',
    capacity: 'server',
  }),
  database: kind({
    name: 'database',
    idBase: 'DB',
    labelBase: 'Database',
    icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
    params: DATABASE_PARAMS,
    defaults: { workers: 16, service: { type: 'exp', meanMs: 2 }, queueCapacity: 1000 },
    costPerHour: 0.5,
    groups: [
      CAPACITY,
      { title: 'Replication', keys: ['replicas', 'replication', 'lag'] },
      { title: 'Failover', keys: ['detect', 'promote'], advanced: true },
      CALLS,
      LOADED,
    ],
    inference: [
      // A cylinder is a database unless its words name a queue or a cache (Kafka and Redis are often
      // drawn as cylinders), but it wins over load-balancer words.
      { rank: 30, shapes: ['cylinder'] },
      {
        rank: 50,
        words: [
          'database',
          'db',
          'sql',
          'postgres',
          'postgresql',
          'mysql',
          'mariadb',
          'mongo',
          'mongodb',
          'aurora',
          'rds',
          'dynamodb',
          'cassandra',
          'mssql',
          'nosql',
          'sqlite',
        ],
        phrases: ['data base'],
        wordPattern: /^[a-z]{2,}db$/,
      },
    ],
    engine: 'worker',
    capacity: 'server',
  }),
  queue: kind({
    name: 'queue',
    idBase: 'Queue',
    labelBase: 'Queue',
    icon: 'M3 7h18 M3 12h18 M3 17h18 M7 4v16',
    params: QUEUE_PARAMS,
    // A message broker accepts and stores messages quickly; its consumers do the work.
    defaults: { workers: 64, service: { type: 'exp', meanMs: 1 }, queueCapacity: 1000 },
    costPerHour: 0.05,
    groups: [CAPACITY, { title: 'Delivery', keys: ['visibility', 'max_attempts', 'bound'] }, OVERLOAD],
    inference: [
      {
        rank: 10,
        words: [
          'queue',
          'broker',
          'kafka',
          'rabbitmq',
          'rabbit',
          'sqs',
          'bus',
          'topic',
          'mq',
          'kinesis',
          'pubsub',
          'nats',
          'activemq',
        ],
        phrases: ['message queue', 'pub sub', 'event hub'],
      },
    ],
    engine: 'worker',
    capacity: 'broker',
  }),
  cache: kind({
    name: 'cache',
    idBase: 'Cache',
    labelBase: 'Cache',
    icon: 'M13 2L4 14h7l-1 8 9-12h-7z',
    params: CACHE_PARAMS,
    defaults: { workers: 16, service: { type: 'exp', meanMs: 0.5 }, queueCapacity: 1000 },
    costPerHour: 0.15,
    groups: [CAPACITY, { title: 'Cache', keys: ['ttl', 'size', 'evict', 'hit'] }, CALLS, OVERLOAD],
    inference: [{ rank: 20, words: ['cache', 'redis', 'memcached', 'memcache', 'valkey', 'elasticache'] }],
    engine: 'worker',
    capacity: 'server',
  }),
  dns: kind({
    name: 'DNS',
    idBase: 'DNS',
    labelBase: 'DNS',
    icon: 'M12 3a9 9 0 100 18 9 9 0 000-18z M3 12h18 M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9 M12 3c-2.5 2.5-3.5 5.5-3.5 9s1 6.5 3.5 9',
    params: DNS_PARAMS,
    defaults: {},
    costPerHour: 0.01,
    groups: [{ title: 'Routing', keys: ['ttl', 'policy'] }],
    inference: [{ rank: 70, words: ['dns', 'route53', 'gslb'], phrases: ['route 53', 'traffic manager'] }],
    engine: 'dns',
    capacity: 'resolver',
    // Until 3 Dec 2026 a DNS node held a worker pool's required keys, never read (src/sim/dns.ts).
    retiredParams: RETIRED_DNS_PARAMS,
  }),
  limiter: kind({
    name: 'limiter',
    idBase: 'Limiter',
    labelBase: 'Rate Limiter',
    icon: 'M5 20a9 9 0 1114 0 M12 13l4-5 M12 13h.01 M8 20h8',
    params: LIMITER_PARAMS,
    // A rate limiter passing 100 requests/s (README "Limiter").
    defaults: { limit: { type: 'rate', perSec: 100 } },
    costPerHour: 0.01,
    groups: [{ title: 'Limit', keys: ['limit', 'burst'] }],
    // "Rate limiter", "Throttle", "Limiter": after queue and cache words, before a cylinder's shape.
    inference: [{ rank: 25, words: ['limiter', 'ratelimiter', 'throttle', 'throttler', 'throttling'] }],
    engine: 'limiter',
    capacity: 'forwarder',
  }),
} as const;

/** Kinds of node, each with its own parameters and behaviour in the engine. */
export type NodeKind = keyof typeof KINDS;

/** Every kind, in the registry's order (the palette's). */
export const NODE_KINDS = Object.keys(KINDS) as readonly NodeKind[];

/** The parameters of each kind, as the document holds them. */
export type NodeParamsByKind = { readonly [K in NodeKind]: ParamsOf<(typeof KINDS)[K]['params']> };

/** The registry entry of a kind, typed for that kind. */
export function kindOf<K extends NodeKind>(kind: K): KindSpec<(typeof KINDS)[K]['params']> {
  // Indexing with a generic key gives the union of entries; each entry is its own kind's spec.
  return KINDS[kind] as unknown as KindSpec<(typeof KINDS)[K]['params']>;
}

/** Whether a kind's nodes hold a pool of workers (the engine's `worker` behaviour): a queue, wasted work. */
export function hasWorkerPool(kind: NodeKind): boolean {
  return KINDS[kind].engine === 'worker';
}

/**
 * Whether a kind's nodes have a utilization: a worker pool's busy share, or a limiter's share of its
 * limit (src/sim/metrics.ts). Clients, load balancers and DNS nodes have none to show.
 */
export function hasUtilization(kind: NodeKind): boolean {
  return hasWorkerPool(kind) || KINDS[kind].engine === 'limiter';
}

/** Whether a string names a kind (for text read from files, links or drag-and-drop). */
export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}
