import type { SecondRow, SimEvent } from '../sim/results';
import { percentOf } from './format';

/** Width of the charts' sliding window of simulated time. */
export const WINDOW_SEC = 120;

/** One point of the charts: a simulated second. Every value is finite. */
export interface ChartPoint {
  readonly t: number;
  readonly ok: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errorPct: number;
  /** A message queue's own series: messages not yet acknowledged at the end of the second. */
  readonly backlog?: number;
  /** Multi-primary peers (whole system only): keys divergent at the end of the second. */
  readonly divergentKeys?: number;
  /** Multi-primary peers: conflicts settled and updates lost during the second. */
  readonly conflicts?: number;
  readonly lostUpdates?: number;
  /** Attempts sent (requests plus retries) by the clients, or requests reaching a node: the offered load. */
  readonly attempts?: number;
  /** Work completed for callers that had already given up (README "Goodput and wasted work"). */
  readonly wasted?: number;
}

const finite = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v : 0);

/**
 * Seconds the shared x axis spans: {@link WINDOW_SEC}, or the whole run when it is shorter (a 90 s
 * lesson is drawn over 0–90 s, not over an empty last quarter).
 */
export function windowSpanOf(durationSec: number): number {
  return Math.min(WINDOW_SEC, Math.max(1, Math.ceil(durationSec)));
}

/** The shared x-axis range: the last `span` seconds, or [0, span] early in a run. */
export function windowOf(nowSec: number, span: number = WINDOW_SEC): readonly [number, number] {
  const start = Math.max(0, Math.ceil(nowSec) - span);
  return [start, start + span];
}

/** The chart points from `start` on: the whole system's, or one node's own when `nodeId` is given. */
export function chartPoints(rows: readonly SecondRow[], start: number, nodeId: string | null): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const row of rows) {
    if (row.t < start) continue;
    if (nodeId === null) {
      const { total } = row;
      points.push({
        t: row.t,
        ok: finite(total.ok),
        p50: finite(total.p50),
        p95: finite(total.p95),
        p99: finite(total.p99),
        errorPct: percentOf(total.failed, total.ok + total.failed),
        attempts: finite(total.attempts),
        wasted: finite(total.wasted),
        ...(total.divergentKeys !== undefined
          ? {
              divergentKeys: finite(total.divergentKeys),
              conflicts: finite(total.conflicts),
              lostUpdates: finite(total.lostUpdates),
            }
          : {}),
      });
    } else {
      const node = row.nodes[nodeId];
      points.push({
        t: row.t,
        ok: finite(node?.completed),
        p50: finite(node?.p50),
        p95: finite(node?.p95),
        p99: finite(node?.p99),
        errorPct: percentOf(finite(node?.errors), finite(node?.completed) + finite(node?.errors)),
        ...(node?.backlog !== undefined ? { backlog: finite(node.backlog) } : {}),
        attempts: finite(node?.arrivals),
        wasted: finite(node?.wasted),
      });
    }
  }
  return points;
}

/** The events inside the window of `span` seconds that begins at `start`, for markers. */
export function eventsInWindow(
  events: readonly SimEvent[],
  start: number,
  span: number = WINDOW_SEC,
): SimEvent[] {
  return events.filter((e) => e.t >= start && e.t <= start + span);
}

/** X-axis ticks on whole multiples of 20 s, so they read as round numbers while the window slides. */
export function ticksOf(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(start / 20) * 20; t <= end; t += 20) ticks.push(t);
  return ticks;
}
