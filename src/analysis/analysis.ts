import { costPerHourOf } from '../model/defaults';
import type { ArchDocument, ScenarioStep } from '../model/types';
import { runReport, type RunOptions, type RunReport } from './report';

/** One row of a single-point-of-failure sweep (DESIGN.md §6 `sweep --json`). */
export interface SweepEntry {
  readonly target: string;
  /** The node's kind, or `group`. */
  readonly kind: string;
  readonly availability: number;
  readonly failed: number;
  readonly p99_ms: number;
  readonly writes_lost: number;
  readonly sessions_lost: number;
}

export interface SweepResult {
  readonly version: 1;
  /** Worst first: lowest availability, ties broken by failed requests. */
  readonly ranking: readonly SweepEntry[];
}

/** What a sweep fails, one at a time: every node that serves traffic, and every group. */
export function sweepTargets(doc: ArchDocument): { readonly target: string; readonly kind: string }[] {
  return [
    ...doc.nodes
      .filter((node) => node.kind !== 'client')
      .map((node) => ({ target: node.id, kind: node.kind as string })),
    ...doc.groups.map((group) => ({ target: group.id, kind: 'group' })),
  ];
}

/**
 * The design at full health with one crash, of `target` at `atSec`: a sweep asks what each component is
 * worth to the design, so nodes drawn as failed start up and the document's own scenario is left out.
 */
export function withFailure(doc: ArchDocument, target: string, atSec: number): ArchDocument {
  const step: ScenarioStep = { atSec, action: 'fail', target };
  const healthy = doc.nodes.map((node) => {
    if (!node.startsFailed) return node;
    const { startsFailed: _drawnFailed, ...up } = node;
    return up as typeof node;
  });
  return { ...doc, nodes: healthy, scenario: [step] };
}

/** Runs one sweep case: the document with `target` failed at `atSec`, same seed. */
export function sweepCase(
  doc: ArchDocument,
  target: string,
  kind: string,
  atSec: number,
  options: RunOptions = {},
): SweepEntry {
  const report = runReport(withFailure(doc, target, atSec), options);
  const t = report.totals;
  return {
    target,
    kind,
    availability: t.availability,
    failed: t.failed,
    p99_ms: t.latency_ms.p99,
    writes_lost: t.writes_lost,
    sessions_lost: t.sessions_lost,
  };
}

/** Orders sweep rows worst first. */
export function rankSweep(entries: readonly SweepEntry[]): SweepEntry[] {
  return [...entries].sort(
    (a, b) => a.availability - b.availability || b.failed - a.failed || a.target.localeCompare(b.target),
  );
}

/**
 * Single-point-of-failure sweep (issue "Insight"): fails each node and each group in turn, at the same
 * time and with the same seed, and ranks them by impact. `onProgress` is told after each case.
 */
export function sweep(
  doc: ArchDocument,
  atSec: number,
  options: RunOptions & { onProgress?: (done: number, total: number) => void } = {},
): SweepResult {
  const targets = sweepTargets(doc);
  const entries = targets.map(({ target, kind }, i) => {
    const entry = sweepCase(doc, target, kind, atSec, options);
    options.onProgress?.(i + 1, targets.length);
    return entry;
  });
  return { version: 1, ranking: rankSweep(entries) };
}

/** A run's totals for a side-by-side comparison, with the design's running cost. */
export type CompareTotals = RunReport['totals'] & { readonly cost_per_hour: number };

export interface CompareResult {
  readonly version: 1;
  readonly a: CompareTotals;
  readonly b: CompareTotals;
}

/** The design's running cost per hour: the sum over its nodes. */
export function costPerHour(doc: ArchDocument): number {
  return doc.nodes.reduce((sum, node) => sum + costPerHourOf(node), 0);
}

/** A and B as twin runs use them: A's seed and duration for both, and A's scenario unless B has its own. */
export function twinPair(a: ArchDocument, b: ArchDocument): [ArchDocument, ArchDocument] {
  return [
    a,
    {
      ...b,
      sim: { ...b.sim, seed: a.sim.seed, durationSec: a.sim.durationSec },
      scenario: b.scenario.length > 0 ? b.scenario : a.scenario,
    },
  ];
}

/**
 * Twin runs (DESIGN.md §6 `compare`): A and B with the same seed and the same scenario (A's, unless B has
 * its own), totals side by side.
 */
export function compare(a: ArchDocument, b: ArchDocument, options: RunOptions = {}): CompareResult {
  const seed = options.seed ?? a.sim.seed;
  const durationSec = options.durationSec ?? a.sim.durationSec;
  const twin: RunOptions = { ...options, seed, durationSec };
  const reportA = runReport(a, twin);
  const reportB = runReport(b.scenario.length > 0 ? b : { ...b, scenario: a.scenario }, twin);
  return {
    version: 1,
    a: { ...reportA.totals, cost_per_hour: costPerHour(a) },
    b: { ...reportB.totals, cost_per_hour: costPerHour(b) },
  };
}
