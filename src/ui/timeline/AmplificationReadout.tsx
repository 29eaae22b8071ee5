import { selectRows, selectTotals } from '../../store/selectors';
import { useArchStore } from '../../store/store';
import { formatFactor } from '../format';

/** Seconds the readout averages over: long enough to be steady, short enough to follow a storm. */
const RECENT_SEC = 5;

/** attempts / requests, 1 when nothing was sent. */
const ratio = (attempts: number, requests: number): number =>
  requests > 0 && Number.isFinite(attempts / requests) ? attempts / requests : 1;

/**
 * Retry amplification: attempts (requests plus retries) per request the clients sent over the last
 * few seconds, and over the whole run. Above ×2 a retry storm is multiplying the offered load.
 */
export function AmplificationReadout() {
  const recent = useArchStore((s) => {
    const rows = selectRows(s).slice(-RECENT_SEC);
    let attempts = 0;
    let requests = 0;
    for (const row of rows) {
      attempts += row.total.attempts;
      requests += row.total.requests;
    }
    return ratio(attempts, requests);
  });
  const run = useArchStore((s) => {
    const totals = selectTotals(s);
    return totals ? ratio(totals.attempts, totals.requests) : 1;
  });
  const level = recent >= 2 ? 'bad' : recent >= 1.2 ? 'warn' : 'calm';
  return (
    <p
      className={`amplification amplification--${level}`}
      data-testid="amplification"
      title={`Attempts (requests plus retries) per request sent by the clients: ${formatFactor(recent)} over the last ${RECENT_SEC} s, ${formatFactor(run)} over the run`}
    >
      <span className="amplification__label">Offered load</span>{' '}
      <strong className="amplification__value">{formatFactor(recent)}</strong>{' '}
      <span className="amplification__unit">(attempts per request; run {formatFactor(run)})</span>
    </p>
  );
}
