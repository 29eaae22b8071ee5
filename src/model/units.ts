import type { Distribution } from './types';

/**
 * Values with units as people write them (DESIGN.md §5): durations `250ms`, `2s`, `1.5m`; rates
 * `400/s`; probabilities `0.5%` or `0.005`; `inf`; distributions `exp(10ms)`. Parsers return a result
 * instead of throwing so that callers (the Inspector, the Mermaid annotations) can show the message where
 * the user typed.
 */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const DURATION_RE = new RegExp(`^(${NUMBER})\\s*(us|µs|ms|s|m|min|h)?$`, 'i');
const MS_PER_UNIT: Readonly<Record<string, number>> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
};

/** Parses a duration into milliseconds. A bare number is read in `defaultUnit`. */
export function parseDurationMs(text: string, defaultUnit: 'ms' | 's' = 'ms'): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('enter a duration, for example 250ms or 2s');
  if (/^(inf|infinity|∞|none)$/i.test(trimmed)) return ok(Infinity);
  const match = DURATION_RE.exec(trimmed);
  if (!match) return fail(`"${trimmed}" is not a duration (examples: 250ms, 2s, 1.5m)`);
  const value = Number(match[1]);
  const unit = (match[2] ?? defaultUnit).toLowerCase();
  const factor = MS_PER_UNIT[unit];
  if (factor === undefined || !Number.isFinite(value)) return fail(`"${trimmed}" is not a duration`);
  if (value < 0) return fail('a duration cannot be negative');
  return ok(value * factor);
}

/** Parses a rate in requests per second: `400/s`, `400`, `24000/m`. */
export function parseRatePerSec(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('enter a rate, for example 400/s');
  const match = new RegExp(`^(${NUMBER})\\s*(?:/\\s*(s|sec|m|min|h))?$`, 'i').exec(trimmed);
  if (!match) return fail(`"${trimmed}" is not a rate (example: 400/s)`);
  const value = Number(match[1]);
  const per = (match[2] ?? 's').toLowerCase();
  const divisor = per.startsWith('m') ? 60 : per === 'h' ? 3600 : 1;
  if (!Number.isFinite(value)) return fail(`"${trimmed}" is not a rate`);
  if (value < 0) return fail('a rate cannot be negative');
  return ok(value / divisor);
}

/** Parses a probability: `0.5%` or `0.005`. */
export function parseProbability(text: string): Parsed<number> {
  const trimmed = text.trim();
  const match = new RegExp(`^(${NUMBER})\\s*(%)?$`).exec(trimmed);
  if (!match) return fail(`"${trimmed}" is not a probability (examples: 0.5%, 0.005)`);
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  if (!(value >= 0 && value <= 1)) return fail('a probability must be between 0 and 1 (0% to 100%)');
  return ok(value);
}

/** Parses a whole number, optionally `inf`, with a lower bound. */
export function parseCount(text: string, min: number, allowInfinite = false): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('enter a number');
  if (allowInfinite && /^(inf|infinity|∞|unbounded)$/i.test(trimmed)) return ok(Infinity);
  const value = Number(trimmed);
  if (!Number.isInteger(value)) return fail(`"${trimmed}" is not a whole number`);
  if (value < min) return fail(`must be at least ${min}`);
  return ok(value);
}

const DISTRIBUTION_RE = /^([a-z]+)\s*\((.*)\)$/i;

/** Parses a distribution of durations: `const(5ms)`, `exp(10ms)`, `uniform(1ms,3ms)`, ... */
export function parseDistribution(text: string): Parsed<Distribution> {
  const trimmed = text.trim();
  const match = DISTRIBUTION_RE.exec(trimmed);
  if (!match) {
    // A bare duration means a constant.
    const constant = parseDurationMs(trimmed);
    if (constant.ok && Number.isFinite(constant.value)) return ok({ type: 'const', valueMs: constant.value });
    return fail(`"${trimmed}" is not a distribution (examples: exp(10ms), const(5ms), lognormal(8ms,0.5))`);
  }
  const name = (match[1] ?? '').toLowerCase();
  const args = (match[2] ?? '').split(',').map((arg) => arg.trim());
  const duration = (index: number): Parsed<number> => {
    const parsed = parseDurationMs(args[index] ?? '');
    if (parsed.ok && !Number.isFinite(parsed.value)) return fail('a distribution needs finite durations');
    return parsed;
  };
  const positive = (index: number, what: string): Parsed<number> => {
    const value = Number(args[index]);
    return Number.isFinite(value) && value > 0 ? ok(value) : fail(`${what} must be a positive number`);
  };
  const arity: Readonly<Record<string, number>> = {
    const: 1,
    exp: 1,
    uniform: 2,
    normal: 2,
    lognormal: 2,
    pareto: 2,
    erlang: 2,
  };
  const expected = arity[name];
  if (expected === undefined) {
    return fail(
      `unknown distribution "${name}" (use const, exp, uniform, normal, lognormal, pareto, erlang)`,
    );
  }
  if (args.length !== expected)
    return fail(`${name}(...) takes ${expected} argument${expected > 1 ? 's' : ''}`);
  switch (name) {
    case 'const': {
      const v = duration(0);
      return v.ok ? ok({ type: 'const', valueMs: v.value }) : v;
    }
    case 'exp': {
      const v = duration(0);
      if (!v.ok) return v;
      return v.value > 0 ? ok({ type: 'exp', meanMs: v.value }) : fail('exp(mean) needs a mean above 0');
    }
    case 'uniform': {
      const a = duration(0);
      const b = duration(1);
      if (!a.ok) return a;
      if (!b.ok) return b;
      return a.value <= b.value
        ? ok({ type: 'uniform', minMs: a.value, maxMs: b.value })
        : fail('uniform(a,b) needs a ≤ b');
    }
    case 'normal': {
      const m = duration(0);
      const sd = duration(1);
      if (!m.ok) return m;
      if (!sd.ok) return sd;
      return ok({ type: 'normal', meanMs: m.value, sdMs: sd.value });
    }
    case 'lognormal': {
      const m = duration(0);
      const sigma = positive(1, 'sigma');
      if (!m.ok) return m;
      if (!sigma.ok) return sigma;
      return m.value > 0
        ? ok({ type: 'lognormal', medianMs: m.value, sigma: sigma.value })
        : fail('lognormal needs a median above 0');
    }
    case 'pareto': {
      const scale = duration(0);
      const shape = positive(1, 'shape');
      if (!scale.ok) return scale;
      if (!shape.ok) return shape;
      return scale.value > 0
        ? ok({ type: 'pareto', scaleMs: scale.value, shape: shape.value })
        : fail('pareto needs a scale above 0');
    }
    default: {
      const k = parseCount(args[0] ?? '', 1);
      const m = duration(1);
      if (!k.ok) return fail(`erlang(k, mean): k ${k.error}`);
      if (!m.ok) return m;
      return m.value > 0
        ? ok({ type: 'erlang', k: k.value, meanMs: m.value })
        : fail('erlang needs a mean above 0');
    }
  }
}

/** Formats milliseconds the shortest exact way: `250ms`, `2s`, `1.5m`, `inf`. */
export function formatDurationMs(ms: number): string {
  if (ms === Infinity) return 'inf';
  if (ms !== 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms !== 0 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${roundForDisplay(ms)}ms`;
}

/**
 * Formats milliseconds so that {@link parseDurationMs} gives back exactly the same number (no rounding
 * for display): `250ms`, `2s`, `1.5m`, `1100.0000000000002ms`. Used where text must round-trip, such as
 * the Mermaid annotations.
 */
export function formatDurationMsExact(ms: number): string {
  if (ms === Infinity) return 'inf';
  if (ms !== 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms !== 0 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** Formats a distribution in the annotation syntax that {@link parseDistribution} reads back. */
export function formatDistribution(d: Distribution): string {
  return formatDistributionWith(d, formatDurationMs);
}

/** {@link formatDistribution} with exact durations ({@link formatDurationMsExact}), for round trips. */
export function formatDistributionExact(d: Distribution): string {
  return formatDistributionWith(d, formatDurationMsExact);
}

function formatDistributionWith(d: Distribution, formatDuration: (ms: number) => string): string {
  switch (d.type) {
    case 'const':
      return `const(${formatDuration(d.valueMs)})`;
    case 'exp':
      return `exp(${formatDuration(d.meanMs)})`;
    case 'uniform':
      return `uniform(${formatDuration(d.minMs)},${formatDuration(d.maxMs)})`;
    case 'normal':
      return `normal(${formatDuration(d.meanMs)},${formatDuration(d.sdMs)})`;
    case 'lognormal':
      return `lognormal(${formatDuration(d.medianMs)},${d.sigma})`;
    case 'pareto':
      return `pareto(${formatDuration(d.scaleMs)},${d.shape})`;
    case 'erlang':
      return `erlang(${d.k},${formatDuration(d.meanMs)})`;
  }
}

/** The mean of a distribution, in milliseconds (Infinity for a Pareto with shape ≤ 1). */
export function meanOf(d: Distribution): number {
  switch (d.type) {
    case 'const':
      return d.valueMs;
    case 'exp':
      return d.meanMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'normal':
      // Samples are clamped at 0; for sd ≪ mean this is the mean.
      return d.meanMs;
    case 'lognormal':
      return d.medianMs * Math.exp((d.sigma * d.sigma) / 2);
    case 'pareto':
      return d.shape > 1 ? (d.shape * d.scaleMs) / (d.shape - 1) : Infinity;
    case 'erlang':
      return d.meanMs;
  }
}

/** Rounds away floating-point noise (0.1 + 0.2) while keeping every meaningful digit. */
function roundForDisplay(value: number): number {
  return Number(value.toPrecision(12));
}
