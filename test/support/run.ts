import type { ArchDocument } from '../../src/model/types';
import { createSimulation } from '../../src/sim/engine';
import type { SecondRow, SimEvent } from '../../src/sim/results';

/** Runs a document to its end in slices, collecting every row and event. */
export function runAll(doc: ArchDocument, sliceSec = 7) {
  const sim = createSimulation(doc);
  const rows: SecondRow[] = [];
  const events: SimEvent[] = [];
  while (!sim.done) {
    sim.advance(sim.nowSec + sliceSec, 500_000);
    rows.push(...sim.takeRows());
    events.push(...sim.takeEvents());
  }
  return { rows, events, totals: sim.totals(), nodes: sim.nodeTotals() };
}

/** Sum of a per-second figure over rows whose start is in [fromSec, toSec). */
export function sumOver(
  rows: readonly SecondRow[],
  fromSec: number,
  toSec: number,
  pick: (row: SecondRow) => number,
): number {
  return rows.filter((row) => row.t >= fromSec && row.t < toSec).reduce((sum, row) => sum + pick(row), 0);
}
