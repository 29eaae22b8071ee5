import { Handle, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { hasUtilization } from '../model/kinds';
import { selectNodeHeat } from '../store/insight-selectors';
import { selectMarkedDown, selectNodeHealth, selectNodeRate, selectNodeSecond } from '../store/selectors';
import { useArchStore } from '../store/store';
import { KindIcon } from './KindIcon';
import { formatFixed, formatPerSec, formatShare } from './format';
import { kindName, type ArchFlowNode } from './layout';
import { NodeStateTag } from './metrics/NodeStateTag';
import { utilizationColour } from './utilization';

/** Past this many characters a label is set smaller, to fit the node's width before it is cut short. */
const LONG_LABEL = 16;

/**
 * A node on the canvas: kind icon, label, health colour, utilization bar and live requests/s. Its live
 * figures come from the store by id, so the React Flow `nodes` array never changes while a run goes on.
 */
function ArchNodeView({ id, data, selected, sourcePosition, targetPosition }: NodeProps<ArchFlowNode>) {
  const health = useArchStore((s) => selectNodeHealth(s, id));
  const markedDown = useArchStore((s) => selectMarkedDown(s, id));
  const second = useArchStore((s) => selectNodeSecond(s, id));
  const rate = useArchStore((s) => selectNodeRate(s, id));
  const heat = useArchStore((s) => selectNodeHeat(s, id));
  const utilization = second?.utilization ?? 0;
  const classes = ['arch-node', `arch-node--${health}`, selected ? 'arch-node--selected' : ''].join(' ');
  return (
    <div
      className={`${classes}${heat === undefined ? '' : ' arch-node--heat'}`}
      data-testid={`node-${id}`}
      data-health={health}
      {...(heat === undefined
        ? {}
        : {
            'data-heat': formatFixed(heat, 2),
            style: { '--heat': utilizationColour(heat) } as CSSProperties,
          })}
    >
      {targetPosition && <Handle type="target" position={targetPosition} />}
      <div className="arch-node__head">
        <KindIcon kind={data.kind} />
        <span
          className={`arch-node__label${data.label.length > LONG_LABEL ? ' arch-node__label--long' : ''}`}
          title={data.label}
        >
          {data.label}
        </span>
        {health !== 'up' && <span className={`arch-node__badge arch-node__badge--${health}`}>{health}</span>}
        {health === 'up' && markedDown && <span className="arch-node__badge">marked down</span>}
      </div>
      <div className="arch-node__meta">
        <span className="arch-node__kind">{kindName(data.kind)}</span>
        <span className="arch-node__rate">{formatPerSec(rate)}</span>
      </div>
      {hasUtilization(data.kind) && (
        <div className="util-bar" title={`${utilizationTitle(data.kind)} ${formatShare(utilization)}`}>
          <div
            className="util-bar__fill"
            style={{
              width: `${Math.min(100, utilization * 100)}%`,
              background: utilizationColour(utilization),
            }}
          />
          <span className="util-bar__text">{formatShare(utilization, 0)}</span>
        </div>
      )}
      <NodeStateTag id={id} />
      {heat !== undefined && (
        <span className="arch-node__heat" title="Share of requests failed after this node crashed (sweep)">
          {formatShare(heat, 0)} failed if down
        </span>
      )}
      {sourcePosition && <Handle type="source" position={sourcePosition} />}
    </div>
  );
}

export const ArchNode = memo(ArchNodeView);

/** What the bar measures: a limiter's is the share of its limit in use (README "Limiter"). */
function utilizationTitle(kind: ArchFlowNode['data']['kind']): string {
  return kind === 'limiter' ? 'Share of the limit used' : 'Utilization';
}
