import { buildReport, type RunReport } from '../analysis/report';
import type { ArchState } from './store';

/**
 * The run so far as a report (`archplay simulate --json`'s shape), built from what the worker streamed to
 * the store: the same rows, events and totals the engine gave, so an account of it quotes the numbers a
 * headless run of the same document reports. Node totals are not streamed: `nodes` is empty. Null before
 * the first batch.
 */
export function liveReportOf(
  s: Pick<ArchState, 'doc' | 'nowSec' | 'rows' | 'events' | 'totals'>,
): RunReport | null {
  if (!s.totals) return null;
  return buildReport({
    seed: s.doc.sim.seed,
    nowSec: s.nowSec,
    rows: s.rows,
    events: s.events,
    totals: s.totals,
    nodes: {},
  });
}
