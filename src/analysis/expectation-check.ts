/**
 * Judging expectations (README.md, "Expectations") from the samples of one or more runs: pass or fail,
 * the measured value (or mean ± interval over replications), and where. A sweep expectation is judged
 * in every single-failure scenario and reports the worst one. Used by `archplay test` and the page.
 */
import type { Expectation } from '../model/expectation-types';
import type { ArchDocument } from '../model/types';
import { sweepTargets, withFailure } from './analysis';
import {
  boundChecked,
  checkInterval,
  compareValue,
  expectationText,
  formatMeasured,
  whereText,
} from './expectations';
import { replicationSeeds, runSample, type RunSample } from './replications';
import type { RunOptions } from './report';
import { confidenceInterval, type Interval } from './statistics';

export type ExpectationStatus = 'pass' | 'fail' | 'unmeasured';

/** One sweep scenario's verdict. */
export interface SweepCaseResult {
  readonly target: string;
  readonly kind: string;
  readonly status: ExpectationStatus;
  readonly measured?: number;
  readonly interval?: Interval;
}

export interface ExpectationResult {
  readonly expectation: Expectation;
  /** As written: `availability >= 99.9%`. */
  readonly text: string;
  readonly status: ExpectationStatus;
  /** How many runs it was measured on. */
  readonly runs: number;
  /** One run's value, or the mean over runs (a sweep: of its worst case). */
  readonly measured?: number;
  /** Over two or more runs. */
  readonly interval?: Interval;
  /** The number compared with the expected value: the value, the mean, or a confidence bound. */
  readonly checked?: number;
  /** Where it was measured: "totals, the whole run"; a sweep names its worst failure. */
  readonly where: string;
  /** One line saying what was measured, e.g. "99.95% (mean of 30 runs, 95% CI 99.91%–99.99%)". */
  readonly summary: string;
  /** Sweep expectations: each failure scenario, worst first. */
  readonly cases?: readonly SweepCaseResult[];
}

/** When a sweep expectation fails each component: at 60 s, or a third of a shorter run (as the sweep). */
export function sweepFailureAtSec(doc: ArchDocument): number {
  return doc.sim.durationSec > 90 ? 60 : Math.round(doc.sim.durationSec / 3);
}

interface Verdict {
  readonly status: ExpectationStatus;
  readonly runs: number;
  readonly measured?: number;
  readonly interval?: Interval;
  readonly checked?: number;
}

/** Judges one expectation on its measures over runs (nulls: runs where it could not be measured). */
export function judgeValues(e: Expectation, values: readonly (number | null)[]): Verdict {
  const measured = values.filter((v): v is number => v !== null);
  if (measured.length === 0 || measured.length < values.length)
    return { status: 'unmeasured', runs: measured.length };
  if (measured.length === 1 && e.confidence === undefined) {
    const value = measured[0] as number;
    return {
      status: compareValue(value, e.op, e.value) ? 'pass' : 'fail',
      runs: 1,
      measured: value,
      checked: value,
    };
  }
  const interval = confidenceInterval(measured, e.confidence ?? 0.95);
  if (e.confidence === undefined) {
    const pass = compareValue(interval.mean, e.op, e.value);
    return {
      status: pass ? 'pass' : 'fail',
      runs: measured.length,
      measured: interval.mean,
      interval,
      checked: interval.mean,
    };
  }
  // A bound from one run is no bound: the expectation stays unjudged until there are replications.
  if (measured.length < 2) return { status: 'unmeasured', runs: 1, measured: interval.mean };
  const pass = checkInterval(interval, e.op, e.value);
  return {
    status: pass ? 'pass' : 'fail',
    runs: measured.length,
    measured: interval.mean,
    interval,
    checked: boundChecked(interval, e.op, e.value),
  };
}

function summaryOf(e: Expectation, verdict: Verdict, reason?: string): string {
  if (verdict.status === 'unmeasured')
    return (
      reason ??
      (e.confidence !== undefined && verdict.runs < 2
        ? `needs replications: at ${Math.round(e.confidence * 100)}% is judged on a confidence bound`
        : 'not measured yet')
    );
  const value = formatMeasured(e.metric, verdict.measured as number);
  const interval = verdict.interval;
  if (!interval || verdict.runs < 2) return value;
  const level = `${Math.round(interval.level * 100)}% CI`;
  const range = `${formatMeasured(e.metric, interval.low)}–${formatMeasured(e.metric, interval.high)}`;
  const side = e.op.startsWith('<') ? 'upper bound' : e.op.startsWith('>') ? 'lower bound' : 'both bounds';
  const bound = e.confidence !== undefined ? `; ${side} checked` : '';
  return `${value} (mean of ${verdict.runs} runs, ${level} ${range}${bound})`;
}

/** The result of a plain (not sweep) expectation from the samples of the runs. */
export function resultOf(e: Expectation, index: number, samples: readonly RunSample[]): ExpectationResult {
  const verdict = judgeValues(
    e,
    samples.map((s) => s.measures[index] ?? null),
  );
  return {
    expectation: e,
    text: expectationText(e),
    where: whereText(e),
    summary: summaryOf(e, verdict),
    ...verdict,
  };
}

/** Orders sweep cases worst first for this expectation: failures first, then by distance from passing. */
function worstFirst(e: Expectation, cases: SweepCaseResult[]): SweepCaseResult[] {
  const rank = (c: SweepCaseResult) => (c.status === 'fail' ? 0 : c.status === 'unmeasured' ? 1 : 2);
  const direction = e.op.startsWith('>') ? 1 : -1;
  return [...cases].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      direction * ((a.measured ?? 0) - (b.measured ?? 0)) ||
      a.target.localeCompare(b.target),
  );
}

/** The result of a sweep expectation from each failure scenario's samples. */
export function sweepResultOf(
  e: Expectation,
  index: number,
  cases: readonly {
    readonly target: string;
    readonly kind: string;
    readonly samples: readonly RunSample[];
  }[],
  atSec: number,
): ExpectationResult {
  const judged = worstFirst(
    e,
    cases.map((c) => {
      const verdict = judgeValues(
        e,
        c.samples.map((s) => s.measures[index] ?? null),
      );
      return {
        target: c.target,
        kind: c.kind,
        status: verdict.status,
        ...(verdict.measured !== undefined ? { measured: verdict.measured } : {}),
        ...(verdict.interval ? { interval: verdict.interval } : {}),
      };
    }),
  );
  const worst = judged[0];
  const text = expectationText(e);
  if (!worst) {
    return {
      expectation: e,
      text,
      status: 'unmeasured',
      runs: 0,
      where: 'sweep',
      summary: 'nothing to fail: the design has no component',
      cases: [],
    };
  }
  const verdict = judgeValues(
    e,
    cases.find((c) => c.target === worst.target)?.samples.map((s) => s.measures[index] ?? null) ?? [],
  );
  const status: ExpectationStatus = judged.some((c) => c.status === 'fail')
    ? 'fail'
    : judged.some((c) => c.status === 'unmeasured')
      ? 'unmeasured'
      : 'pass';
  return {
    expectation: e,
    text,
    ...verdict,
    status,
    where: `worst: ${worst.target} failed at ${atSec} s (${judged.length} scenarios), ${whereText(e)}`,
    summary: summaryOf(e, verdict),
    cases: judged,
  };
}

/** What checking a document's expectations ran, and what it found. */
export interface ExpectationReport {
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly results: readonly ExpectationResult[];
  readonly passed: boolean;
}

/**
 * Checks `expectations` (the document's own by default) on `replications` runs of the document, and
 * each sweep expectation on the same number of runs of every single-failure scenario.
 */
export function checkExpectations(
  doc: ArchDocument,
  options: Omit<RunOptions, 'seed' | 'latencyWindows'> & {
    readonly replications?: number;
    readonly expectations?: readonly Expectation[];
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): ExpectationReport {
  const { replications = 1, expectations = doc.expectations ?? [], onProgress, ...run } = options;
  const seeds = replicationSeeds(doc.sim.seed, replications);
  const plain = expectations.filter((e) => !e.sweep);
  const sweeping = expectations.filter((e) => e.sweep);
  const targets = sweeping.length > 0 ? sweepTargets(doc) : [];
  const total = (plain.length > 0 ? seeds.length : 0) + targets.length * seeds.length;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  const plainSamples =
    plain.length > 0
      ? seeds.map((seed) => {
          const sample = runSample(doc, seed, plain, run);
          tick();
          return sample;
        })
      : [];
  const atSec = sweepFailureAtSec(doc);
  const cases = targets.map(({ target, kind }) => ({
    target,
    kind,
    samples: seeds.map((seed) => {
      const sample = runSample(withFailure(doc, target, atSec), seed, sweeping, run);
      tick();
      return sample;
    }),
  }));
  const results = expectations.map((e) =>
    e.sweep
      ? sweepResultOf(e, sweeping.indexOf(e), cases, atSec)
      : resultOf(e, plain.indexOf(e), plainSamples),
  );
  return { runs: replications, seeds, results, passed: results.every((r) => r.status === 'pass') };
}
