import { selectNodeRate, selectNodeSecond } from '../store/selectors';
import { useArchStore } from '../store/store';
import type { NodeKind } from '../model/types';
import { formatMs, formatRate, formatShare, percentOf } from './format';

/**
 * The selected node's figures for the last complete simulated second, each label followed by its
 * value ("Requests/s 201.0") so that people and tests read them the same way.
 */
export function LiveReadouts({ id, kind }: { readonly id: string; readonly kind: NodeKind }) {
  const second = useArchStore((s) => selectNodeSecond(s, id));
  const rate = useArchStore((s) => selectNodeRate(s, id));
  const readouts: [string, string][] = [
    ['Requests/s', formatRate(rate)],
    ['Utilization', formatShare(second?.utilization ?? 0)],
    ['Errors', `${percentOf(second?.errors ?? 0, second?.arrivals ?? 0).toFixed(1)} %`],
    ['Latency p99', formatMs(second?.p99 ?? 0)],
  ];
  if (kind !== 'client' && kind !== 'lb') readouts.push(['Queue', `${(second?.queueLength ?? 0).toFixed(1)} req`]);
  return (
    <dl className="readouts" aria-label="Live readouts">
      {readouts.map(([label, value]) => (
        <div key={label} className="readouts__item" data-testid={`readout-${label}`}>
          <dt>{label}</dt> <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
