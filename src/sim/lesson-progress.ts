/**
 * Whether a lesson step's condition holds (src/model/lesson-types.ts): user actions done while the step
 * was current, or the state of the run. Pure: the store passes what happened and what the run shows.
 */
import type { LessonCondition } from '../model/lesson-types';
import type { SecondRow, SimEvent } from './results';

/** Something the user did, as a lesson step can ask for it. */
export type LessonAction =
  | { readonly kind: 'play' }
  | { readonly kind: 'fail' | 'recover' | 'select'; readonly target: string }
  | { readonly kind: 'panel'; readonly panel: string };

/** What the run shows now. */
export interface LessonRunView {
  readonly nowSec: number;
  readonly done: boolean;
  readonly events: readonly SimEvent[];
  readonly lastRow: SecondRow | null;
}

/**
 * The simulated time at which `condition` came to hold for a step that became current at `sinceSec`,
 * given the actions done since then and the run as it is now; undefined while it does not hold. A run
 * condition met inside the last batch of the run (an event at 65 s reported with the clock at 66 s)
 * gives its own time, so the next step's waits and events count from there.
 */
export function conditionMetAt(
  condition: LessonCondition,
  run: LessonRunView,
  sinceSec: number,
  actions: readonly LessonAction[],
): number | undefined {
  const at = (held: boolean, t = run.nowSec) => (held ? Math.min(t, run.nowSec) : undefined);
  switch (condition.when) {
    case 'play':
      return at(actions.some((a) => a.kind === 'play'));
    case 'fail':
    case 'recover':
    case 'select':
      return at(
        actions.some((a) => a.kind === condition.when && 'target' in a && a.target === condition.target),
      );
    case 'panel':
      return at(actions.some((a) => a.kind === 'panel' && a.panel === condition.panel));
    case 'time':
      return at(run.nowSec >= condition.atSec, condition.atSec);
    case 'wait':
      return at(run.nowSec >= sinceSec + condition.forSec, sinceSec + condition.forSec);
    case 'event': {
      const event = run.events.find(
        (e) =>
          e.t >= sinceSec &&
          e.type === condition.event &&
          (condition.target === undefined || e.target === condition.target),
      );
      return event ? at(true, event.t) : undefined;
    }
    case 'metric': {
      if (!run.lastRow) return undefined;
      const value = metricOf(condition.metric, run.lastRow);
      return at(condition.above !== undefined ? value > condition.above : value < (condition.below ?? 0));
    }
    case 'done':
      return at(run.done);
  }
}

/** Whether `condition` holds now (see {@link conditionMetAt}). */
export function conditionHolds(
  condition: LessonCondition,
  run: LessonRunView,
  sinceSec: number,
  actions: readonly LessonAction[],
): boolean {
  return conditionMetAt(condition, run, sinceSec, actions) !== undefined;
}

/** The whole system's figure in a second: error rate (share), p99 (ms), backlog (messages), ok/s. */
export function metricOf(metric: 'error_rate' | 'p99' | 'backlog' | 'throughput', row: SecondRow): number {
  switch (metric) {
    case 'error_rate':
      return row.total.errorRate;
    case 'p99':
      return row.total.p99;
    case 'backlog':
      return Object.values(row.nodes).reduce((sum, n) => sum + (n.backlog ?? 0), 0);
    case 'throughput':
      return row.total.ok;
  }
}
