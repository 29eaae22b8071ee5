import { useMemo } from 'react';
import { capacityCheck, type CapacitySituation } from '../../sim/capacity';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { CapacityBars } from './CapacityBars';
import { labelIn } from './insight-format';

/**
 * The N+1 capacity check: offered load against capacity (λ / (workers × service rate)) of every node,
 * normally and with each single failure, as utilization bars. Pure arithmetic: it follows every edit.
 */
export function CapacityPanel() {
  const doc = useArchStore(selectDoc);
  const situations = useMemo(() => capacityCheck(doc), [doc]);
  const warnings = situations.flatMap((s) => s.warnings);
  return (
    <div className="insight-tool">
      <p className="insight-tool__intro">
        Offered load against what each node&apos;s workers can do, from mean service and call times (no
        queueing): normally, and with each node or group failed. Above 100% a queue grows without bound; the
        simulation is the judge.
      </p>
      {warnings.length > 0 ? (
        <ul className="capacity-warnings" aria-label="Capacity warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="insight-good">Every survivor stays under 100% after any single failure.</p>
      )}
      {situations.map((situation) => (
        <CapacityBars
          key={situation.failed ?? 'normal'}
          situation={situation}
          title={situationTitle(situation)}
        />
      ))}
    </div>
  );

  function situationTitle(s: CapacitySituation): string {
    return s.failed === null ? 'Normal' : `Without ${labelIn(doc, s.failed)}`;
  }
}
