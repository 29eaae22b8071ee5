import {
  choice,
  count,
  distribution,
  duration,
  factor,
  flag,
  probability,
  rate,
  share,
  weight,
  type ValueType,
} from './param-values';
import {
  boundedCountValue,
  burstValue,
  keySpaceValue,
  limitValue,
  loadLatencyValue,
  workersShareValue,
} from './overload-params';

/**
 * The parameter table: every parameter of every node kind and of edges, declared once (docs/REGISTRY.md
 * says how to add one). Each entry names its annotation key (DESIGN.md §5), label, value type (unit,
 * parser, range, JSON shape), help text and, when optional, what its absence means. The parameter types
 * of the document (`ClientParams`, …) are inferred from these tables; the Inspector, the Mermaid
 * annotations, the document check, the JSON schema, README's parameter table and the engine's defaults
 * all read them.
 */
export interface Param<V, Optional extends boolean = boolean> {
  /** Annotation key (DESIGN.md §5), e.g. `hc_interval`; also the last part of a validation path. */
  readonly key: string;
  /** Label in the Inspector. */
  readonly label: string;
  /** What the user may type, shown as a hint (absent: the value type's). */
  readonly unit: string;
  /** One sentence for README's parameter table. */
  readonly help: string;
  readonly type: ValueType<V>;
  /** Whether a document may leave the parameter out (then it means {@link absent}). */
  readonly optional: Optional;
  /** Optional parameters: the value an absent key means, shown as the Inspector's placeholder. */
  readonly absent?: V;
  /**
   * Optional parameters whose absence is not a value of their type (a service without sessions): the
   * word that stands for it, shown as the default and accepted as input to remove the key.
   */
  readonly absentText?: string;
}

interface ParamOptions<V> {
  readonly key: string;
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  readonly type: ValueType<V>;
}

/** A parameter every document holds; its default is each kind's (src/model/kinds.ts). */
export function required<V>(options: ParamOptions<V>): Param<V, false> {
  return { ...options, unit: options.unit ?? options.type.hint, optional: false };
}

/** A parameter a document may leave out: absent means `absent` (or, for a feature that is off, `absentText`). */
export function optional<V>(
  options: ParamOptions<V> & ({ readonly absent: NoInfer<V> } | { readonly absentText: string }),
): Param<V, true> {
  return { ...options, unit: options.unit ?? options.type.hint, optional: true };
}

/** A table of parameters by property name of the params object. */
export type ParamTable = Readonly<Record<string, Param<unknown>>>;

type ValueOf<P> = P extends Param<infer V, boolean> ? V : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The params object a table describes: required entries as required properties, optional ones optional. */
export type ParamsOf<T extends ParamTable> = Simplify<
  { readonly [K in keyof T as T[K] extends Param<unknown, false> ? K : never]: ValueOf<T[K]> } & {
    readonly [K in keyof T as T[K] extends Param<unknown, true> ? K : never]?: ValueOf<T[K]>;
  }
>;

/** Limits beyond which a browser run could not keep up: refused, with the limit in the message. */
export const LIMITS = {
  ratePerSec: 1_000_000,
  workers: 100_000,
  retries: 100,
  users: 1_000_000,
  replicas: 100,
  retryBudget: 10,
  durationSec: 86_400,
} as const;

export const ARRIVALS = ['poisson', 'constant', 'bursty', 'ramp', 'closed'] as const;
export const QUEUE_ORDERS = ['fifo', 'lifo'] as const;
export const EVICTIONS = ['lru', 'fifo'] as const;
export const LB_POLICIES = ['round-robin', 'weighted', 'least-conn', 'random', 'p2c', 'hash'] as const;
export const LB_MODES = ['active-active', 'active-passive'] as const;
export const SESSION_STRATEGIES = ['sticky', 'replicated', 'store'] as const;
export const REPLICATION_MODES = ['async', 'sync'] as const;
export const DNS_POLICIES = ['failover', 'latency'] as const;
export const CONFLICT_POLICIES = ['lww', 'first-wins'] as const;
export const FAILURE_MODES = ['crash', 'hang'] as const;

export const CLIENT_PARAMS = {
  ratePerSec: required({
    key: 'rate',
    label: 'Rate',
    help: 'Requests per second the client sends (the mean rate for Poisson arrivals).',
    type: rate({ max: LIMITS.ratePerSec }),
  }),
  arrival: required({
    key: 'arrival',
    label: 'Arrivals',
    help: 'How requests arrive: Poisson, evenly spaced, in on/off bursts, ramping up to the rate, or from a closed population of `users` who wait for each answer and `think`.',
    type: choice(ARRIVALS),
  }),
  timeoutMs: required({
    key: 'timeout',
    label: 'Timeout',
    help: 'How long the client waits for an answer before giving up on an attempt (inf: never).',
    type: duration({ min: 'above0', infinite: true }),
  }),
  retries: required({
    key: 'retries',
    label: 'Retries',
    unit: 'extra attempts',
    help: 'Extra attempts after a failed or timed-out one.',
    type: count({ min: 0, max: LIMITS.retries }),
  }),
  backoffMs: optional({
    key: 'backoff',
    label: 'Retry backoff',
    help: 'Base of the exponential backoff between attempts, with full jitter (0: retry at once).',
    type: duration({ min: 'zero' }),
    absent: 0,
  }),
  retryBudget: optional({
    key: 'retry_budget',
    label: 'Retry budget',
    unit: 'share of requests, or none',
    help: 'Retries allowed per request sent, as a share (20% = one retry per five requests).',
    type: share({ max: LIMITS.retryBudget }),
    absent: Infinity,
  }),
  users: optional({
    key: 'users',
    label: 'Users',
    unit: 'sessions',
    help: 'Distinct users (sessions) the requests come from; hash routing, sessions and DNS use them.',
    type: count({ min: 1, max: LIMITS.users }),
    absent: 1000,
  }),
  writes: optional({
    key: 'writes',
    label: 'Writes',
    unit: 'share of requests, e.g. 20%',
    help: 'Share of requests that write (replication and sessions treat writes differently).',
    type: probability(),
    absent: 0.2,
  }),
  breakerErrors: optional({
    key: 'breaker_errors',
    label: 'Breaker opens after',
    unit: 'consecutive failures, 0 = off',
    help: "Consecutive failures that open the client's circuit breaker (0: no breaker).",
    type: count({ min: 0 }),
    absent: 0,
  }),
  breakerOpenMs: optional({
    key: 'breaker_open',
    label: 'Breaker open for',
    help: 'How long an open breaker fails requests at once before letting a trial through.',
    type: duration({ min: 'above0' }),
    absent: 5000,
  }),
  burstOnMs: optional({
    key: 'burst_on',
    label: 'Burst length',
    help: '`bursty` arrivals: length of an on period at the rate.',
    type: duration({ min: 'above0' }),
    absent: 5000,
  }),
  burstOffMs: optional({
    key: 'burst_off',
    label: 'Pause between bursts',
    help: '`bursty` arrivals: length of a silent off period.',
    type: duration({ min: 'above0' }),
    absent: 5000,
  }),
  rampMs: optional({
    key: 'ramp',
    label: 'Ramp-up time',
    help: '`ramp` arrivals: time to climb linearly from 0 to the rate.',
    type: duration({ min: 'above0' }),
    absent: 60_000,
  }),
  readYourWrites: optional({
    key: 'read_your_writes',
    label: 'Read your writes',
    unit: 'count stale reads at peers',
    help: "Count a read served by a multi-primary peer that has not yet received this user's last write as a stale read.",
    type: flag(),
    absent: false,
  }),
  keys: optional({
    key: 'keys',
    label: 'Keys',
    help: 'The data keys requests name, uniform over N or zipf(N,s)-skewed, for keyed caches (none: no key).',
    type: keySpaceValue,
    absentText: 'none',
  }),
  think: optional({
    key: 'think',
    label: 'Think time',
    help: "`closed` arrivals: each user's think time between an answer and its next request.",
    type: distribution(),
    absent: { type: 'exp', meanMs: 1000 },
  }),
} as const;

export const LB_PARAMS = {
  policy: required({
    key: 'policy',
    label: 'Policy',
    help: 'How a target is chosen for each request.',
    type: choice(LB_POLICIES),
  }),
  mode: required({
    key: 'mode',
    label: 'Mode',
    help: 'active-passive sends to backups (edges with backup=true) only while every primary is down.',
    type: choice(LB_MODES),
  }),
  hcIntervalMs: required({
    key: 'hc_interval',
    label: 'Health-check interval',
    help: 'Time between active health checks of each target.',
    type: duration({ min: 'above0' }),
  }),
  hcTimeoutMs: required({
    key: 'hc_timeout',
    label: 'Health-check timeout',
    help: 'A check not answered within this time fails.',
    type: duration({ min: 'above0' }),
  }),
  hcUnhealthy: required({
    key: 'hc_unhealthy',
    label: 'Unhealthy after',
    unit: 'failed checks',
    help: 'Consecutive failed checks that take a target out of rotation.',
    type: count({ min: 1 }),
  }),
  hcHealthy: required({
    key: 'hc_healthy',
    label: 'Healthy after',
    unit: 'passed checks',
    help: 'Consecutive passed checks that bring a target back.',
    type: count({ min: 1 }),
  }),
  ejectErrors: optional({
    key: 'eject_errors',
    label: 'Eject after',
    unit: 'consecutive errors, 0 = off',
    help: 'Passive outlier ejection: consecutive errors from a target that eject it (0: off).',
    type: count({ min: 0 }),
    absent: 0,
  }),
  ejectTimeMs: optional({
    key: 'eject_time',
    label: 'Ejected for',
    help: 'How long an ejected target gets no traffic.',
    type: duration({ min: 'above0' }),
    absent: 30_000,
  }),
  promoteMs: optional({
    key: 'promote',
    label: 'Promotion delay',
    help: 'Active-passive: delay before backups take traffic once every primary is down.',
    type: duration({ min: 'zero' }),
    absent: 0,
  }),
} as const;

/**
 * A pool of workers and the queue in front of it: services, databases, caches and a message queue's
 * broker (the engine's `worker` behaviour, src/sim/topology.ts).
 */
const POOL_PARAMS = {
  workers: required({
    key: 'workers',
    label: 'Workers',
    unit: 'concurrent requests',
    help: 'Requests served at once; the others wait in the queue.',
    type: count({ min: 1, max: LIMITS.workers, tooFew: 'needs at least 1 worker' }),
  }),
  service: required({
    key: 'service',
    label: 'Service time',
    help: "Time a worker spends on a request, besides waiting for the node's own downstream calls.",
    type: distribution(),
  }),
  queueCapacity: required({
    key: 'queue',
    label: 'Queue capacity',
    unit: 'requests or inf',
    help: 'Requests that may wait for a worker; beyond it they are rejected (inf: unbounded).',
    type: count({ min: 0, infinite: true }),
  }),
} as const;

/**
 * What a node that calls downstream nodes while it holds its worker may set about those calls: not a
 * message queue, whose consumers take its messages instead of being called (src/sim/queue-delivery.ts).
 */
const DOWNSTREAM_CALL_PARAMS = {
  timeoutMs: optional({
    key: 'timeout',
    label: 'Downstream timeout',
    help: 'How long the node waits for each downstream call before failing it (inf: no timeout).',
    type: duration({ min: 'above0', infinite: true }),
    absent: Infinity,
  }),
} as const;

/** Load shedding (README "Load shedding"): a worker pool's queue, or a message queue's stored messages. */
const SHEDDING_PARAMS = {
  shed: optional({
    key: 'shed',
    label: 'Shed at',
    unit: 'waiting requests, or inf',
    help: 'New work is rejected (cause `shed`) while this many requests wait (a message queue: while it holds this many messages).',
    type: boundedCountValue('shed', 0, true),
    absent: Infinity,
  }),
  maxWaitMs: optional({
    key: 'max_wait',
    label: 'Max wait',
    help: 'Work that waited longer than this when it reaches a worker is discarded (cause `shed`; a message queue: a message this old when a consumer would take it).',
    type: duration({ min: 'above0', infinite: true }),
    absent: Infinity,
  }),
  queueOrder: optional({
    key: 'queue_order',
    label: 'Queue order',
    help: 'Which waiting request a free worker takes: the oldest (fifo) or the newest (lifo); a message queue: which message a consumer gets.',
    type: choice(QUEUE_ORDERS),
    absent: 'fifo',
  }),
} as const;

/**
 * Parameters of anything that does work with a pool of workers and calls downstream: services,
 * databases and caches; a message queue takes all but `timeout`. Every key of a kind's table is one the
 * engine reads for that kind (`test/kind-params-read.test.ts`): a key it would ignore is refused.
 */
export const WORKER_PARAMS = {
  ...POOL_PARAMS,
  ...DOWNSTREAM_CALL_PARAMS,
  ...SHEDDING_PARAMS,
} as const;

/** `load_latency` (README "Load-dependent latency"): on services and databases. */
const LOAD_LATENCY_PARAMS = {
  loadLatency: optional({
    key: 'load_latency',
    label: 'Load latency',
    help: 'Service time multiplied by 1 + k·u, 1 + k·uⁿ or e^(k·u), u = busy workers / workers when the work starts.',
    type: loadLatencyValue,
    absentText: 'none',
  }),
} as const;

export const SERVICE_PARAMS = {
  ...WORKER_PARAMS,
  ...LOAD_LATENCY_PARAMS,
  sessions: optional({
    key: 'sessions',
    label: 'Sessions',
    help: "Where the service keeps its users' session state: sticky, replicated to peers, or in a store.",
    type: choice(SESSION_STRATEGIES),
    absentText: 'none',
  }),
  sessionSync: optional({
    key: 'session_sync',
    label: 'Session copy time',
    help: '`replicated` sessions: time to copy a session write to the peers, added to each write.',
    type: distribution(),
    absent: { type: 'exp', meanMs: 1 },
  }),
} as const;

export const DATABASE_PARAMS = {
  ...WORKER_PARAMS,
  ...LOAD_LATENCY_PARAMS,
  replicas: optional({
    key: 'replicas',
    label: 'Replicas',
    unit: 'count',
    help: 'Read replicas that take over when the primary fails.',
    type: count({ min: 0, max: LIMITS.replicas }),
    absent: 0,
  }),
  replication: optional({
    key: 'replication',
    label: 'Replication',
    help: 'sync writes wait for the replicas; async writes not yet copied are lost on failover.',
    type: choice(REPLICATION_MODES),
    absent: 'async',
  }),
  lag: optional({
    key: 'lag',
    label: 'Replication lag',
    help: 'Time for a write to reach a replica.',
    type: distribution(),
    absent: { type: 'exp', meanMs: 50 },
  }),
  detectMs: optional({
    key: 'detect',
    label: 'Failure detection',
    help: 'Time to notice a failed primary.',
    type: duration({ min: 'zero' }),
    absent: 3000,
  }),
  promoteMs: optional({
    key: 'promote',
    label: 'Promotion delay',
    help: 'Time to promote a replica once the failure is noticed.',
    type: duration({ min: 'zero' }),
    absent: 5000,
  }),
} as const;

export const QUEUE_PARAMS = {
  ...POOL_PARAMS,
  ...SHEDDING_PARAMS,
  visibilityMs: optional({
    key: 'visibility',
    label: 'Visibility timeout',
    help: 'How long a delivered message stays invisible before it is delivered again.',
    type: duration({ min: 'above0' }),
    absent: 30_000,
  }),
  maxAttempts: optional({
    key: 'max_attempts',
    label: 'Max deliveries',
    unit: 'before dead-letter',
    help: 'Deliveries before a message goes to the dead-letter queue.',
    type: count({ min: 1 }),
    absent: 5,
  }),
  bound: optional({
    key: 'bound',
    label: 'Bound',
    unit: 'messages or inf',
    help: 'Most messages the queue holds; producers are rejected beyond it.',
    type: count({ min: 1, infinite: true }),
    absent: Infinity,
  }),
} as const;

export const CACHE_PARAMS = {
  ...WORKER_PARAMS,
  ttlMs: optional({
    key: 'ttl',
    label: 'TTL',
    help: 'How long an entry stays valid after it is filled (inf: forever).',
    type: duration({ min: 'above0', infinite: true }),
    absent: Infinity,
  }),
  size: optional({
    key: 'size',
    label: 'Size',
    unit: 'entries, or inf',
    help: 'Most entries held; a full cache evicts one for each new entry.',
    type: boundedCountValue('size', 1, true),
    absent: Infinity,
  }),
  evict: optional({
    key: 'evict',
    label: 'Eviction',
    help: 'Which entry a full cache drops: the least recently used, or the oldest.',
    type: choice(EVICTIONS),
    absent: 'lru',
  }),
  hitRatio: optional({
    key: 'hit',
    label: 'Hit ratio',
    unit: 'share, e.g. 90% (without keys)',
    help: 'A probabilistic hit ratio for requests without keys (none: keyed, or pass-through).',
    type: probability(),
    absentText: 'none',
  }),
} as const;

export const LIMITER_PARAMS = {
  limit: required({
    key: 'limit',
    label: 'Limit',
    help: 'A token-bucket rate (100/s) or a number of requests in flight (50); excess is rejected at once.',
    type: limitValue,
  }),
  burst: optional({
    key: 'burst',
    label: 'Burst',
    help: "A rate limit's bucket size (auto: a tenth of a second's worth, at least 1).",
    type: burstValue,
    absentText: 'auto',
  }),
} as const;

/** What JSON documents of earlier versions held for every DNS node (`retiredParams` in src/model/kinds.ts). */
export const RETIRED_DNS_PARAMS = POOL_PARAMS;

/** A DNS node answers names (src/sim/dns.ts): it has no workers, queue or downstream calls of its own. */
export const DNS_PARAMS = {
  ttlMs: optional({
    key: 'ttl',
    label: 'TTL',
    help: "How long a client's resolver keeps an answer.",
    type: duration({ min: 'zero' }),
    absent: 60_000,
  }),
  dnsPolicy: optional({
    key: 'policy',
    label: 'Routing',
    help: "failover: the first healthy target; latency: the healthy target in the client's region.",
    type: choice(DNS_POLICIES),
    absent: 'failover',
  }),
} as const;

export const EDGE_PARAMS = {
  latency: required({
    key: 'latency',
    label: 'Latency (one way)',
    unit: 'e.g. const(1ms)',
    help: 'One-way network latency of each trip over the edge.',
    type: distribution(),
  }),
  weight: required({
    key: 'weight',
    label: 'Weight',
    help: "Relative share of a weighted load balancer's traffic.",
    type: weight(),
  }),
  backup: required({
    key: 'backup',
    label: 'Backup',
    help: 'Standby target of an active-passive load balancer.',
    type: flag(),
  }),
  loss: optional({
    key: 'loss',
    label: 'Loss',
    help: 'Probability that a request sent over the edge is lost.',
    type: probability(),
    absent: 0,
  }),
} as const;

/**
 * What an edge holds when nothing is said (drawn on the canvas, or written in Mermaid without
 * annotations): the values of the edge table's required entries, as a kind's `defaults` are for its
 * table (src/model/kinds.ts). The optional ones mean their `absent`.
 */
export const EDGE_DEFAULTS = {
  latency: { type: 'const', valueMs: 0 },
  weight: 1,
  backup: false,
} as const satisfies ParamsOf<typeof EDGE_PARAMS>;

/**
 * Keys only a replication link between multi-primary peers takes (`DBE <--> DBW`, README "Active-active
 * data"); the JSON form and the document check know them as edge parameters.
 */
export const PEER_LINK_PARAMS = {
  replication: optional({
    key: 'replication',
    label: 'Replication',
    help: "Replication link: sync makes a write wait for the peer's acknowledgement.",
    type: choice(REPLICATION_MODES),
    absent: 'async',
  }),
  lag: optional({
    key: 'lag',
    label: 'Replication lag (one way)',
    help: 'Replication link: one-way time for a write to reach the peer.',
    type: distribution(),
    absent: { type: 'exp', meanMs: 80 },
  }),
  conflict: optional({
    key: 'conflict',
    label: 'Conflicts',
    unit: 'which concurrent write survives',
    help: 'Replication link: which of two concurrent writes to a key survives.',
    type: choice(CONFLICT_POLICIES),
    absent: 'lww',
  }),
} as const;

/**
 * Parameters of scenario steps (`%% @at 60s degrade S1 factor=3`, README "Scenario"): which action takes
 * which, and the targets each applies to, are in the fault catalogue (src/model/faults.ts). An absent
 * strength leaves that side of the target as it is.
 */
export const STEP_PARAMS = {
  mode: optional({
    key: 'mode',
    label: 'Failure mode',
    help: '`fail`: crash (refuse connections at once) or hang (accept requests and never answer).',
    type: choice(FAILURE_MODES),
    absent: 'crash',
  }),
  factor: optional({
    key: 'factor',
    label: 'Slow factor',
    help: '`degrade` of a node: its service time is multiplied by this factor.',
    type: factor(),
    absentText: 'none',
  }),
  errorRate: optional({
    key: 'errors',
    label: 'Error rate',
    help: '`degrade` of a node: share of requests it answers with a server error.',
    type: probability(),
    absentText: 'none',
  }),
  addedLatencyMs: optional({
    key: 'latency',
    label: 'Added latency',
    help: '`degrade` of an edge: latency added to each one-way trip over it.',
    type: duration({ min: 'zero' }),
    absentText: 'none',
  }),
  loss: optional({
    key: 'loss',
    label: 'Loss rate',
    help: '`degrade` of an edge: probability that a request sent over it is lost.',
    type: probability(),
    absentText: 'none',
  }),
  workersShare: optional({
    key: 'workers',
    label: 'Capacity left',
    help: '`degrade` of a node: share of its workers left (a CPU or pool reduction).',
    type: workersShareValue,
    absentText: 'none',
  }),
  ratePerSec: optional({
    key: 'rate',
    label: 'New rate',
    help: "`load`: the client's request rate from the step on.",
    type: rate({ max: LIMITS.ratePerSec }),
    absentText: 'none',
  }),
} as const;

/** Every parameter an edge may hold in a document: an ordinary edge's and a replication link's. */
export const ALL_EDGE_PARAMS = { ...EDGE_PARAMS, ...PEER_LINK_PARAMS } as const;

/** Calls `report(key, problem)` for each value of `params` outside its parameter's range. */
export function checkParams(
  table: ParamTable,
  params: object,
  report: (key: string, problem: string) => void,
): void {
  for (const [prop, param] of Object.entries(table)) {
    const value: unknown = (params as Record<string, unknown>)[prop];
    if (value === undefined) continue;
    const problem = param.type.check(value);
    if (problem !== null) report(param.key, problem);
  }
}

/** The value an optional parameter means when absent (its table entry's `absent`). */
export function absentOf<T extends ParamTable, K extends keyof T & string>(table: T, prop: K): ValueOf<T[K]> {
  return table[prop]?.absent as ValueOf<T[K]>;
}
