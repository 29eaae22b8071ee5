import type { SimEvent } from '../../sim/results';

/** Whether each alert rule is firing now: its last firing event has no resolving event after it. */
export function firingRules(events: readonly SimEvent[]): ReadonlySet<string> {
  const firing = new Set<string>();
  for (const e of events) {
    if (e.type === 'alert-firing') firing.add(e.target);
    else if (e.type === 'alert-resolved') firing.delete(e.target);
  }
  return firing;
}
