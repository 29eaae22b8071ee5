import type { Distribution } from './types';
import { formatGroupedDecimal } from './number-format';
import {
  formatDistribution,
  formatDistributionExact,
  formatDurationMs,
  formatDurationMsExact,
  meanOf,
  parseCount,
  parseDistribution,
  parseDurationMs,
  parseProbability,
  parseRatePerSec,
  type Parsed,
} from './units';

/**
 * The kinds of value a parameter holds (README "Parameters"): how text becomes a value, which values
 * are allowed, how a value is written back, and how it is stored in JSON. A parameter declares one of
 * these in src/model/params.ts; the Inspector, the Mermaid annotations, the document check and the JSON
 * schema all use the same one, so a range is written once and means the same everywhere.
 */
export interface ValueType<V> {
  /** What the user may type, shown as a hint when the parameter gives none, e.g. `ms or s`. */
  readonly hint: string;
  /** The allowed values in words, for README's parameter table, e.g. `> 0`, `1 to 100000`. */
  readonly range: string;
  /** Reads the text's syntax; the range is {@link check}'s. */
  parse(text: string): Parsed<V>;
  /** Null when the value is allowed; otherwise what is wrong with it ("must be above 0"). */
  check(value: V): string | null;
  show(value: V): string;
  /** Like {@link show}, but `parse` of the text gives back the very same value (Mermaid export writes it). */
  showExact(value: V): string;
  /** The value's shape in the JSON form of a document (src/share/document-schema.ts). */
  readonly json: JsonShape;
  /** Allowed texts, for values edited with a select. */
  readonly options?: readonly string[];
}

/**
 * A JSON value: a finite number, a number or `"inf"`, a boolean, a distribution object, one of a list,
 * or a tagged object `{ type, ...numbers }` whose number keys depend on its `type` (`what` names it).
 */
export type JsonShape =
  | 'number'
  | 'numberOrInf'
  | 'boolean'
  | 'distribution'
  | readonly string[]
  | { readonly what: string; readonly tags: Readonly<Record<string, readonly string[]>> };

/** Text parsed and then checked against the range: what the Inspector and the annotations accept. */
export function readValue<V>(type: ValueType<V>, text: string): Parsed<V> {
  const parsed = type.parse(text);
  if (!parsed.ok) return parsed;
  const problem = type.check(parsed.value);
  return problem === null ? parsed : { ok: false, error: problem };
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A duration in ms. `min: 'above0'` refuses 0; `infinite` lets `inf` (no limit) through. */
export function duration(options: {
  readonly min: 'zero' | 'above0';
  readonly infinite?: boolean;
}): ValueType<number> {
  const infinite = options.infinite ?? false;
  const above0 = options.min === 'above0';
  return {
    hint: infinite ? 'ms, s or inf' : 'ms or s',
    range: `duration ${above0 ? '> 0' : '≥ 0'}${infinite ? ', or inf' : ''}`,
    parse: (text) => parseDurationMs(text),
    check: (v) => {
      if (Number.isNaN(v) || v < 0) return 'a duration cannot be negative';
      if (above0 && v === 0) return 'must be above 0';
      if (v === Infinity && !infinite) return 'must be finite';
      return null;
    },
    show: formatDurationMs,
    showExact: formatDurationMsExact,
    json: infinite ? 'numberOrInf' : 'number',
  };
}

/**
 * A whole number from `min` (to `max`), or `inf` when `infinite`. `tooFew` replaces the message for a
 * value below `min` ("needs at least 1 worker").
 */
export function count(options: {
  readonly min: number;
  readonly max?: number;
  readonly infinite?: boolean;
  readonly tooFew?: string;
}): ValueType<number> {
  const { min, max = Infinity, infinite = false } = options;
  const show = (v: number) => (v === Infinity ? 'inf' : String(v));
  return {
    hint: infinite ? 'number or inf' : 'whole number',
    range: `whole number ${max === Infinity ? `≥ ${min}` : `${min} to ${max}`}${infinite ? ', or inf' : ''}`,
    parse: (text) => parseCount(text, -Infinity, infinite),
    check: (v) => {
      if (v === Infinity) return infinite ? null : 'must be finite';
      if (!Number.isInteger(v)) return 'must be a whole number';
      if (v < min) return options.tooFew ?? `must be at least ${min}`;
      if (v > max) return `at most ${max}`;
      return null;
    },
    show,
    showExact: show,
    json: infinite ? 'numberOrInf' : 'number',
  };
}

/** Requests per second: `400/s`, `24000/m`; from 0 to `max`. */
export function rate(options: { readonly max: number }): ValueType<number> {
  const show = (v: number) => `${v}/s`;
  return {
    hint: 'req/s',
    range: `rate 0 to ${options.max}/s`,
    parse: parseRatePerSec,
    check: (v) => {
      if (!(v >= 0)) return 'a rate cannot be negative';
      if (v > options.max) return `at most ${formatGroupedDecimal(options.max)}/s`;
      return null;
    },
    show,
    showExact: show,
    json: 'number',
  };
}

/** A probability: `0.5%` or `0.005`. */
export function probability(): ValueType<number> {
  return {
    hint: 'probability, e.g. 0.5%',
    range: 'probability 0 to 1 (0% to 100%)',
    parse: parseProbability,
    check: (v) => (v >= 0 && v <= 1 ? null : 'must be a probability between 0 and 1 (0% to 100%)'),
    show: String,
    showExact: String,
    json: 'number',
  };
}

/** A share that may exceed 1, such as a retry budget: `20%` or `0.2`, up to `max`; `none` for no limit. */
export function share(options: { readonly max: number }): ValueType<number> {
  const show = (v: number) => (v === Infinity ? 'none' : String(v));
  return {
    hint: 'share, or none',
    range: `share 0 to ${options.max} (0% to ${options.max * 100}%), or none`,
    parse: (text) => {
      const trimmed = text.trim();
      if (/^(none|inf|off)$/i.test(trimmed)) return ok(Infinity);
      const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(%)?$/i.exec(trimmed);
      const value = Number(match?.[1]) / (match?.[2] ? 100 : 1);
      if (!match || !Number.isFinite(value))
        return { ok: false, error: 'write a share such as 20% or 0.2, or none' };
      return ok(value);
    },
    check: (v) =>
      v === Infinity || (v >= 0 && v <= options.max)
        ? null
        : `must be a share from 0 to ${options.max} (0% to ${options.max * 100}%), or none`,
    show,
    showExact: show,
    json: 'numberOrInf',
  };
}

/** A finite multiplier above 0, such as a `degrade` step's `factor=3` (service time ×3). */
export function factor(): ValueType<number> {
  const problem = 'a number above 0, e.g. factor=3';
  return {
    hint: 'multiplier, e.g. 3',
    range: 'number > 0',
    parse: (text) => {
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value) || value <= 0) return { ok: false, error: problem };
      return ok(value);
    },
    check: (v) => (v > 0 && Number.isFinite(v) ? null : 'factor must be a finite number above 0'),
    show: String,
    showExact: String,
    json: 'number',
  };
}

/** A finite number ≥ 0, such as an edge's weight. */
export function weight(): ValueType<number> {
  return {
    hint: 'relative share',
    range: 'number ≥ 0',
    parse: (text) => {
      const value = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(value))
        return { ok: false, error: 'a weight is a finite number ≥ 0' };
      return ok(value);
    },
    check: (v) => (v >= 0 && Number.isFinite(v) ? null : 'a weight is a finite number ≥ 0'),
    show: String,
    showExact: String,
    json: 'number',
  };
}

/** true or false (also yes or no). */
export function flag(): ValueType<boolean> {
  return {
    hint: 'true or false',
    range: 'true or false',
    parse: (text) => {
      const value = text.trim().toLowerCase();
      if (value === 'true' || value === 'yes') return ok(true);
      if (value === 'false' || value === 'no') return ok(false);
      return { ok: false, error: 'write true or false' };
    },
    check: (v) => (typeof v === 'boolean' ? null : 'write true or false'),
    show: String,
    showExact: String,
    json: 'boolean',
    options: ['false', 'true'],
  };
}

/** One of a list of names, edited with a select in the Inspector. */
export function choice<const T extends string>(values: readonly T[]): ValueType<T> {
  const message = `choose one of ${values.join(', ')}`;
  return {
    hint: '',
    range: values.join(', '),
    parse: (text) => {
      const value = text.trim() as T;
      return values.includes(value) ? ok(value) : { ok: false, error: message };
    },
    check: (v) => (values.includes(v) ? null : message),
    show: String,
    showExact: String,
    json: values,
    options: values,
  };
}

/** A distribution of durations: `exp(10ms)`, `const(5ms)`, ... (DESIGN.md §5). */
export function distribution(): ValueType<Distribution> {
  return {
    hint: 'e.g. exp(10ms)',
    range: 'distribution with a finite mean',
    parse: parseDistribution,
    check: distributionProblem,
    show: formatDistribution,
    showExact: formatDistributionExact,
    json: 'distribution',
  };
}

/** What is wrong with a distribution read from JSON (finite parameters ≥ 0 and a finite mean), or null. */
export function distributionProblem(d: Distribution): string | null {
  const values = Object.values(d).filter((v): v is number => typeof v === 'number');
  if (values.some((v) => !Number.isFinite(v) || v < 0))
    return 'distribution parameters must be finite numbers ≥ 0';
  if (d.type === 'erlang' && !(Number.isInteger(d.k) && d.k >= 1 && d.k <= 1000))
    return 'erlang(k, mean) needs a whole k from 1 to 1000';
  if (!Number.isFinite(meanOf(d))) return 'the distribution has no finite mean';
  return null;
}
