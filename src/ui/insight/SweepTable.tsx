import { withFailure } from '../../analysis/analysis';
import { failedAfterFault, type SweepOutcome } from '../../store/insight-slice';
import { useArchStore } from '../../store/store';
import { formatAvailability, formatCount, formatMs, formatShare } from '../format';
import { kindName } from '../layout';
import type { NodeKind } from '../../model/types';
import { labelIn } from '../../model/labels';
import { utilizationColour } from '../utilization';

/** Above this share of the requests sent after the fault failing, the component takes the design down. */
const SPOF_SHARE = 0.5;

/** The sweep's ranking, worst first, each row with a Replay of its case in the live simulator. */
export function SweepTable({ outcome }: { readonly outcome: SweepOutcome }) {
  const startReplay = useArchStore((s) => s.startReplay);
  const { doc, atSec, ranking } = outcome;
  const duration = doc.sim.durationSec;
  return (
    <table className="insight-table" aria-label="Single points of failure">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Component</th>
          <th scope="col">Availability</th>
          <th scope="col">Failed</th>
          <th scope="col">p99</th>
          <th scope="col">Lost</th>
          <th scope="col">
            <span className="visually-hidden">Replay</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {ranking.map((entry, i) => {
          const label = labelIn(doc, entry.target);
          const share = failedAfterFault(entry.availability, duration, atSec);
          const spof = share >= SPOF_SHARE;
          return (
            <tr key={entry.target} className={spof ? 'insight-table__row--bad' : ''}>
              <td>{i + 1}</td>
              <th scope="row">
                <span
                  className="heat-swatch"
                  style={{ background: utilizationColour(share) }}
                  aria-hidden="true"
                />
                {label}
                <span className="insight-table__kind">
                  {entry.kind === 'group' ? 'group' : kindName(entry.kind as NodeKind)} ·{' '}
                  {spof ? 'single point of failure' : `${formatShare(share, 1)} failed after`}
                </span>
              </th>
              <td>{formatAvailability(entry.availability)}</td>
              <td>{formatCount(entry.failed)}</td>
              <td>{formatMs(entry.p99_ms)}</td>
              <td>
                {entry.writes_lost + entry.sessions_lost === 0
                  ? '—'
                  : [
                      entry.writes_lost ? `${formatCount(entry.writes_lost)} writes` : '',
                      entry.sessions_lost ? `${formatCount(entry.sessions_lost)} sessions` : '',
                    ]
                      .filter(Boolean)
                      .join(', ')}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={`Replay ${label} failing`}
                  onClick={() =>
                    startReplay(withFailure(doc, entry.target, atSec), `${label} fails at ${atSec} s`)
                  }
                >
                  Replay
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
