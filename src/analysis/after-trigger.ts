import type { ScenarioStep } from '../model/types';
import type { ReportRow } from './report';

/**
 * What a run still costs once its scenario is over (README "Metastable failures"): a metastable failure
 * is one that outlives its trigger, so twin runs compare the failures from the scenario's last step on
 * and the goodput at the run's end, where a mitigation shows or does not.
 */
export interface AfterTrigger {
  /** The scenario's last step, in simulated seconds. */
  readonly fromSec: number;
  /** Requests failed in the seconds from `fromSec` on. */
  readonly failed: number;
  /** Seconds at the end of the run the goodput is averaged over. */
  readonly tailSec: number;
  /** Clients' ok/s over the tail. */
  readonly goodputRps: number;
  /** Clients' new requests/s over the tail: what goodput would be if every request succeeded. */
  readonly offeredRps: number;
}

/** The tail the goodput is read over: long enough to smooth a second's noise, short of the scenario. */
const TAIL_SEC = 20;

/** {@link AfterTrigger} of a run's per-second series; null when no step falls inside the run. */
export function afterTriggerOf(
  scenario: readonly ScenarioStep[],
  series: readonly ReportRow[],
  durationSec: number,
): AfterTrigger | null {
  const inside = scenario.filter((step) => step.atSec < durationSec);
  if (inside.length === 0) return null;
  const fromSec = Math.max(...inside.map((step) => step.atSec));
  const tailSec = Math.max(1, Math.min(TAIL_SEC, Math.floor(durationSec - fromSec)));
  // Row t covers [t, t + 1): the step's own second counts as after it.
  const after = series.filter((row) => row.t >= Math.floor(fromSec));
  const tail = series.filter((row) => row.t >= durationSec - tailSec);
  const perSec = (pick: (row: ReportRow) => number) =>
    tail.length === 0 ? 0 : tail.reduce((sum, row) => sum + pick(row), 0) / tail.length;
  return {
    fromSec,
    failed: after.reduce((sum, row) => sum + row.failed, 0),
    tailSec,
    goodputRps: perSec((row) => row.ok),
    offeredRps: perSec((row) => row.requests),
  };
}
