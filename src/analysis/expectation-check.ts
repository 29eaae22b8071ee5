/**
 * Judging expectations (README.md, "Expectations") from the samples of one or more runs: pass or fail,
 * the measured value (or mean ± interval over replications), and where. A sweep expectation is judged
 * in every single-failure scenario and reports the worst one. Used by `archplay test` and the page.
 */
import type { Expectation } from '../model/expectation-types';
import type { ArchDocument } from '../model/types';
import { sweepTargets, withFailure } from './analysis';
import {
  latencyWindowsOf,
  measure,
  boundChecked,
  checkInterval,
  compareValue,
  expectationText,
  formatMeasured,
  whereText,
} from './expectations';
import { replicationSeeds, runSample, type RunSample } from './replications';
import type { RunOptions, RunReport } from './report';
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

/** One run a check needs: a document (the design, or one of its single-failure scenarios) and a seed. */
export interface PlannedRun {
  readonly doc: ArchDocument;
  readonly seed: number;
  readonly expectations: readonly Expectation[];
}

/**
 * The runs that check `expectations` on `replications` seeds: the document itself for the plain ones
 * (always run, since its totals are summarised too), then every single-failure scenario for the sweep
 * ones. Workers run them in any order; {@link judgePlan} reads their samples back in this order.
 */
export interface CheckPlan {
  readonly seeds: readonly number[];
  readonly expectations: readonly Expectation[];
  readonly atSec: number;
  readonly targets: readonly { readonly target: string; readonly kind: string }[];
  readonly runs: readonly PlannedRun[];
}

export function planCheck(
  doc: ArchDocument,
  replications: number,
  expectations = doc.expectations ?? [],
): CheckPlan {
  const seeds = replicationSeeds(doc.sim.seed, replications);
  const plain = expectations.filter((e) => !e.sweep);
  const sweeping = expectations.filter((e) => e.sweep);
  const targets = sweeping.length > 0 ? sweepTargets(doc) : [];
  const atSec = sweepFailureAtSec(doc);
  const runs: PlannedRun[] = [
    ...seeds.map((seed) => ({ doc, seed, expectations: plain })),
    ...targets.flatMap(({ target }) => {
      const failed = withFailure(doc, target, atSec);
      return seeds.map((seed) => ({ doc: failed, seed, expectations: sweeping }));
    }),
  ];
  return { seeds, expectations, atSec, targets, runs };
}

/** The samples of a plan's runs (in its order): the design's own, and each expectation's result. */
export function judgePlan(
  plan: CheckPlan,
  samples: readonly RunSample[],
): { own: RunSample[]; results: ExpectationResult[] } {
  const n = plan.seeds.length;
  const own = samples.slice(0, n);
  const plain = plan.expectations.filter((e) => !e.sweep);
  const sweeping = plan.expectations.filter((e) => e.sweep);
  const cases = plan.targets.map(({ target, kind }, i) => ({
    target,
    kind,
    samples: samples.slice(n * (i + 1), n * (i + 2)),
  }));
  const results = plan.expectations.map((e) =>
    e.sweep ? sweepResultOf(e, sweeping.indexOf(e), cases, plan.atSec) : resultOf(e, plain.indexOf(e), own),
  );
  return { own, results };
}

/**
 * Checks `expectations` (the document's own by default) on `replications` runs of the document, and
 * each sweep expectation on the same number of runs of every single-failure scenario, one run after
 * another (the page spreads the same plan over workers).
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
  const plan = planCheck(doc, replications, expectations);
  const samples = plan.runs.map((planned, i) => {
    const sample = runSample(planned.doc, planned.seed, planned.expectations, run);
    onProgress?.(i + 1, plan.runs.length);
    return sample;
  });
  const { results } = judgePlan(plan, samples);
  return {
    runs: replications,
    seeds: plan.seeds,
    results,
    passed: results.every((r) => r.status === 'pass'),
  };
}

/**
 * The expectations judged on the run in progress (the page's Expectations list): each on the live
 * report so far. Sweep expectations, confidence bounds and latency over a window need more than the
 * live run: they say where they are checked instead.
 */
export function liveResultsOf(
  expectations: readonly Expectation[],
  report: RunReport | null,
): ExpectationResult[] {
  return expectations.map((e) => {
    const base = { expectation: e, text: expectationText(e), where: whereText(e), runs: 0 };
    const elsewhere = (summary: string): ExpectationResult => ({ ...base, status: 'unmeasured', summary });
    if (e.sweep)
      return elsewhere('every single failure: checked by Run 30 seeds (Insight) and archplay test');
    if (e.confidence !== undefined)
      return elsewhere(
        `a ${Math.round(e.confidence * 100)}% bound: checked by Run 30 seeds (Insight) and archplay test`,
      );
    if (!report || report.series.length === 0) return elsewhere('press Play to measure');
    const m = measure(report, e);
    if ('missing' in m)
      return elsewhere(
        e.window && latencyWindowsOf([e]).length > 0 && /measured when the run ends/.test(m.missing)
          ? `latency over a window: checked by Run 30 seeds (Insight) and archplay test`
          : m.missing,
      );
    const verdict = judgeValues(e, [m.value]);
    return { ...base, ...verdict, summary: summaryOf(e, verdict) };
  });
}
