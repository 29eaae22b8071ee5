import type { SimEvent } from './results';

/** A fault of the run and the first alert that fired at or after it (DESIGN.md §4: detection times). */
export interface Detection {
  readonly fault: SimEvent;
  /** Id of the alert rule that fired first (absent: no alert has fired since the fault). */
  readonly alert?: string;
  /** Seconds from the fault to that alert. */
  readonly afterSec?: number;
}

/** Event types that are faults: the things an alert is expected to detect. */
const FAULTS: ReadonlySet<SimEvent['type']> = new Set(['fail', 'hang', 'degrade', 'partition']);

/** Pairs each fault with the first alert to fire at or after it, in the order of the events. */
export function detectionsOf(events: readonly SimEvent[]): Detection[] {
  return events
    .filter((e) => FAULTS.has(e.type))
    .map((fault) => {
      const alert = events.find((e) => e.type === 'alert-firing' && e.t >= fault.t);
      return alert ? { fault, alert: alert.target, afterSec: alert.t - fault.t } : { fault };
    });
}
