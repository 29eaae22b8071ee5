import { useMemo } from 'react';
import { selectDoc, selectEvents } from '../store/selectors';
import { useArchStore } from '../store/store';
import { DetectionList } from './alerts/DetectionList';
import { describeEvent, eventColour } from './describe-event';
import { formatSec } from './format';
import { targetLabelOf } from './target-label';

const SHOWN = 200;

/** What happened during the run, newest first: "66.0 s Load Balancer marked Server 1 down". */
export function EventLog() {
  const events = useArchStore(selectEvents);
  const doc = useArchStore(selectDoc);
  const lines = useMemo(() => {
    // Events name nodes, edges (`A-->B`) and groups.
    const labelOf = (id: string) => targetLabelOf(doc, id);
    return events
      .slice(-SHOWN)
      .reverse()
      .map((e, i) => ({
        key: `${events.length - i}`,
        t: e.t,
        text: describeEvent(e, labelOf),
        colour: eventColour(e.type),
      }));
  }, [events, doc]);
  return (
    <section className="log" role="region" aria-label="Event log">
      <h2 className="panel-title">Event log</h2>
      <DetectionList />
      {lines.length === 0 ? (
        <p className="muted">Faults and health-check verdicts appear here as they happen.</p>
      ) : (
        // Focusable, so that a keyboard can scroll a long log (axe: scrollable-region-focusable).
        <ol className="log__list" data-testid="event-log" tabIndex={0}>
          {lines.map((line) => (
            <li key={line.key} className="log__item">
              <span className="dot" style={{ background: line.colour }} aria-hidden="true" />
              <time className="log__time">{formatSec(line.t)}</time> {line.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
