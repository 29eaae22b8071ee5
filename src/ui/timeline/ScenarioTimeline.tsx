import { memo } from 'react';
import { SCENARIO_ACTIONS } from '../../model/types';
import type { SimEvent } from '../../sim/results';
import { selectDoc, selectNowSec } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../target-label';
import { describeEvent, eventColour } from '../describe-event';
import { formatSec } from '../format';
import { stepText } from '../../model/step-text';

interface Props {
  /** Start of the charts' window (simulated seconds): the strip shows the same 120 s. */
  readonly windowStart: number;
  /** Seconds the charts' axis spans (chart-data.ts `windowSpanOf`). */
  readonly span: number;
  readonly events: readonly SimEvent[];
}

const TICK_EVERY_SEC = 20;
/**
 * Scenario steps are faults the user planned: they get diamonds; the engine's own events get ticks. The
 * engine notes each step under its action's name (a hang as `hang`).
 */
const STEP_EVENTS = new Set<string>([...SCENARIO_ACTIONS, 'hang']);

/**
 * The scenario on the charts' time axis: planned steps (hollow until they happen, then filled), the
 * engine's events (detection, ejection, promotion, breaker...) as ticks, and the current time.
 */
function ScenarioTimelineView({ windowStart, span, events }: Props) {
  const doc = useArchStore(selectDoc);
  const nowSec = useArchStore(selectNowSec);
  const end = windowStart + span;
  const percentAt = (t: number, start: number) => `${((t - start) / span) * 100}%`;
  const labelOf = (id: string) => targetLabelOf(doc, id);
  const steps = doc.scenario.filter((s) => s.atSec >= windowStart && s.atSec <= end);
  const later = doc.scenario.filter((s) => s.atSec > end).length;
  const engineEvents = events.filter((e) => e.t >= windowStart && e.t <= end && !STEP_EVENTS.has(e.type));
  const ticks: number[] = [];
  for (let t = Math.ceil(windowStart / TICK_EVERY_SEC) * TICK_EVERY_SEC; t <= end; t += TICK_EVERY_SEC)
    ticks.push(t);
  return (
    <section className="timeline" role="region" aria-label="Timeline">
      <span className="timeline__title" aria-hidden="true">
        Timeline
      </span>
      <div className="timeline__track">
        {ticks.map((t) => (
          <span key={t} className="timeline__tick" style={{ left: percentAt(t, windowStart) }}>
            {t} s
          </span>
        ))}
        {engineEvents.map((e, i) => (
          <span
            key={`${i}-${e.t}`}
            className="timeline__event"
            style={{ left: percentAt(e.t, windowStart), background: eventColour(e.type) }}
            title={`${formatSec(e.t)} ${describeEvent(e, labelOf)}`}
          />
        ))}
        {steps.map((s, i) => {
          const past = s.atSec <= nowSec;
          const text = stepText(s, labelOf);
          // A label may run up to the next step (it ends in an ellipsis there; the tooltip has it whole).
          const next = Math.min(end, ...steps.filter((n) => n.atSec > s.atSec).map((n) => n.atSec));
          const room = steps.some((n, j) => j > i && n.atSec === s.atSec) ? 0 : next - s.atSec;
          return (
            <span
              key={`${i}-${s.atSec}`}
              className={`timeline__step timeline__step--${s.action} ${past ? 'timeline__step--past' : ''}`}
              style={{ left: percentAt(s.atSec, windowStart), width: `${(room / span) * 100}%` }}
              title={`${formatSec(s.atSec, 3)} ${text}${past ? '' : ' (upcoming)'}`}
            >
              <span className="timeline__diamond" aria-hidden="true" />
              <span className="timeline__label">{text}</span>
            </span>
          );
        })}
        {nowSec >= windowStart && nowSec <= end && (
          <span
            className="timeline__now"
            style={{ left: percentAt(nowSec, windowStart) }}
            aria-hidden="true"
          />
        )}
        {later > 0 && <span className="timeline__later">+{later} later →</span>}
      </div>
    </section>
  );
}

export const ScenarioTimeline = memo(ScenarioTimelineView);
