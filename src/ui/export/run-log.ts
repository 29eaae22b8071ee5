import { useEffect } from 'react';
import { reportTotalsOf, toReportRow, type ReportRow } from '../../analysis/report';
import { seriesCsvOf } from '../../analysis/series-csv';
import { useArchStore, type ArchState } from '../../store/store';
import { countOf, keepKeys, unpackLast, type PackedRows, type RowKeys } from '../../worker/row-packing';

/**
 * The figures of a row the metrics export writes (`toReportRow(row, true)` reads these and no others),
 * kept for every second of the run. `test/run-log.test.ts` checks that a row cut down to them makes the
 * same report row.
 */
export const LOGGED_KEYS: RowKeys = {
  total: [
    'requests',
    'attempts',
    'ok',
    'failed',
    'errorRate',
    'mean',
    'p50',
    'p95',
    'p99',
    'sessionsLost',
    'writesLost',
    'duplicates',
    'staleReads',
    'redeliveries',
    'deadLettered',
    'wasted',
    'conflicts',
    'lostUpdates',
    'divergentKeys',
    'replicationLagMs',
  ],
  node: [
    'arrivals',
    'completed',
    'errors',
    'utilization',
    'queueLength',
    'p99',
    'wasted',
    'hitRatio',
    'cacheEntries',
    'evictions',
  ],
  causes: ['shed'],
};

/**
 * Every per-second row of the current run, for the metrics export. The store keeps only the rows the
 * charts need (the last few minutes); an export must not lose the rest, so this log keeps them all,
 * packed (src/worker/row-packing.ts: numbers in typed arrays, nothing for the garbage collector to walk
 * at speed Max) and cut down to the figures the export writes; they become the report's rows, with
 * the detailed figures `archplay simulate` writes too, when exported (a run lasts at most a day:
 * 86,400 rows).
 */
const log: { runId: number; runs: PackedRows[] } = { runId: -1, runs: [] };

function follow(state: ArchState, prev: ArchState): void {
  if (state.runId !== log.runId) {
    log.runId = state.runId;
    log.runs = [];
  }
  if (state.newRows === prev.newRows) return;
  for (const run of state.newRows) if (run.count) log.runs.push(keepKeys(run, LOGGED_KEYS));
}

/** Keeps the log following the store for as long as the calling component is mounted. */
export function useRunLog(): void {
  useEffect(() => useArchStore.subscribe(follow), []);
}

/** How many seconds of the current run the log holds. */
export function loggedSeconds(): number {
  return log.runId === useArchStore.getState().runId ? countOf(log.runs) : 0;
}

const rowsOfCurrentRun = (): readonly ReportRow[] =>
  log.runId === useArchStore.getState().runId
    ? unpackLast(log.runs).map((row) => toReportRow(row, true))
    : [];

/** The run's per-second rows as CSV: the same columns as `archplay simulate --csv`. */
export function metricsCsv(): string {
  const { doc } = useArchStore.getState();
  return seriesCsvOf(
    doc.nodes.map((n) => n.id),
    rowsOfCurrentRun(),
  );
}

/** The run so far as JSON in the shape of `archplay simulate --json` (totals, series, events). */
export function metricsJson(): string {
  const { doc, nowSec, totals, events } = useArchStore.getState();
  return `${JSON.stringify(
    {
      version: 1,
      seed: doc.sim.seed,
      duration_s: nowSec,
      ...(totals ? { totals: reportTotalsOf(totals) } : {}),
      series: rowsOfCurrentRun(),
      events,
    },
    null,
    2,
  )}\n`;
}
