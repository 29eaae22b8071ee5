/**
 * Values of the metastable-failure parameters (README "Keyed caches", "Load-dependent latency",
 * "Load shedding", "Limiter", "Closed-loop users"): how `keys=zipf(100000,1.1)`, `load_latency=exp(2)`
 * or `limit=100/s` are read and written, each reader returning an error that names the allowed range.
 */
import type { KeySpace, LimitSpec, LoadLatency } from './types';
import { formatGrouped } from './number-format';
import type { ValueType } from './param-values';
import type { Parsed } from './units';

/** Most keys a client may name: a keyed cache costs 4 bytes per key of the space (README "Keyed caches"). */
export const MAX_KEYS = 10_000_000;
/** Largest Zipf exponent: beyond it nearly every request names key 0. */
export const MAX_ZIPF_S = 10;
/** Largest load-latency coefficient: e^(50) would stretch a millisecond beyond a run's duration. */
export const MAX_LOAD_K = 50;
export const MAX_LOAD_N = 10;
/** Most entries, shed threshold or burst: beyond a browser run's memory. */
export const MAX_ENTRIES = 10_000_000;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;

/** Arguments of `name(a, b)`, as numbers; null when the text is not of that form. */
function call(text: string): { name: string; args: number[] } | null {
  const match = /^([a-z]+)\s*\(([^)]*)\)$/i.exec(text.trim());
  if (!match) return null;
  const args = (match[2] as string).split(',').map((a) => a.trim());
  if (args.some((a) => !new RegExp(`^${NUMBER}$`, 'i').test(a))) return null;
  return { name: (match[1] as string).toLowerCase(), args: args.map(Number) };
}

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
const keyCountError = `a whole number of keys from 1 to ${formatGrouped(MAX_KEYS)}`;

/** `keys=N` (uniform) or `keys=zipf(N,s)`; `none` for requests without keys. */
export function parseKeySpace(text: string): Parsed<KeySpace | undefined> {
  const trimmed = text.trim();
  if (/^none$/i.test(trimmed)) return ok(undefined);
  if (new RegExp(`^${NUMBER}$`).test(trimmed)) {
    const n = Number(trimmed);
    return isWhole(n, 1, MAX_KEYS) ? ok({ type: 'uniform', n }) : fail(`keys must be ${keyCountError}`);
  }
  const parsed = call(trimmed);
  if (!parsed || parsed.name !== 'zipf' || parsed.args.length !== 2)
    return fail('write a number of keys (keys=1000) or zipf(N,s), e.g. zipf(100000,1.1)');
  const [n, s] = parsed.args as [number, number];
  if (!isWhole(n, 1, MAX_KEYS)) return fail(`zipf(N,s): N must be ${keyCountError}`);
  if (!(s > 0 && s <= MAX_ZIPF_S))
    return fail(`zipf(N,s): the exponent s must be above 0 and at most ${MAX_ZIPF_S}`);
  return ok({ type: 'zipf', n, s });
}

export function formatKeySpace(keys: KeySpace | undefined): string {
  if (!keys) return 'none';
  return keys.type === 'uniform' ? String(keys.n) : `zipf(${keys.n},${keys.s})`;
}

/** `linear(k)`, `poly(k,n)` or `exp(k)` with k ≥ 0; `none` for a constant service time. */
export function parseLoadLatency(text: string): Parsed<LoadLatency | undefined> {
  const trimmed = text.trim();
  if (/^none$/i.test(trimmed)) return ok(undefined);
  const parsed = call(trimmed);
  const usage = 'write linear(k), poly(k,n) or exp(k), e.g. linear(2)';
  if (!parsed) return fail(usage);
  const [k, n] = parsed.args as [number, number | undefined];
  const kError = `${parsed.name}(k): k must be from 0 to ${MAX_LOAD_K}`;
  switch (parsed.name) {
    case 'linear':
    case 'exp':
      if (parsed.args.length !== 1) return fail(usage);
      if (!(k >= 0 && k <= MAX_LOAD_K)) return fail(kError);
      return ok({ type: parsed.name, k });
    case 'poly':
      if (parsed.args.length !== 2) return fail(usage);
      if (!(k >= 0 && k <= MAX_LOAD_K)) return fail(`poly(k,n): k must be from 0 to ${MAX_LOAD_K}`);
      if (!(n !== undefined && n > 0 && n <= MAX_LOAD_N))
        return fail(`poly(k,n): the power n must be above 0 and at most ${MAX_LOAD_N}`);
      return ok({ type: 'poly', k, n });
    default:
      return fail(usage);
  }
}

export function formatLoadLatency(spec: LoadLatency | undefined): string {
  if (!spec) return 'none';
  return spec.type === 'poly' ? `poly(${spec.k},${spec.n})` : `${spec.type}(${spec.k})`;
}

/** `limit=100/s` (a token-bucket rate) or `limit=50` (requests in flight at once). */
export function parseLimit(text: string): Parsed<LimitSpec> {
  const trimmed = text.trim();
  const rate = new RegExp(`^(${NUMBER})\\s*/\\s*(s|sec|m|min)$`, 'i').exec(trimmed);
  if (rate) {
    const perSec = Number(rate[1]) / ((rate[2] as string).toLowerCase().startsWith('m') ? 60 : 1);
    if (!(perSec > 0 && perSec <= 1_000_000))
      return fail('a rate limit must be above 0/s and at most 1,000,000/s');
    return ok({ type: 'rate', perSec });
  }
  if (new RegExp(`^${NUMBER}$`).test(trimmed)) {
    const max = Number(trimmed);
    if (!isWhole(max, 1, 1_000_000))
      return fail('a concurrency limit must be a whole number of requests from 1 to 1,000,000');
    return ok({ type: 'concurrency', max });
  }
  return fail('write a rate such as 100/s, or a number of requests in flight such as 50');
}

export function formatLimit(limit: LimitSpec): string {
  return limit.type === 'rate' ? `${limit.perSec}/s` : String(limit.max);
}

/** A whole count from `min` to {@link MAX_ENTRIES}, or `inf` when `allowInfinite`. */
export function parseBoundedCount(what: string, min: number, allowInfinite: boolean) {
  return (text: string): Parsed<number> => {
    const trimmed = text.trim();
    if (allowInfinite && /^(inf|infinity|none)$/i.test(trimmed)) return ok(Infinity);
    const value = Number(trimmed);
    if (trimmed === '' || !isWhole(value, min, MAX_ENTRIES))
      return fail(
        `${what} must be a whole number from ${min} to ${formatGrouped(MAX_ENTRIES)}${allowInfinite ? ', or inf' : ''}`,
      );
    return ok(value);
  };
}

/** A burst: a number of tokens, at least 1. */
export function parseBurst(text: string): Parsed<number> {
  const value = Number(text.trim());
  if (text.trim() === '' || !(value >= 1 && value <= MAX_ENTRIES))
    return fail(`burst must be a number of requests from 1 to ${formatGrouped(MAX_ENTRIES)}`);
  return ok(value);
}

/** A share of workers for `degrade S workers=50%`: above 0 and at most 100%. */
export function parseWorkersShare(text: string): Parsed<number> {
  const match = new RegExp(`^(${NUMBER})\\s*(%)?$`).exec(text.trim());
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1))
    return fail('workers= is the share of workers left, above 0% and at most 100%, e.g. workers=50%');
  return ok(value);
}

/*
 * The same values as value types of the parameter table (src/model/params.ts): the readers above, a check
 * of the same range for values read from JSON, and their JSON shapes.
 */

/** `keys=N` or `keys=zipf(N,s)` (absent: requests name no key). */
export const keySpaceValue: ValueType<KeySpace> = {
  hint: 'N or zipf(N,s), none',
  range: `whole number 1 to ${MAX_KEYS}, or zipf(N,s) with 0 < s ≤ ${MAX_ZIPF_S}`,
  parse: (text) => defined(parseKeySpace(text), 'write a number of keys (keys=1000) or zipf(N,s)'),
  check: (keys) => {
    if (!isWhole(keys.n, 1, MAX_KEYS)) return `keys must be a whole number from 1 to ${MAX_KEYS}`;
    if (keys.type === 'zipf' && !(keys.s > 0 && keys.s <= MAX_ZIPF_S))
      return `the zipf exponent must be above 0 and at most ${MAX_ZIPF_S}`;
    return null;
  },
  show: formatKeySpace,
  showExact: formatKeySpace,
  json: { what: 'a key space', tags: { uniform: ['n'], zipf: ['n', 's'] } },
};

/** `load_latency=linear(k)|poly(k,n)|exp(k)` (absent: none). */
export const loadLatencyValue: ValueType<LoadLatency> = {
  hint: 'linear(k), poly(k,n), exp(k), none',
  range: `linear(k), poly(k,n) or exp(k), 0 ≤ k ≤ ${MAX_LOAD_K}, 0 < n ≤ ${MAX_LOAD_N}`,
  parse: (text) => defined(parseLoadLatency(text), 'write linear(k), poly(k,n) or exp(k), e.g. linear(2)'),
  check: (load) => {
    if (!(load.k >= 0 && load.k <= MAX_LOAD_K)) return `k must be from 0 to ${MAX_LOAD_K}`;
    if (load.type === 'poly' && !(load.n > 0 && load.n <= MAX_LOAD_N))
      return `the power n must be above 0 and at most ${MAX_LOAD_N}`;
    return null;
  },
  show: formatLoadLatency,
  showExact: formatLoadLatency,
  json: { what: 'a load latency', tags: { linear: ['k'], poly: ['k', 'n'], exp: ['k'] } },
};

/** `limit=100/s` or `limit=50`. */
export const limitValue: ValueType<LimitSpec> = {
  hint: 'rate (100/s) or in flight (50)',
  range: 'rate above 0 to 1000000/s, or whole number 1 to 1000000 in flight',
  parse: parseLimit,
  check: (limit) => {
    if (limit.type === 'rate' && !(limit.perSec > 0 && limit.perSec <= 1_000_000))
      return 'a rate limit must be above 0/s and at most 1000000/s';
    if (limit.type === 'concurrency' && !isWhole(limit.max, 1, 1_000_000))
      return 'a concurrency limit must be a whole number from 1 to 1000000';
    return null;
  },
  show: formatLimit,
  showExact: formatLimit,
  json: { what: 'a limit', tags: { rate: ['perSec'], concurrency: ['max'] } },
};

/** A whole count from `min` to {@link MAX_ENTRIES}, or `inf` when `infinite` (shed threshold, cache size). */
export function boundedCountValue(what: string, min: number, infinite: boolean): ValueType<number> {
  const read = parseBoundedCount(what, min, infinite);
  const show = (v: number) => (v === Infinity ? 'inf' : String(v));
  return {
    hint: infinite ? 'number, or inf' : 'number',
    range: `whole number ${min} to ${MAX_ENTRIES}${infinite ? ', or inf' : ''}`,
    parse: read,
    check: (v) =>
      (infinite && v === Infinity) || isWhole(v, min, MAX_ENTRIES)
        ? null
        : `${what} must be a whole number from ${min} to ${MAX_ENTRIES}${infinite ? ', or inf' : ''}`,
    show,
    showExact: show,
    json: infinite ? 'numberOrInf' : 'number',
  };
}

/** A token bucket's size: from 1 to {@link MAX_ENTRIES} requests. */
export const burstValue: ValueType<number> = {
  hint: 'requests, or auto',
  range: `number 1 to ${MAX_ENTRIES}`,
  parse: parseBurst,
  check: (v) => (v >= 1 && v <= MAX_ENTRIES ? null : `burst must be from 1 to ${MAX_ENTRIES}`),
  show: String,
  showExact: String,
  json: 'number',
};

/** A reader's result without its `none` (the parameter table handles `none` as the absent value). */
function defined<T>(parsed: Parsed<T | undefined>, usage: string): Parsed<T> {
  if (!parsed.ok) return parsed;
  return parsed.value === undefined ? fail(usage) : ok(parsed.value);
}

/** A scenario step's `workers=` (`degrade NODE workers=50%`): the share of workers left, above 0 to 1. */
export const workersShareValue: ValueType<number> = {
  hint: 'share, e.g. 50%',
  range: 'share above 0 to 1 (above 0% to 100%)',
  parse: parseWorkersShare,
  check: (v) => (v > 0 && v <= 1 ? null : 'workers= is a share of workers above 0% and at most 100%'),
  show: (v) => `${v * 100}%`,
  showExact: (v) => `${v * 100}%`,
  json: 'number',
};
