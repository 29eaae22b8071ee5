import { useMemo } from 'react';
import './metrics.css';
import { selectDoc, selectTotals } from '../../store/selectors';
import { selectOpenPreset } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { formatCount } from '../format';
import { STATE_LABELS, stateMetricsOf } from './state-metrics';

/**
 * The state counts that matter for the open document (sessions lost, writes lost, stale reads,
 * duplicates, redeliveries, dead-lettered), each "Label value", live. The open preset's headline
 * figure is always there and stands out.
 */
export function StateTotals() {
  const doc = useArchStore(selectDoc);
  const totals = useArchStore(selectTotals);
  const headline = useArchStore(selectOpenPreset)?.headline;
  const metrics = useMemo(() => stateMetricsOf(doc, headline), [doc, headline]);
  if (metrics.length === 0) return null;
  return (
    <dl
      className="run-totals__list run-totals__list--state"
      data-testid="state-totals"
      aria-label="State counts"
    >
      {metrics.map((metric) => {
        const value = totals?.[metric] ?? 0;
        const classes = [
          'run-totals__item',
          metric === headline ? 'run-totals__item--headline' : '',
          value > 0 ? 'run-totals__item--lost' : '',
        ];
        return (
          <div key={metric} className={classes.join(' ')}>
            <dt>{STATE_LABELS[metric]}</dt> <dd>{formatCount(value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
