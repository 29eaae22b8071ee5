import { useEffect } from 'react';
import { reportTotalsOf, toReportRow, type ReportRow } from '../../analysis/report';
import { seriesCsvOf } from '../../analysis/series-csv';
import { useArchStore, type ArchState } from '../../store/store';

/**
 * Every per-second row of the current run, for the metrics export. The store keeps only the rows the
 * charts need (the last few minutes); an export must not lose the rest, so this log keeps them all, in
 * the report's form with the detailed figures `archplay simulate` writes too (a run lasts at most a day:
 * 86,400 rows).
 */
const log: { runId: number; rows: ReportRow[]; lastT: number } = { runId: -1, rows: [], lastT: -1 };

function follow(state: ArchState, prev: ArchState): void {
  if (state.runId !== log.runId) {
    log.runId = state.runId;
    log.rows = [];
    log.lastT = -1;
  }
  if (state.rows === prev.rows) return;
  for (const row of state.rows)
    if (row.t > log.lastT) {
      log.rows.push(toReportRow(row, true));
      log.lastT = row.t;
    }
}

/** Keeps the log following the store for as long as the calling component is mounted. */
export function useRunLog(): void {
  useEffect(() => useArchStore.subscribe(follow), []);
}

/** How many seconds of the current run the log holds. */
export function loggedSeconds(): number {
  return log.runId === useArchStore.getState().runId ? log.rows.length : 0;
}

const rowsOfCurrentRun = (): readonly ReportRow[] =>
  log.runId === useArchStore.getState().runId ? log.rows : [];

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
