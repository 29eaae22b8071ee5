import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { selectDoc, selectEdgeRate, selectPlaying } from '../store/selectors';
import { useArchStore } from '../store/store';
import { isPeerLink } from '../model/peers';
import { formatPerSec } from './format';
import type { TrafficFlowEdge } from './layout';
import { edgeNameOf } from './target-label';

/** Stroke width for a rate: grows with the logarithm of requests/s, from 1.5 px idle to 8 px. */
const widthOf = (rate: number): number => (rate > 0 ? Math.min(8, 1.5 + Math.log10(1 + rate) * 2) : 1.5);

/** How many dots travel the edge at once, and how long each takes: busier edges carry more dots. */
const dotsOf = (rate: number): number =>
  rate <= 0 ? 0 : Math.min(5, 1 + Math.floor(Math.log10(1 + rate) * 1.5));
const DOT_TRIP_SEC = 1.6;
/**
 * Moving dots on the whole canvas at most: each is an SVG animation redrawn every frame, and hundreds
 * of them (a 200-edge diagram) take the frame rate down to a few per second where the browser draws
 * without a GPU. Each edge gets its share; past 48 edges there are none, and width and label carry the
 * traffic alone (README "Speed").
 */
const MAX_DOTS_ON_CANVAS = 48;

/**
 * An edge whose width and label follow its requests/s, red when errors flow on it, with dots moving
 * along it while the simulation runs (and none when it is paused).
 */
function TrafficEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  markerStart,
}: EdgeProps<TrafficFlowEdge>) {
  const traffic = useArchStore((s) => selectEdgeRate(s, id));
  const playing = useArchStore(selectPlaying);
  const selected = useArchStore((s) => s.selectedId === id);
  // Looked up once per document, not on every store update: a selector runs for every edge each time.
  const doc = useArchStore(selectDoc);
  const name = useMemo(() => edgeNameOf(doc, id), [doc, id]);
  // The diagram's own label and stroke (`-->|round robin|`, `-.->`, `==>`) are kept and drawn too.
  const spec = useMemo(() => doc.edges.find((e) => e.id === id), [doc, id]);
  const dotShare = Math.floor(MAX_DOTS_ON_CANVAS / Math.max(1, doc.edges.length));
  // A replication link between peers carries writes being copied, not requests.
  const replicates = useMemo(() => spec !== undefined && isPeerLink(doc, spec), [doc, spec]);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const rate = traffic?.requests ?? 0;
  const erroring = (traffic?.errors ?? 0) > 0;
  const dots = playing ? Math.min(dotShare, dotsOf(rate)) : 0;
  const stateClass = `${erroring ? 'traffic-edge--errors' : rate > 0 ? 'traffic-edge--busy' : ''} ${selected ? 'traffic-edge--selected' : ''}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`traffic-edge ${stateClass}`}
        style={{
          strokeWidth: widthOf(rate) + (spec?.stroke === 'thick' ? 2 : 0),
          ...(spec?.stroke === 'dotted' ? { strokeDasharray: '6 4' } : {}),
          ...(spec?.stroke === 'invisible' ? { opacity: 0.3 } : {}),
        }}
        {...(markerEnd ? { markerEnd } : {})}
        {...(markerStart ? { markerStart } : {})}
      />
      {Array.from({ length: dots }, (_, i) => (
        <circle key={i} r={3.2} className={`traffic-dot ${erroring ? 'traffic-dot--errors' : ''}`}>
          <animateMotion
            dur={`${DOT_TRIP_SEC}s`}
            begin={`${(-i * DOT_TRIP_SEC) / dots}s`}
            repeatCount="indefinite"
            path={path}
          />
        </circle>
      ))}
      <EdgeLabelRenderer>
        {/* The label is also the edge's keyboard handle: a button that selects it for the Inspector. */}
        <button
          type="button"
          className={`edge-label ${erroring ? 'edge-label--errors' : ''} ${selected ? 'edge-label--selected' : ''} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          aria-label={name}
          aria-pressed={selected}
          onClick={() => useArchStore.getState().select(id)}
        >
          {spec?.label ? <span className="edge-label__text">{spec.label}</span> : null}
          {formatPerSec(rate, replicates ? 'writes/s' : undefined)}
          {erroring && (
            <span className="edge-label__errors">{formatPerSec(traffic?.errors ?? 0, 'err/s')}</span>
          )}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const TrafficEdge = memo(TrafficEdgeView);
