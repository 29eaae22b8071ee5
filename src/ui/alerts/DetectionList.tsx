import { useMemo } from 'react';
import { detectionsOf } from '../../sim/detection';
import { selectDoc, selectEvents } from '../../store/selectors';
import { selectAlerts } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { describeEvent } from '../describe-event';
import { formatSec } from '../format';

/**
 * Time to detect each fault of the run (DESIGN.md §3): "Server 1 failed at 60.0 s → detected by
 * 'errors' after 3.0 s". Shown when the document has alert rules.
 */
export function DetectionList() {
  const events = useArchStore(selectEvents);
  const doc = useArchStore(selectDoc);
  const rules = useArchStore(selectAlerts);
  const lines = useMemo(() => {
    const labels = new Map<string, string>([
      ...doc.groups.map((g) => [g.id, g.label] as const),
      ...doc.nodes.map((n) => [n.id, n.label] as const),
    ]);
    const labelOf = (id: string) => labels.get(id) ?? id;
    return detectionsOf(events).map(({ fault, alert, afterSec }) => ({
      key: `${fault.t}-${fault.type}-${fault.target}`,
      fault: `${describeEvent(fault, labelOf)} at ${formatSec(fault.t)}`,
      verdict:
        alert === undefined || afterSec === undefined
          ? null
          : `detected by '${alert}' after ${formatSec(afterSec)}`,
    }));
  }, [events, doc]);
  if (rules.length === 0) return null;
  return (
    <section className="detection" aria-label="Detection">
      <h3 className="detection__title">Time to detect</h3>
      {lines.length === 0 ? (
        <p className="muted">
          No fault yet: {rules.length === 1 ? 'one alert rule watches' : `${rules.length} alert rules watch`}{' '}
          the run.
        </p>
      ) : (
        <ul className="detection__list" data-testid="detection">
          {lines.map((line) => (
            <li key={line.key} className={`detection__item ${line.verdict ? '' : 'detection__item--missed'}`}>
              {line.fault} → {line.verdict ?? 'not detected yet'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
