/**
 * The answer to a lesson's question, computed from the run's own numbers (never written in the lesson):
 * the same function serves the browser (the live run's totals, events and rows) and the tests (a
 * headless run's report).
 */
import { costPerHourOf } from '../model/defaults';
import type { AnswerMetric } from '../model/lesson-types';
import type { ArchDocument } from '../model/types';
import type { RunReport } from './report';
import type { RunTotals, SecondRow, SimEvent } from '../sim/results';

/** What a question's answer is computed from. */
export interface RunNumbers {
  readonly totals: {
    readonly ok: number;
    readonly failed: number;
    readonly availability: number;
    readonly p99Ms: number;
    readonly writesLost: number;
    readonly sessionsLost: number;
    readonly redeliveries: number;
    readonly duplicates: number;
    readonly conflicts: number;
    readonly lostUpdates: number;
    /** Work completed for callers that had already given up (README "Goodput and wasted work"). */
    readonly wasted: number;
  };
  readonly events: readonly Pick<SimEvent, 't' | 'type' | 'target'>[];
  /** Failed requests per simulated second. */
  readonly series: readonly { readonly t: number; readonly failed: number }[];
  /** Simulated seconds run. */
  readonly durationSec: number;
}

/** The numbers of a headless run (`runReport`). */
export function numbersOfReport(report: RunReport): RunNumbers {
  const t = report.totals;
  return {
    totals: {
      ok: t.ok,
      failed: t.failed,
      availability: t.availability,
      p99Ms: t.latency_ms.p99,
      writesLost: t.writes_lost,
      sessionsLost: t.sessions_lost,
      redeliveries: t.redeliveries,
      duplicates: t.duplicates,
      conflicts: t.conflicts ?? 0,
      lostUpdates: t.lost_updates ?? 0,
      wasted: t.wasted,
    },
    events: report.events.map((e) => ({ t: e.t, type: e.type as SimEvent['type'], target: e.target })),
    series: report.series.map((row) => ({ t: row.t, failed: row.failed })),
    durationSec: report.duration_s,
  };
}

/** The numbers of the run shown in the browser. */
export function numbersOfRun(
  totals: RunTotals,
  events: readonly SimEvent[],
  rows: readonly SecondRow[],
  nowSec: number,
): RunNumbers {
  return {
    totals: {
      ok: totals.ok,
      failed: totals.failed,
      availability: totals.availability,
      p99Ms: totals.latencyMs.p99,
      writesLost: totals.writesLost,
      sessionsLost: totals.sessionsLost,
      redeliveries: totals.redeliveries,
      duplicates: totals.duplicates,
      conflicts: totals.conflicts,
      lostUpdates: totals.lostUpdates,
      wasted: totals.wasted,
    },
    events,
    series: rows.map((row) => ({ t: row.t, failed: row.total.failed })),
    durationSec: nowSec,
  };
}

const FAULTS = new Set(['fail', 'hang', 'degrade', 'partition']);
/** Events by which the system shows it has noticed a fault. */
const NOTICED = new Set(['hc-down', 'eject', 'promote', 'alert-firing']);

/** The first fault and the first sign, at or after it, that the system noticed. */
function detectionWindow(numbers: RunNumbers): { from: number; to: number } | undefined {
  const fault = numbers.events.find((e) => FAULTS.has(e.type));
  if (!fault) return undefined;
  const noticed = numbers.events.find((e) => NOTICED.has(e.type) && e.t >= fault.t);
  return noticed ? { from: fault.t, to: noticed.t } : undefined;
}

/**
 * The run's figure for a question, rounded as the page shows it (whole requests, seconds to 0.1, percent,
 * milliseconds and money to 0.01: availability as the run totals show it, so the answer is the figure on
 * screen); undefined when the run has not produced it (no fault yet, no alert).
 */
export function answerOf(metric: AnswerMetric, numbers: RunNumbers, doc: ArchDocument): number | undefined {
  const t = numbers.totals;
  switch (metric) {
    case 'failed':
      return t.failed;
    case 'ok':
      return t.ok;
    case 'availability':
      return round(t.availability * 100, 0.01);
    case 'p99_ms':
      return round(t.p99Ms, 0.01);
    case 'writes_lost':
      return t.writesLost;
    case 'sessions_lost':
      return t.sessionsLost;
    case 'redeliveries':
      return t.redeliveries;
    case 'duplicates':
      return t.duplicates;
    case 'conflicts':
      return t.conflicts;
    case 'lost_updates':
      return t.lostUpdates;
    case 'wasted':
      return t.wasted;
    case 'detection_s': {
      const window = detectionWindow(numbers);
      return window ? round(window.to - window.from, 1) : undefined;
    }
    case 'window_failed': {
      const window = detectionWindow(numbers);
      if (!window) return undefined;
      // Whole seconds overlapping the window: the second of the fault through the second it was noticed.
      return numbers.series
        .filter((row) => row.t >= Math.floor(window.from) && row.t < Math.ceil(window.to))
        .reduce((sum, row) => sum + row.failed, 0);
    }
    case 'alert_after_s': {
      const fault = numbers.events.find((e) => FAULTS.has(e.type));
      const alert = fault && numbers.events.find((e) => e.type === 'alert-firing' && e.t >= fault.t);
      return fault && alert ? round(alert.t - fault.t, 1) : undefined;
    }
    case 'cost_per_million': {
      if (t.ok === 0 || numbers.durationSec <= 0) return undefined;
      const perHour = doc.nodes.reduce((sum, node) => sum + costPerHourOf(node), 0);
      return round(((perHour * numbers.durationSec) / 3600 / t.ok) * 1e6, 0.01);
    }
  }
}

function round(value: number, step: number): number {
  // toFixed drops the float noise of the multiplication (0.30000000000000004).
  return Number((Math.round(value / step) * step).toFixed(4));
}

/** Whether a person's answer is within the question's tolerance of the run's figure. */
export function answerIsClose(given: number, actual: number, tolerance: number): boolean {
  if (!Number.isFinite(given)) return false;
  return Math.abs(given - actual) <= Math.max(tolerance * Math.abs(actual), actual === 0 ? 0.5 : 0);
}

/** Units shown beside each figure. */
export const ANSWER_UNITS: Readonly<Record<AnswerMetric, string>> = {
  failed: 'requests',
  ok: 'requests',
  availability: '%',
  p99_ms: 'ms',
  writes_lost: 'writes',
  sessions_lost: 'sessions',
  redeliveries: 'messages',
  duplicates: 'messages',
  detection_s: 's',
  window_failed: 'requests',
  alert_after_s: 's',
  cost_per_million: 'per million requests',
  conflicts: 'conflicts',
  lost_updates: 'updates',
  wasted: 'completions',
};
