import { useMemo } from 'react';
import { withFailure } from '../../analysis/analysis';
import { capacityCheck, type CapacitySituation } from '../../analysis/capacity';
import { selectDoc } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { CapacityBars } from './CapacityBars';
import { labelIn } from '../../model/labels';

/** When a warned-of failure starts in "See it run" (as the sweep's default). */
const SEE_AT_SEC = 60;

/**
 * The N+1 capacity check: offered load against capacity (λ / (workers × service rate)) of every node,
 * normally and with each single failure, as utilization bars. Pure arithmetic: it follows every edit.
 */
export function CapacityPanel() {
  const doc = useArchStore(selectDoc);
  const situations = useMemo(() => capacityCheck(doc), [doc]);
  const warnings = situations.flatMap((s) => s.warnings);
  const startReplay = useArchStore((s) => s.startReplay);
  // The simulation is the judge: the failure plays in the live simulator, as a sweep case does.
  const seeItRun = (failed: string | null) => {
    if (failed === null) return;
    const atSec = Math.min(SEE_AT_SEC, doc.sim.durationSec / 2);
    startReplay(
      withFailure(doc, failed, atSec),
      `${labelIn(doc, failed)} fails at ${atSec} s (capacity check)`,
    );
  };
  return (
    <div className="insight-tool">
      <p className="insight-tool__intro">
        Offered load against what each node&apos;s workers can do, from mean service and call times (no
        queueing): normally, and with each node or group failed. Above 100% a queue grows without bound; the
        simulation is the judge.
      </p>
      {warnings.length > 0 ? (
        <ul className="capacity-warnings" aria-label="Capacity warnings">
          {situations.flatMap((situation) =>
            situation.warnings.map((warning) => (
              <li key={warning}>
                <span>{warning}</span>
                {situation.failed !== null && (
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={`See it run: ${labelIn(doc, situation.failed)} fails`}
                    onClick={() => seeItRun(situation.failed)}
                  >
                    See it run
                  </button>
                )}
              </li>
            )),
          )}
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
