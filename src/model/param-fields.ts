import {
  formatKeySpace,
  formatLimit,
  formatLoadLatency,
  parseBoundedCount,
  parseBurst,
  parseKeySpace,
  parseLimit,
  parseLoadLatency,
} from './overload-params';
import type {
  CacheParams,
  ClientParams,
  DatabaseParams,
  DnsParams,
  EdgeParams,
  KeySpace,
  LbParams,
  LimiterParams,
  LoadLatency,
  NodeKind,
  NodeParamsByKind,
  QueueParams,
  ServiceParams,
  WorkerParams,
} from './types';
import {
  formatDistribution,
  formatDistributionExact,
  formatDurationMs,
  formatDurationMsExact,
  parseCount,
  parseDistribution,
  parseDurationMs,
  parseProbability,
  parseRatePerSec,
  type Parsed,
} from './units';
import { DEFAULT_PEER_LAG } from './peers';
import { CONFLICT_POLICIES, type Distribution } from './types';

/**
 * One editable parameter: how it is named in the interface and in `%% @…` annotations, how it is shown
 * as text, and how text becomes a new parameter object (or an error message that names the problem).
 * The Inspector and the Mermaid annotations both use these, so a value means the same in both places.
 */
export interface ParamField<P> {
  /** Annotation key (DESIGN.md §5), e.g. `hc_interval`. */
  readonly key: string;
  /** Label in the Inspector. */
  readonly label: string;
  /** What the user may type, shown as a hint, e.g. `ms or s`. */
  readonly unit: string;
  /** Allowed values, for fields edited with a select. */
  readonly options?: readonly string[];
  format(params: P): string;
  /**
   * Like {@link format}, but exact: `apply` of this text gives back the very same value (no rounding for
   * display). Mermaid export writes this.
   */
  formatExact(params: P): string;
  apply(params: P, text: string): Parsed<P>;
  /**
   * Optional parameters only: the default's text (what an absent key means), and whether the key is
   * set. The Inspector shows the default as a placeholder while the key is absent.
   */
  readonly optional?: { readonly defaultText: string; isSet(params: P): boolean };
}

function field<P, V>(
  key: string,
  label: string,
  unit: string,
  get: (params: P) => V,
  show: (value: V) => string,
  read: (text: string) => Parsed<V>,
  put: (params: P, value: V) => P,
  options?: readonly string[],
  showExact: (value: V) => string = show,
): ParamField<P> {
  return {
    key,
    label,
    unit,
    ...(options ? { options } : {}),
    format: (params) => show(get(params)),
    formatExact: (params) => showExact(get(params)),
    apply: (params, text) => {
      const parsed = read(text);
      return parsed.ok ? { ok: true, value: put(params, parsed.value) } : parsed;
    },
  };
}

/**
 * A field for an optional parameter: absent means `absent`, and setting that value removes the key
 * again, so a document never holds a default explicitly (and reads back the same from Mermaid).
 */
function optionalField<P extends object, V>(
  key: string,
  label: string,
  unit: string,
  prop: keyof P & string,
  absent: V,
  show: (value: V) => string,
  read: (text: string) => Parsed<V>,
  showExact: (value: V) => string = show,
  options?: readonly string[],
): ParamField<P> {
  const base = field<P, V>(
    key,
    label,
    unit,
    (p) => (p[prop] as V | undefined) ?? absent,
    show,
    read,
    (p, v) => {
      const copy = { ...p } as Record<string, unknown>;
      if (showExact(v) === showExact(absent)) delete copy[prop];
      else copy[prop] = v;
      return copy as P;
    },
    options,
    showExact,
  );
  return { ...base, optional: { defaultText: show(absent), isSet: (p) => p[prop] !== undefined } };
}

const choice =
  <T extends string>(allowed: readonly T[]) =>
  (text: string): Parsed<T> => {
    const value = text.trim() as T;
    return allowed.includes(value)
      ? { ok: true, value }
      : { ok: false, error: `choose one of ${allowed.join(', ')}` };
  };

const positiveDuration = (text: string): Parsed<number> => {
  const parsed = parseDurationMs(text);
  if (!parsed.ok) return parsed;
  if (parsed.value <= 0) return { ok: false, error: 'must be above 0' };
  return parsed;
};

const finitePositiveDuration = (text: string): Parsed<number> => {
  const parsed = positiveDuration(text);
  if (parsed.ok && !Number.isFinite(parsed.value)) return { ok: false, error: 'must be finite' };
  return parsed;
};

const finiteDuration = (text: string): Parsed<number> => {
  const parsed = parseDurationMs(text);
  if (parsed.ok && !Number.isFinite(parsed.value)) return { ok: false, error: 'must be finite' };
  return parsed;
};

/** Upper bound on a client's rate: beyond it a browser run could not keep up, so it is refused. */
export const MAX_RATE_PER_SEC = 1_000_000;

const rate = (text: string): Parsed<number> => {
  const parsed = parseRatePerSec(text);
  if (!parsed.ok) return parsed;
  if (parsed.value > MAX_RATE_PER_SEC)
    return { ok: false, error: `at most ${MAX_RATE_PER_SEC.toLocaleString('en-US')}/s` };
  return parsed;
};

const MAX_WORKERS = 100_000;
const workerCount = (text: string): Parsed<number> => {
  const parsed = parseCount(text, 1);
  if (parsed.ok && parsed.value > MAX_WORKERS) return { ok: false, error: `at most ${MAX_WORKERS}` };
  if (!parsed.ok && parsed.error === 'must be at least 1')
    return { ok: false, error: 'needs at least 1 worker' };
  return parsed;
};

const MAX_RETRIES = 100;
const retryCount = (text: string): Parsed<number> => {
  const parsed = parseCount(text, 0);
  if (parsed.ok && parsed.value > MAX_RETRIES) return { ok: false, error: `at most ${MAX_RETRIES}` };
  return parsed;
};

const countFrom =
  (min: number, allowInfinite = false) =>
  (text: string) =>
    parseCount(text, min, allowInfinite);
const showCount = (v: number) => (v === Infinity ? 'inf' : String(v));

const edgeWeight = (text: string): Parsed<number> => {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    return { ok: false, error: 'a weight is a finite number ≥ 0' };
  return { ok: true, value };
};

const flag = (text: string): Parsed<boolean> => {
  const value = text.trim().toLowerCase();
  if (value === 'true' || value === 'yes') return { ok: true, value: true };
  if (value === 'false' || value === 'no') return { ok: true, value: false };
  return { ok: false, error: 'write true or false' };
};

/** A share such as a retry budget: `20%` or `0.2`; `none` for no limit. */
const share = (text: string): Parsed<number> => {
  const trimmed = text.trim();
  if (/^(none|inf|off)$/i.test(trimmed)) return { ok: true, value: Infinity };
  const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(%)?$/i.exec(trimmed);
  const value = Number(match?.[1]) / (match?.[2] ? 100 : 1);
  if (!match || !Number.isFinite(value))
    return { ok: false, error: 'write a share such as 20% or 0.2, or none' };
  return { ok: true, value };
};
const showShare = (v: number) => (v === Infinity ? 'none' : String(v));

const ARRIVALS = ['poisson', 'constant', 'bursty', 'ramp', 'closed'] as const;
const QUEUE_ORDERS = ['fifo', 'lifo'] as const;
const EVICTIONS = ['lru', 'fifo'] as const;
const POLICIES = ['round-robin', 'weighted', 'least-conn', 'random', 'p2c', 'hash'] as const;
const SESSIONS = ['none', 'sticky', 'replicated', 'store'] as const;

/** An optional duration parameter (exact in Mermaid, rounded for display). */
function optionalDuration<P extends object>(
  key: string,
  label: string,
  prop: keyof P & string,
  absentMs: number,
  read = finitePositiveDuration,
) {
  return optionalField<P, number>(
    key,
    label,
    'ms or s',
    prop,
    absentMs,
    formatDurationMs,
    read,
    formatDurationMsExact,
  );
}

/** An optional distribution parameter. */
function optionalDistribution<P extends object>(
  key: string,
  label: string,
  prop: keyof P & string,
  absent: Distribution,
) {
  return optionalField<P, Distribution>(
    key,
    label,
    'e.g. exp(10ms)',
    prop,
    absent,
    formatDistribution,
    parseDistribution,
    formatDistributionExact,
  );
}

export const CLIENT_FIELDS: readonly ParamField<ClientParams>[] = [
  field(
    'rate',
    'Rate',
    'req/s',
    (p) => p.ratePerSec,
    (v) => `${v}/s`,
    rate,
    (p, v) => ({ ...p, ratePerSec: v }),
  ),
  field(
    'arrival',
    'Arrivals',
    '',
    (p) => p.arrival,
    String,
    choice(ARRIVALS),
    (p, v) => ({ ...p, arrival: v }),
    ARRIVALS,
  ),
  field(
    'timeout',
    'Timeout',
    'ms, s or inf',
    (p) => p.timeoutMs,
    formatDurationMs,
    positiveDuration,
    (p, v) => ({ ...p, timeoutMs: v }),
    undefined,
    formatDurationMsExact,
  ),
  field(
    'retries',
    'Retries',
    'extra attempts',
    (p) => p.retries,
    String,
    retryCount,
    (p, v) => ({ ...p, retries: v }),
  ),
  optionalDuration<ClientParams>('backoff', 'Retry backoff', 'backoffMs', 0, finiteDuration),
  optionalField<ClientParams, number>(
    'retry_budget',
    'Retry budget',
    'share of requests, or none',
    'retryBudget',
    Infinity,
    showShare,
    share,
  ),
  optionalField<ClientParams, number>('users', 'Users', 'sessions', 'users', 1000, String, countFrom(1)),
  optionalField<ClientParams, number>(
    'writes',
    'Writes',
    'share of requests, e.g. 20%',
    'writes',
    0.2,
    String,
    parseProbability,
  ),
  optionalField<ClientParams, boolean>(
    'read_your_writes',
    'Read your writes',
    'count stale reads at peers',
    'readYourWrites',
    false,
    String,
    flag,
    String,
    ['false', 'true'],
  ),
  optionalField<ClientParams, number>(
    'breaker_errors',
    'Breaker opens after',
    'consecutive failures, 0 = off',
    'breakerErrors',
    0,
    String,
    countFrom(0),
  ),
  optionalDuration<ClientParams>('breaker_open', 'Breaker open for', 'breakerOpenMs', 5000),
  optionalDuration<ClientParams>('burst_on', 'Burst length', 'burstOnMs', 5000),
  optionalDuration<ClientParams>('burst_off', 'Pause between bursts', 'burstOffMs', 5000),
  optionalDuration<ClientParams>('ramp', 'Ramp-up time', 'rampMs', 60_000),
  optionalField<ClientParams, KeySpace | undefined>(
    'keys',
    'Keys',
    'N or zipf(N,s), none',
    'keys',
    undefined,
    formatKeySpace,
    parseKeySpace,
  ),
  optionalDistribution<ClientParams>('think', 'Think time', 'think', { type: 'exp', meanMs: 1000 }),
];

export const LB_FIELDS: readonly ParamField<LbParams>[] = [
  field(
    'policy',
    'Policy',
    '',
    (p) => p.policy,
    String,
    choice(POLICIES),
    (p, v) => ({ ...p, policy: v }),
    POLICIES,
  ),
  field(
    'mode',
    'Mode',
    '',
    (p) => p.mode,
    String,
    choice(['active-active', 'active-passive'] as const),
    (p, v) => ({ ...p, mode: v }),
    ['active-active', 'active-passive'],
  ),
  field(
    'hc_interval',
    'Health-check interval',
    'ms or s',
    (p) => p.hcIntervalMs,
    formatDurationMs,
    finitePositiveDuration,
    (p, v) => ({ ...p, hcIntervalMs: v }),
    undefined,
    formatDurationMsExact,
  ),
  field(
    'hc_timeout',
    'Health-check timeout',
    'ms or s',
    (p) => p.hcTimeoutMs,
    formatDurationMs,
    finitePositiveDuration,
    (p, v) => ({ ...p, hcTimeoutMs: v }),
    undefined,
    formatDurationMsExact,
  ),
  field(
    'hc_unhealthy',
    'Unhealthy after',
    'failed checks',
    (p) => p.hcUnhealthy,
    String,
    (t) => parseCount(t, 1),
    (p, v) => ({
      ...p,
      hcUnhealthy: v,
    }),
  ),
  field(
    'hc_healthy',
    'Healthy after',
    'passed checks',
    (p) => p.hcHealthy,
    String,
    (t) => parseCount(t, 1),
    (p, v) => ({
      ...p,
      hcHealthy: v,
    }),
  ),
  optionalField<LbParams, number>(
    'eject_errors',
    'Eject after',
    'consecutive errors, 0 = off',
    'ejectErrors',
    0,
    String,
    countFrom(0),
  ),
  optionalDuration<LbParams>('eject_time', 'Ejected for', 'ejectTimeMs', 30_000),
  optionalDuration<LbParams>('promote', 'Promotion delay', 'promoteMs', 0, finiteDuration),
];

export const WORKER_FIELDS: readonly ParamField<WorkerParams>[] = [
  field(
    'workers',
    'Workers',
    'concurrent requests',
    (p) => p.workers,
    String,
    workerCount,
    (p, v) => ({ ...p, workers: v }),
  ),
  field(
    'service',
    'Service time',
    'e.g. exp(10ms)',
    (p) => p.service,
    formatDistribution,
    parseDistribution,
    (p, v) => ({ ...p, service: v }),
    undefined,
    formatDistributionExact,
  ),
  field(
    'queue',
    'Queue capacity',
    'requests or inf',
    (p) => p.queueCapacity,
    showCount,
    countFrom(0, true),
    (p, v) => ({ ...p, queueCapacity: v }),
  ),
  optionalField<WorkerParams, number>(
    'timeout',
    'Downstream timeout',
    'ms, s or inf',
    'timeoutMs',
    Infinity,
    formatDurationMs,
    positiveDuration,
    formatDurationMsExact,
  ),
  optionalField<WorkerParams, number>(
    'shed',
    'Shed at',
    'waiting requests, or inf',
    'shed',
    Infinity,
    showCount,
    parseBoundedCount('shed', 0, true),
  ),
  optionalDuration<WorkerParams>('max_wait', 'Max wait', 'maxWaitMs', Infinity, positiveDuration),
  optionalField<WorkerParams, string>(
    'queue_order',
    'Queue order',
    '',
    'queueOrder',
    'fifo',
    String,
    choice(QUEUE_ORDERS),
    String,
    QUEUE_ORDERS,
  ),
];

/** `load_latency` (README "Load-dependent latency"): on services and databases. */
const LOAD_LATENCY_FIELD = optionalField<WorkerParams, LoadLatency | undefined>(
  'load_latency',
  'Load latency',
  'linear(k), poly(k,n), exp(k), none',
  'loadLatency',
  undefined,
  formatLoadLatency,
  parseLoadLatency,
);

export const CACHE_FIELDS: readonly ParamField<CacheParams>[] = [
  ...(WORKER_FIELDS as unknown as readonly ParamField<CacheParams>[]),
  optionalDuration<CacheParams>('ttl', 'TTL', 'ttlMs', Infinity, positiveDuration),
  optionalField<CacheParams, number>(
    'size',
    'Size',
    'entries, or inf',
    'size',
    Infinity,
    showCount,
    parseBoundedCount('size', 1, true),
  ),
  optionalField<CacheParams, string>(
    'evict',
    'Eviction',
    '',
    'evict',
    'lru',
    String,
    choice(EVICTIONS),
    String,
    EVICTIONS,
  ),
  optionalField<CacheParams, number | undefined>(
    'hit',
    'Hit ratio',
    'share, e.g. 90% (without keys)',
    'hitRatio',
    undefined,
    (v) => (v === undefined ? 'none' : String(v)),
    (text) => (/^none$/i.test(text.trim()) ? { ok: true, value: undefined } : parseProbability(text)),
  ),
];

export const LIMITER_FIELDS: readonly ParamField<LimiterParams>[] = [
  field(
    'limit',
    'Limit',
    'rate (100/s) or in flight (50)',
    (p) => p.limit,
    formatLimit,
    parseLimit,
    (p, v) => ({ ...p, limit: v }),
  ),
  optionalField<LimiterParams, number>(
    'burst',
    'Burst',
    'requests, or auto',
    'burst',
    0,
    (v) => (v === 0 ? 'auto' : String(v)),
    (text) => (/^auto$/i.test(text.trim()) ? { ok: true, value: 0 } : parseBurst(text)),
  ),
];

/** Worker fields keep the other keys of a params object (they spread it), so they serve every kind. */
const workerFields = <P extends WorkerParams>() => WORKER_FIELDS as unknown as readonly ParamField<P>[];

export const SERVICE_FIELDS: readonly ParamField<ServiceParams>[] = [
  ...workerFields<ServiceParams>(),
  LOAD_LATENCY_FIELD as unknown as ParamField<ServiceParams>,
  optionalField<ServiceParams, string>(
    'sessions',
    'Sessions',
    '',
    'sessions',
    'none',
    String,
    choice(SESSIONS),
    String,
    SESSIONS,
  ),
  optionalDistribution<ServiceParams>('session_sync', 'Session copy time', 'sessionSync', {
    type: 'exp',
    meanMs: 1,
  }),
];

export const DATABASE_FIELDS: readonly ParamField<DatabaseParams>[] = [
  ...workerFields<DatabaseParams>(),
  LOAD_LATENCY_FIELD as unknown as ParamField<DatabaseParams>,
  optionalField<DatabaseParams, number>('replicas', 'Replicas', 'count', 'replicas', 0, String, countFrom(0)),
  optionalField<DatabaseParams, string>(
    'replication',
    'Replication',
    '',
    'replication',
    'async',
    String,
    choice(['sync', 'async'] as const),
    String,
    ['async', 'sync'],
  ),
  optionalDistribution<DatabaseParams>('lag', 'Replication lag', 'lag', { type: 'exp', meanMs: 50 }),
  optionalDuration<DatabaseParams>('detect', 'Failure detection', 'detectMs', 3000, finiteDuration),
  optionalDuration<DatabaseParams>('promote', 'Promotion delay', 'promoteMs', 5000, finiteDuration),
];

export const QUEUE_FIELDS: readonly ParamField<QueueParams>[] = [
  ...workerFields<QueueParams>(),
  optionalDuration<QueueParams>('visibility', 'Visibility timeout', 'visibilityMs', 30_000),
  optionalField<QueueParams, number>(
    'max_attempts',
    'Max deliveries',
    'before dead-letter',
    'maxAttempts',
    5,
    String,
    countFrom(1),
  ),
  optionalField<QueueParams, number>(
    'bound',
    'Bound',
    'messages or inf',
    'bound',
    Infinity,
    showCount,
    countFrom(0, true),
  ),
];

export const DNS_FIELDS: readonly ParamField<DnsParams>[] = [
  ...workerFields<DnsParams>(),
  optionalDuration<DnsParams>('ttl', 'TTL', 'ttlMs', 60_000, finiteDuration),
  optionalField<DnsParams, string>(
    'policy',
    'Routing',
    '',
    'dnsPolicy',
    'failover',
    String,
    choice(['failover', 'latency'] as const),
    String,
    ['failover', 'latency'],
  ),
];

export const EDGE_FIELDS: readonly ParamField<EdgeParams>[] = [
  field(
    'latency',
    'Latency (one way)',
    'e.g. const(1ms)',
    (p) => p.latency,
    formatDistribution,
    parseDistribution,
    (p, v) => ({ ...p, latency: v }),
    undefined,
    formatDistributionExact,
  ),
  field(
    'weight',
    'Weight',
    'relative share',
    (p) => p.weight,
    String,
    edgeWeight,
    (p, v) => ({ ...p, weight: v }),
  ),
  field(
    'backup',
    'Backup',
    'true or false',
    (p) => p.backup,
    String,
    flag,
    (p, v) => ({ ...p, backup: v }),
    ['false', 'true'],
  ),
  optionalField<EdgeParams, number>(
    'loss',
    'Loss',
    'probability, e.g. 0.5%',
    'loss',
    0,
    String,
    parseProbability,
  ),
];

/**
 * Keys of a replication link between multi-primary peers (`DBE <--> DBW`, README "Active-active data");
 * validation refuses them on any other edge.
 */
export const PEER_LINK_FIELDS: readonly ParamField<EdgeParams>[] = [
  optionalField<EdgeParams, string>(
    'replication',
    'Replication',
    '',
    'replication',
    'async',
    String,
    choice(['async', 'sync'] as const),
    String,
    ['async', 'sync'],
  ),
  optionalDistribution<EdgeParams>('lag', 'Replication lag (one way)', 'lag', DEFAULT_PEER_LAG),
  optionalField<EdgeParams, string>(
    'conflict',
    'Conflicts',
    'which concurrent write survives',
    'conflict',
    'lww',
    String,
    choice(CONFLICT_POLICIES),
    String,
    CONFLICT_POLICIES,
  ),
];

/** Every key an edge annotation may carry: a call's, and a replication link's. */
export const ALL_EDGE_FIELDS: readonly ParamField<EdgeParams>[] = [...EDGE_FIELDS, ...PEER_LINK_FIELDS];

type FieldsByKind = { readonly [K in NodeKind]: readonly ParamField<NodeParamsByKind[K]>[] };

const FIELDS_BY_KIND: FieldsByKind = {
  client: CLIENT_FIELDS,
  lb: LB_FIELDS,
  service: SERVICE_FIELDS,
  database: DATABASE_FIELDS,
  queue: QUEUE_FIELDS,
  cache: CACHE_FIELDS,
  dns: DNS_FIELDS,
  limiter: LIMITER_FIELDS,
};

/** The editable parameters of a node kind, in the order the Inspector shows them. */
export function fieldsOf<K extends NodeKind>(kind: K): readonly ParamField<NodeParamsByKind[K]>[] {
  return FIELDS_BY_KIND[kind];
}
