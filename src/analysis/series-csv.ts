import { formatSignificant } from '../model/number-format';
import type { ReportNodeSecond, ReportRow, RunReport } from './report';

/**
 * The per-second series as CSV (`archplay simulate --csv`, and the page's Metrics CSV export): the
 * columns of DESIGN.md §6 first, in their order, then the ones added since, so that a reader that takes
 * columns by position keeps working (README "Share links", "Metastable failures").
 */
export function seriesCsv(report: RunReport): string {
  return seriesCsvOf(Object.keys(report.nodes), report.series);
}

/** The first columns: whole-system figures, then five per node. */
const NODE_COLUMNS = ['arrivals', 'completed', 'errors', 'utilization', 'queue'] as const;
/** Added after them: wasted work and shedding per node, and a cache's figures (caches only). */
const ADDED_NODE_COLUMNS = ['wasted', 'shed'] as const;
const CACHE_COLUMNS = ['hit_ratio', 'cache_entries', 'evictions'] as const;

/**
 * The CSV of per-second rows, with columns for each of `nodeIds`. A node is a cache with columns of its
 * own when its rows hold a hit ratio (a cache answering from cache). A figure the rows do not hold (a
 * compact row has no `shed`) is an empty field, never a 0 it did not measure.
 */
export function seriesCsvOf(nodeIds: readonly string[], series: readonly ReportRow[]): string {
  const caches = new Set(
    nodeIds.filter((id) => series.some((row) => row.nodes[id]?.hit_ratio !== undefined)),
  );
  const addedColumns = (id: string): readonly (keyof ReportNodeSecond)[] =>
    caches.has(id) ? [...ADDED_NODE_COLUMNS, ...CACHE_COLUMNS] : ADDED_NODE_COLUMNS;
  const header = [
    't',
    'requests',
    'attempts',
    'ok',
    'failed',
    'error_rate',
    'mean_ms',
    'p50_ms',
    'p95_ms',
    'p99_ms',
    ...nodeIds.flatMap((id) => NODE_COLUMNS.map((column) => `${id}.${column}`)),
    'wasted',
    ...nodeIds.flatMap((id) => addedColumns(id).map((column) => `${id}.${column}`)),
  ];
  const lines = series.map((row) =>
    [
      row.t,
      row.requests,
      row.attempts,
      row.ok,
      row.failed,
      row.error_rate,
      row.latency_ms.mean,
      row.latency_ms.p50,
      row.latency_ms.p95,
      row.latency_ms.p99,
      ...nodeIds.flatMap((id) => {
        const n = row.nodes[id];
        return n ? NODE_COLUMNS.map((column) => n[column]) : NODE_COLUMNS.map(() => 0);
      }),
      row.wasted,
      ...nodeIds.flatMap((id) => {
        const n = row.nodes[id];
        return addedColumns(id).map((column) => (n ? n[column] : 0));
      }),
    ]
      .map((value) => (typeof value === 'number' ? formatNumber(value) : ''))
      .join(','),
  );
  return [header.map(csvField).join(','), ...lines].join('\n') + '\n';
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : formatSignificant(value, 8);
}

/** Quotes a CSV field when it holds a comma, quote or line break (node ids are user text). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
