import { formatMeasured } from '../../analysis/expectations';
import type { PairedOutcome } from '../../store/insight-slice';
import '../expectations/expectations.css';
import { formatPrecision } from '../format';

const ROWS: readonly { readonly name: string; readonly label: string }[] = [
  { name: 'availability', label: 'Availability' },
  { name: 'failed', label: 'Failed requests' },
  { name: 'mean', label: 'Mean latency' },
  { name: 'p99', label: 'p99 latency' },
  { name: 'writes_lost', label: 'Writes lost' },
  { name: 'sessions_lost', label: 'Sessions lost' },
];

const signed = (metric: string, value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatMeasured(metric, Math.abs(value), 3)}`;

/** Twin runs over paired seeds: each total of A and B as mean ± interval, and whether B − A is real. */
export function PairedResults({
  outcome,
  stale,
}: {
  readonly outcome: PairedOutcome;
  readonly stale: boolean;
}) {
  return (
    <div className="paired-results">
      {stale && <p className="insight-note">The design changed since these runs: run them again.</p>}
      <table className="insight-table" aria-label={`A and B over ${outcome.runs} paired seeds`}>
        <thead>
          <tr>
            <th scope="col">Total</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A, 95% interval</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.filter((r) => outcome.differences[r.name]).map(({ name, label }) => {
            const a = outcome.a.totals[name]!;
            const b = outcome.b.totals[name]!;
            const d = outcome.differences[name]!;
            return (
              <tr key={name}>
                <th scope="row">{label}</th>
                <td>
                  {formatMeasured(name, a.mean)} ± {formatMeasured(name, a.halfWidth, 2)}
                </td>
                <td>
                  {formatMeasured(name, b.mean)} ± {formatMeasured(name, b.halfWidth, 2)}
                </td>
                <td className="paired-results__diff">
                  {signed(name, d.difference)}{' '}
                  <small className="paired-results__range">
                    ({signed(name, d.low)} to {signed(name, d.high)})
                  </small>{' '}
                  <small className="paired-results__verdict">
                    {d.significant
                      ? `significant (p ${d.pValue < 0.001 ? '< 0.001' : `= ${formatPrecision(d.pValue, 2)}`})`
                      : 'not significant'}
                  </small>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="insight-hint">
        Run i of A and run i of B share seed i, so both see the same arrivals and service draws: their
        difference cancels most of the noise. Significant: the 95% interval of B − A excludes zero.
      </p>
    </div>
  );
}
