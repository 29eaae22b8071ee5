/**
 * The text form of an expectation (README.md, "Expectations"), shared by the Mermaid annotation
 * `%% @expect …` and the page's Expectations list:
 *
 *   [sweep] [NODE.]METRIC OP VALUE [during FROM..TO] [at LEVEL%]
 *
 * e.g. `availability >= 99.9%`, `p99 <= 250ms during 60s..120s`, `S1.utilization < 80%`,
 * `sweep availability >= 99%`, `availability >= 99.9% at 95%`. Errors carry the 0-based offset of the
 * word they are about, so callers can point at it.
 */
import { formatSignificant } from './number-format';
import {
  EXPECT_METRICS,
  EXPECT_OPS,
  expectMetricInfo,
  type ExpectOp,
  type Expectation,
  type MetricUnit,
} from './expectation-types';
import { parseDurationMs, parseProbability, parseRatePerSec, type Parsed } from './units';

export type ParsedExpectation =
  | { readonly ok: true; readonly expectation: Expectation }
  | { readonly ok: false; readonly error: string; readonly offset: number; readonly hint?: string };

interface Word {
  readonly text: string;
  readonly offset: number;
}

const EXAMPLE = 'examples: availability >= 99.9%, p99 <= 250ms during 60s..120s, S1.utilization < 80%';

/** Splits on spaces, and around an operator written without spaces (`p99<=250ms`). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const re = /<=|>=|==|!=|<|>|[^\s<>=!]+|[=!]/g;
  for (let match = re.exec(text); match; match = re.exec(text))
    words.push({ text: match[0], offset: match.index });
  return words;
}

/** Reads the value of a metric in its unit: `99.9%` for shares, `250ms` for latencies, `400/s`, `10`. */
export function parseMetricValue(unit: MetricUnit, text: string): Parsed<number> {
  if (unit === 'share') return parseProbability(text);
  if (unit === 'ms') {
    const parsed = parseDurationMs(text, 'ms');
    return parsed.ok && !Number.isFinite(parsed.value)
      ? { ok: false, error: 'a latency bound must be finite' }
      : parsed;
  }
  if (unit === 'rate') return parseRatePerSec(text);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, error: `"${text}" is not a number` };
  if (value < 0) return { ok: false, error: 'a count cannot be negative' };
  return { ok: true, value };
}

/** Parses one expectation from its text form. */
export function parseExpectation(text: string): ParsedExpectation {
  const words = wordsOf(text);
  const fail = (word: Word | undefined, error: string, hint?: string): ParsedExpectation => ({
    ok: false,
    error,
    offset: word?.offset ?? text.length,
    ...(hint ? { hint } : {}),
  });
  let i = 0;
  let sweep = false;
  if (words[0]?.text === 'sweep') {
    sweep = true;
    i = 1;
  }
  const subject = words[i];
  if (!subject) return fail(undefined, 'an expectation needs a metric', EXAMPLE);
  const dot = subject.text.lastIndexOf('.');
  const target = dot > 0 ? subject.text.slice(0, dot) : undefined;
  const metricName = dot > 0 ? subject.text.slice(dot + 1) : subject.text;
  const info = expectMetricInfo(metricName);
  const scope = target === undefined ? 'total' : 'node';
  if (!info || !info.scopes.includes(scope)) {
    const names = EXPECT_METRICS.filter((metric) => metric.scopes.includes(scope)).map((x) => x.name);
    const what = target === undefined ? 'metric' : `metric of a node (${target})`;
    return fail(
      { text: metricName, offset: subject.offset + (dot > 0 ? dot + 1 : 0) },
      `unknown ${what} "${metricName}" (use ${names.join(', ')})`,
    );
  }
  const opWord = words[i + 1];
  if (!opWord || !EXPECT_OPS.includes(opWord.text as ExpectOp))
    return fail(opWord, `expected a comparison (${EXPECT_OPS.join(' ')}) after ${subject.text}`, EXAMPLE);
  const valueWord = words[i + 2];
  if (!valueWord) return fail(undefined, `expected a value after ${opWord.text}`, EXAMPLE);
  const value = parseMetricValue(info.unit, valueWord.text);
  if (!value.ok) return fail(valueWord, `${metricName}: ${value.error}`);
  let expectation: Expectation = {
    metric: metricName,
    op: opWord.text as ExpectOp,
    value: value.value,
    ...(target !== undefined ? { target } : {}),
    ...(sweep ? { sweep: true } : {}),
  };
  i += 3;
  while (i < words.length) {
    const word = words[i] as Word;
    const argument = words[i + 1];
    if (word.text === 'during' && !expectation.window) {
      const window = argument && parseWindow(argument.text);
      if (!argument || !window) return fail(argument ?? word, 'during needs FROM..TO, e.g. during 60s..120s');
      if (typeof window === 'string') return fail(argument, window);
      if (!info.windowed) return fail(word, `${metricName} is a whole-run figure: it has no window`);
      expectation = { ...expectation, window };
    } else if (word.text === 'at' && expectation.confidence === undefined) {
      const level = argument && parseProbability(argument.text);
      if (!argument || !level) return fail(argument ?? word, 'at needs a confidence level, e.g. at 95%');
      if (!level.ok || !(level.value > 0 && level.value < 1))
        return fail(argument, 'the confidence level must be above 0% and below 100%, e.g. at 95%');
      expectation = { ...expectation, confidence: level.value };
    } else {
      return fail(word, `unexpected "${word.text}" (after the value: during FROM..TO, at LEVEL%)`);
    }
    i += 2;
  }
  return { ok: true, expectation };
}

/** `60s..120s` → seconds, or a message; undefined when the text has no `..`. */
function parseWindow(text: string): { fromSec: number; toSec: number } | string | undefined {
  const parts = text.split('..');
  if (parts.length !== 2) return undefined;
  const from = secondsOf(parts[0] as string);
  const to = secondsOf(parts[1] as string);
  if (!from.ok) return from.error;
  if (!to.ok) return to.error;
  if (!Number.isFinite(to.value)) return 'the window must end at a finite time';
  if (!(to.value > from.value)) return 'the window must end after it starts';
  return { fromSec: from.value, toSec: to.value };
}

/** A time in seconds; `90s` and `90` are read as written, so the text form gives back the same number. */
function secondsOf(text: string): Parsed<number> {
  const plain = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)s?$/i.exec(text.trim());
  if (plain) {
    const value = Number(plain[1]);
    return value >= 0 ? { ok: true, value } : { ok: false, error: 'a time cannot be negative' };
  }
  const parsed = parseDurationMs(text, 's');
  return parsed.ok ? { ok: true, value: parsed.value / 1000 } : parsed;
}

/** A share as a percentage when that reads back exactly (`99.9%`), else as the plain number. */
function shareText(value: number): string {
  const percent = `${formatSignificant(value * 100, 12)}%`;
  const back = parseProbability(percent);
  return back.ok && back.value === value ? percent : String(value);
}

/** A metric's value as written in the text form (reads back to the same number). */
export function formatMetricValue(unit: MetricUnit, value: number): string {
  if (unit === 'share') return shareText(value);
  if (unit === 'ms') return `${value}ms`;
  if (unit === 'rate') return `${value}/s`;
  return String(value);
}

/** The text form of an expectation; parsing it gives the same expectation. */
export function formatExpectation(expectation: Expectation): string {
  const info = expectMetricInfo(expectation.metric);
  const subject = expectation.target ? `${expectation.target}.${expectation.metric}` : expectation.metric;
  const parts = [
    ...(expectation.sweep ? ['sweep'] : []),
    subject,
    expectation.op,
    formatMetricValue(info?.unit ?? 'count', expectation.value),
  ];
  if (expectation.window)
    parts.push('during', `${expectation.window.fromSec}s..${expectation.window.toSec}s`);
  if (expectation.confidence !== undefined) parts.push('at', shareText(expectation.confidence));
  return parts.join(' ');
}
