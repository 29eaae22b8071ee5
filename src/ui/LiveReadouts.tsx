import { selectNodeRate, selectNodeSecond } from '../store/selectors';
import { useArchStore } from '../store/store';
import type { NodeKind } from '../model/types';
import { hasWorkerPool } from '../model/kinds';
import {
  formatAgeMs,
  formatCount,
  formatFixed,
  formatMs,
  formatPercent,
  formatRate,
  formatShare,
  percentOf,
} from './format';

/**
 * The selected node's figures for the last complete simulated second, each label followed by its
 * value ("Requests/s 201.0") so that people and tests read them the same way.
 */
export function LiveReadouts({ id, kind }: { readonly id: string; readonly kind: NodeKind }) {
  const second = useArchStore((s) => selectNodeSecond(s, id));
  const rate = useArchStore((s) => selectNodeRate(s, id));
  const readouts: [string, string][] = [
    ['Requests/s', formatRate(rate)],
    // Every node's, a worker pool's or not: DESIGN.md §8 promises outside tests a "Utilization" readout.
    ['Utilization', formatShare(second?.utilization ?? 0)],
    ['Errors', formatPercent(percentOf(second?.errors ?? 0, second?.arrivals ?? 0))],
    ['Latency p99', formatMs(second?.p99 ?? 0)],
  ];
  if (hasWorkerPool(kind)) readouts.push(['Queue', `${formatFixed(second?.queueLength ?? 0, 1)} req`]);
  if (second?.replicationLagMs !== undefined)
    readouts.push(['Replication lag', formatMs(second.replicationLagMs)]);
  if (second?.hitRatio !== undefined)
    readouts.push(
      ['Hit ratio', formatShare(second.hitRatio)],
      ['Entries', formatCount(second.cacheEntries ?? 0)],
      ['Evictions', formatCount(second.evictions ?? 0)],
    );
  if (hasWorkerPool(kind)) readouts.push(['Wasted/s', formatCount(second?.wasted ?? 0)]);
  if (kind === 'queue')
    readouts.push(
      ['Backlog', `${formatCount(second?.backlog ?? 0)} msg`],
      ['Oldest age', formatAgeMs(second?.oldestAgeMs ?? 0)],
    );
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
