import { useMemo } from 'react';
import { isPeerLink } from '../model/peers';
import {
  selectDoc,
  selectEnginePlaying,
  selectEvents,
  selectRows,
  selectSelectedNode,
  selectShowNodeSeries,
  selectSpeed,
} from '../store/selectors';
import { useArchStore } from '../store/store';
import { useThrottled } from './useThrottled';
import { chartPoints, eventsInWindow, windowOf, windowSpanOf } from './chart-data';
import { formatFixed, formatPercent } from './format';
import { eventColour, markerText } from './describe-event';
import { TimeChart, type Marker, type Series } from './TimeChart';
import { targetLabelOf } from './target-label';
import { AmplificationReadout } from './timeline/AmplificationReadout';
import { layoutMarkers } from './timeline/marker-rows';
import { ScenarioTimeline } from './timeline/ScenarioTimeline';

// Attempts first, so that the ok/s line is drawn over it where they coincide (no retries).
const THROUGHPUT: readonly Series[] = [
  { key: 'attempts', name: 'attempts/s', colour: '#a07ad6' },
  { key: 'ok', name: 'ok/s', colour: '#3b6fd8' },
  { key: 'wasted', name: 'wasted/s', colour: '#c8553d' },
];
const LATENCY: readonly Series[] = [
  { key: 'p50', name: 'p50', colour: '#2a9d8f' },
  { key: 'p95', name: 'p95', colour: '#e09f3e' },
  { key: 'p99', name: 'p99', colour: '#c8553d' },
];
const ERRORS: readonly Series[] = [{ key: 'errorPct', name: 'errors', colour: '#d62f4b' }];
const BACKLOG: readonly Series[] = [{ key: 'backlog', name: 'backlog', colour: '#7b5ea7' }];
const REPLICATION: readonly Series[] = [
  { key: 'divergentKeys', name: 'divergent keys', colour: '#7b5ea7' },
  { key: 'conflicts', name: 'conflicts/s', colour: '#e09f3e' },
  { key: 'lostUpdates', name: 'lost updates/s', colour: '#d62f4b' },
];

/** Wall time between chart redraws: drawing is costly and a chart read twice a second looks live. */
const CHART_REFRESH_MS = 500;
/**
 * At speed Max the worker sends one batch a wall second (MAX_SPEED_BATCH_MS in src/worker/runner.ts),
 * each a whole update of the page: the charts redraw with each, so that they show the moment the clock
 * and totals show, not one up to a wall second (a thousand simulated seconds) older (README "Speed").
 */
const CHART_REFRESH_AT_MAX_MS = 0;

/** The three charts over a shared sliding window of simulated time, for the system or the selected node. */
export function ChartsPanel() {
  const atMax = useArchStore(selectSpeed) === 'max';
  const playing = useArchStore(selectEnginePlaying);
  // Paused or ended, the charts show the last rows at once (no redraw is being saved).
  const refreshMs = !playing ? 0 : atMax ? CHART_REFRESH_AT_MAX_MS : CHART_REFRESH_MS;
  const storeRows = useArchStore(selectRows);
  const storeEvents = useArchStore(selectEvents);
  const throttledRows = useThrottled(storeRows, refreshMs);
  const throttledEvents = useThrottled(storeEvents, refreshMs);
  // Playing at Max each update of the store is a batch to draw at once (not one task later, as a
  // throttle of 0 ms would); paused, the charts still follow a task later, apart from a heavy first draw.
  const passThrough = playing && atMax;
  const rows = passThrough ? storeRows : throttledRows;
  const events = passThrough ? storeEvents : throttledEvents;
  const doc = useArchStore(selectDoc);
  const selected = useArchStore(selectSelectedNode);
  const showNodeSeries = useArchStore(selectShowNodeSeries);
  const setShowNodeSeries = useArchStore((s) => s.setShowNodeSeries);

  const nodeId = showNodeSeries && selected ? selected.id : null;
  const span = windowSpanOf(doc.sim.durationSec);
  const windowStart = windowOf((rows.at(-1)?.t ?? -1) + 1, span)[0];
  const data = useMemo(() => chartPoints(rows, windowStart, nodeId), [rows, windowStart, nodeId]);
  const markers = useMemo<Marker[]>(() => {
    const labelOf = (id: string) => targetLabelOf(doc, id);
    return layoutMarkers(
      eventsInWindow(events, windowStart, span).map((e) => ({
        t: e.t,
        text: markerText(e, labelOf),
        colour: eventColour(e.type),
      })),
    );
  }, [events, doc, windowStart, span]);
  const scope = nodeId && selected ? selected.label : 'all clients';
  // A message queue's own series adds its backlog, the figure a queue is watched by.
  const showBacklog = nodeId !== null && selected?.kind === 'queue';
  // Multi-primary peers: how far the copies have drifted apart, and what settling them costs.
  const showReplication = nodeId === null && doc.edges.some((edge) => isPeerLink(doc, edge));
  const last = data[data.length - 1];
  const wastedNow = Math.round(last?.wasted ?? 0);
  const latest = {
    // Wasted work is named when there is some: three columns at 1280 px leave no room for "0 wasted".
    throughput: `now ${Math.round(last?.ok ?? 0)} ok · ${Math.round(last?.attempts ?? 0)} attempts${
      wastedNow > 0 ? ` · ${wastedNow} wasted` : ''
    } /s`,
    // Latency is of the answered requests: a second without any has none to show (not 0 ms).
    latency: last && last.ok === 0 ? 'p99 now — no answers' : `p99 now ${formatFixed(last?.p99 ?? 0, 1)} ms`,
    errors: `now ${formatPercent(last?.errorPct ?? 0)}`,
  };

  return (
    <div className="charts">
      <div className="charts__bar">
        <AmplificationReadout />
        <label className="toggle">
          <input
            type="checkbox"
            checked={showNodeSeries}
            disabled={!selected}
            onChange={(e) => setShowNodeSeries(e.target.checked)}
          />
          {selected ? `Show ${selected.label}'s own series` : 'Select a node to chart its own series'}
        </label>
      </div>
      <div className={`charts__grid ${showBacklog || showReplication ? 'charts__grid--four' : ''}`}>
        <TimeChart
          title="Throughput"
          subtitle={`/s · ${scope}`}
          latest={latest.throughput}
          unit="/s"
          data={data}
          series={THROUGHPUT}
          domainStart={windowStart}
          domainEnd={windowStart + span}
          markers={markers}
          takeTurns={playing}
        />
        <TimeChart
          title="Latency"
          subtitle={`ms · ${scope}`}
          latest={latest.latency}
          unit="ms"
          data={data}
          series={LATENCY}
          domainStart={windowStart}
          domainEnd={windowStart + span}
          markers={markers}
          takeTurns={playing}
        />
        <TimeChart
          title="Error rate"
          subtitle={`% of finished requests · ${scope}`}
          latest={latest.errors}
          unit="%"
          data={data}
          series={ERRORS}
          domainStart={windowStart}
          domainEnd={windowStart + span}
          markers={markers}
          takeTurns={playing}
        />
        {showReplication && (
          <TimeChart
            title="Replication"
            subtitle="divergent keys · conflicts and lost updates per second"
            latest={`now ${Math.round(last?.divergentKeys ?? 0)} divergent`}
            unit=""
            data={data}
            series={REPLICATION}
            domainStart={windowStart}
            domainEnd={windowStart + span}
            markers={markers}
            takeTurns={playing}
          />
        )}
        {showBacklog && (
          <TimeChart
            title="Backlog"
            subtitle={`messages waiting · ${scope}`}
            latest={`now ${Math.round(last?.backlog ?? 0)} msg`}
            unit=""
            data={data}
            series={BACKLOG}
            domainStart={windowStart}
            domainEnd={windowStart + span}
            markers={markers}
            takeTurns={playing}
          />
        )}
      </div>
      <ScenarioTimeline windowStart={windowStart} span={span} events={events} />
    </div>
  );
}
