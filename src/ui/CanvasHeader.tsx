import { Panel } from '@xyflow/react';
import { DocumentName } from './DocumentTitle';
import { selectNowSec, selectTotals } from '../store/selectors';
import { useArchStore } from '../store/store';
import { formatCount, formatMs, formatSec, formatShare } from './format';
import { StateTotals } from './metrics/StateTotals';

/** The header's class, by which FitOnResize finds it on the canvas. */
export const CANVAS_HEADER_CLASS = 'canvas-header';

/**
 * The canvas header, top left over the graph: the document's name (when no bar above shows it) and the
 * whole run's figures so far (DESIGN.md §4). FitOnResize fits the graph clear of it.
 */
export function CanvasHeader({ named }: { readonly named: boolean }) {
  const totals = useArchStore(selectTotals);
  const nowSec = useArchStore(selectNowSec);
  const items: [string, string][] = [
    ['Requests', formatCount(totals?.requests ?? 0)],
    ['OK', formatCount(totals?.ok ?? 0)],
    ['Failed', formatCount(totals?.failed ?? 0)],
    ['Wasted', formatCount(totals?.wasted ?? 0)],
    ['Availability', formatShare(totals?.availability ?? 1, 2)],
    ['p99', formatMs(totals?.latencyMs.p99 ?? 0)],
  ];
  return (
    <Panel position="top-left" className={CANVAS_HEADER_CLASS}>
      {named && <DocumentName className="canvas-header__name" />}
      <div className="run-totals" aria-label="Run totals" role="region">
        <span className="run-totals__title">Run totals at {formatSec(nowSec)}</span>
        <dl className="run-totals__list" data-testid="run-totals">
          {items.map(([label, value]) => (
            <div key={label} className="run-totals__item">
              <dt>{label}</dt> <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <StateTotals />
      </div>
    </Panel>
  );
}
