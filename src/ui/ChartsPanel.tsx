import { useMemo } from 'react';
import { selectEvents, selectNodes, selectRows, selectSelectedNode, selectShowNodeSeries } from '../store/selectors';
import { useArchStore } from '../store/store';
import { useThrottled } from './useThrottled';
import { WINDOW_SEC, chartPoints, eventsInWindow, windowOf } from './chart-data';
import { eventColour, markerText } from './describe-event';
import { TimeChart, type Marker, type Series } from './TimeChart';

const THROUGHPUT: readonly Series[] = [{ key: 'ok', name: 'ok/s', colour: '#3b6fd8' }];
const LATENCY: readonly Series[] = [
  { key: 'p50', name: 'p50', colour: '#2a9d8f' },
  { key: 'p95', name: 'p95', colour: '#e09f3e' },
  { key: 'p99', name: 'p99', colour: '#c8553d' },
];
const ERRORS: readonly Series[] = [{ key: 'errorPct', name: 'errors', colour: '#d62f4b' }];

/** Wall time between chart redraws: drawing is costly and a chart read twice a second looks live. */
const CHART_REFRESH_MS = 500;

/** The three charts over a shared sliding window of simulated time, for the system or the selected node. */
export function ChartsPanel() {
  const rows = useThrottled(useArchStore(selectRows), CHART_REFRESH_MS);
  const events = useThrottled(useArchStore(selectEvents), CHART_REFRESH_MS);
  const nodes = useArchStore(selectNodes);
  const selected = useArchStore(selectSelectedNode);
  const showNodeSeries = useArchStore(selectShowNodeSeries);
  const setShowNodeSeries = useArchStore((s) => s.setShowNodeSeries);

  const nodeId = showNodeSeries && selected ? selected.id : null;
  const windowStart = windowOf((rows.at(-1)?.t ?? -1) + 1)[0];
  const data = useMemo(() => chartPoints(rows, windowStart, nodeId), [rows, windowStart, nodeId]);
  const markers = useMemo<Marker[]>(() => {
    const labelOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
    return eventsInWindow(events, windowStart).map((e) => ({ t: e.t, text: markerText(e, labelOf), colour: eventColour(e.type) }));
  }, [events, nodes, windowStart]);
  const scope = nodeId && selected ? selected.label : 'all clients';
  const last = data[data.length - 1];
  const latest = {
    throughput: `now ${Math.round(last?.ok ?? 0)} /s`,
    latency: `p99 now ${(last?.p99 ?? 0).toFixed(1)} ms`,
    errors: `now ${(last?.errorPct ?? 0).toFixed(1)} %`,
  };

  return (
    <div className="charts">
      <div className="charts__bar">
        <label className="toggle">
          <input type="checkbox" checked={showNodeSeries} disabled={!selected} onChange={(e) => setShowNodeSeries(e.target.checked)} />
          {selected ? `Show ${selected.label}'s own series` : 'Select a node to chart its own series'}
        </label>
      </div>
      <div className="charts__grid">
        <TimeChart title="Throughput" subtitle={`successful requests/s · ${scope}`} latest={latest.throughput} unit="/s" data={data} series={THROUGHPUT} domainStart={windowStart} domainEnd={windowStart + WINDOW_SEC} markers={markers} />
        <TimeChart title="Latency" subtitle={`ms · ${scope}`} latest={latest.latency} unit="ms" data={data} series={LATENCY} domainStart={windowStart} domainEnd={windowStart + WINDOW_SEC} markers={markers} />
        <TimeChart title="Error rate" subtitle={`% of finished requests · ${scope}`} latest={latest.errors} unit="%" data={data} series={ERRORS} domainStart={windowStart} domainEnd={windowStart + WINDOW_SEC} markers={markers} />
      </div>
    </div>
  );
}
