import type { ClientParams, EdgeParams, LbParams, NodeKind, NodeParamsByKind, WorkerParams } from './types';
import {
  formatDistribution,
  formatDurationMs,
  parseCount,
  parseDistribution,
  parseDurationMs,
  parseRatePerSec,
  type Parsed,
} from './units';

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
  apply(params: P, text: string): Parsed<P>;
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
): ParamField<P> {
  return {
    key,
    label,
    unit,
    ...(options ? { options } : {}),
    format: (params) => show(get(params)),
    apply: (params, text) => {
      const parsed = read(text);
      return parsed.ok ? { ok: true, value: put(params, parsed.value) } : parsed;
    },
  };
}

const choice =
  <T extends string>(allowed: readonly T[]) =>
  (text: string): Parsed<T> => {
    const value = text.trim() as T;
    return allowed.includes(value) ? { ok: true, value } : { ok: false, error: `choose one of ${allowed.join(', ')}` };
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

/** Upper bound on a client's rate: beyond it a browser run could not keep up, so it is refused. */
export const MAX_RATE_PER_SEC = 1_000_000;

const rate = (text: string): Parsed<number> => {
  const parsed = parseRatePerSec(text);
  if (!parsed.ok) return parsed;
  if (parsed.value > MAX_RATE_PER_SEC) return { ok: false, error: `at most ${MAX_RATE_PER_SEC.toLocaleString('en-US')}/s` };
  return parsed;
};

const MAX_WORKERS = 100_000;
const workerCount = (text: string): Parsed<number> => {
  const parsed = parseCount(text, 1);
  if (parsed.ok && parsed.value > MAX_WORKERS) return { ok: false, error: `at most ${MAX_WORKERS}` };
  if (!parsed.ok && parsed.error === 'must be at least 1') return { ok: false, error: 'needs at least 1 worker' };
  return parsed;
};

const serviceTime = (text: string) => {
  const parsed = parseDistribution(text);
  return parsed;
};

export const CLIENT_FIELDS: readonly ParamField<ClientParams>[] = [
  field('rate', 'Rate', 'req/s', (p) => p.ratePerSec, (v) => `${v}/s`, rate, (p, v) => ({ ...p, ratePerSec: v })),
  field('arrival', 'Arrivals', '', (p) => p.arrival, String, choice(['poisson', 'constant'] as const), (p, v) => ({ ...p, arrival: v }), [
    'poisson',
    'constant',
  ]),
  field('timeout', 'Timeout', 'ms, s or inf', (p) => p.timeoutMs, formatDurationMs, positiveDuration, (p, v) => ({ ...p, timeoutMs: v })),
];

export const LB_FIELDS: readonly ParamField<LbParams>[] = [
  field('policy', 'Policy', '', (p) => p.policy, String, choice(['round-robin'] as const), (p, v) => ({ ...p, policy: v }), ['round-robin']),
  field('hc_interval', 'Health-check interval', 'ms or s', (p) => p.hcIntervalMs, formatDurationMs, finitePositiveDuration, (p, v) => ({
    ...p,
    hcIntervalMs: v,
  })),
  field('hc_timeout', 'Health-check timeout', 'ms or s', (p) => p.hcTimeoutMs, formatDurationMs, finitePositiveDuration, (p, v) => ({
    ...p,
    hcTimeoutMs: v,
  })),
  field('hc_unhealthy', 'Unhealthy after', 'failed checks', (p) => p.hcUnhealthy, String, (t) => parseCount(t, 1), (p, v) => ({
    ...p,
    hcUnhealthy: v,
  })),
  field('hc_healthy', 'Healthy after', 'passed checks', (p) => p.hcHealthy, String, (t) => parseCount(t, 1), (p, v) => ({
    ...p,
    hcHealthy: v,
  })),
];

export const WORKER_FIELDS: readonly ParamField<WorkerParams>[] = [
  field('workers', 'Workers', 'concurrent requests', (p) => p.workers, String, workerCount, (p, v) => ({ ...p, workers: v })),
  field('service', 'Service time', 'e.g. exp(10ms)', (p) => p.service, formatDistribution, serviceTime, (p, v) => ({ ...p, service: v })),
  field('queue', 'Queue capacity', 'requests or inf', (p) => p.queueCapacity, (v) => (v === Infinity ? 'inf' : String(v)), (t) => parseCount(t, 0, true), (p, v) => ({
    ...p,
    queueCapacity: v,
  })),
];

export const EDGE_FIELDS: readonly ParamField<EdgeParams>[] = [
  field('latency', 'Latency (one way)', 'e.g. const(1ms)', (p) => p.latency, formatDistribution, parseDistribution, (p, v) => ({ ...p, latency: v })),
];

type FieldsByKind = { readonly [K in NodeKind]: readonly ParamField<NodeParamsByKind[K]>[] };

const FIELDS_BY_KIND: FieldsByKind = {
  client: CLIENT_FIELDS,
  lb: LB_FIELDS,
  service: WORKER_FIELDS,
  database: WORKER_FIELDS,
  queue: WORKER_FIELDS,
  cache: WORKER_FIELDS,
  dns: WORKER_FIELDS,
};

/** The editable parameters of a node kind, in the order the Inspector shows them. */
export function fieldsOf<K extends NodeKind>(kind: K): readonly ParamField<NodeParamsByKind[K]>[] {
  return FIELDS_BY_KIND[kind];
}
