import type { NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { selectNodeHeat } from '../store/insight-selectors';
import { useArchStore } from '../store/store';
import type { GroupFlowNode } from './layout';
import { formatShare } from './format';
import { formatAddedLatency } from './metrics/node-state';
import { utilizationColour } from './utilization';

/** A group (Mermaid subgraph) drawn as a labelled frame around its nodes. */
function GroupFrameView({ id, data }: NodeProps<GroupFlowNode>) {
  // Flow ids of groups are `group:<id>` (layout.ts); a region's latency is read from the document.
  const latency = useArchStore((st) => st.doc.groups.find((g) => `group:${g.id}` === id)?.latency);
  // The sweep's heat map (zone outage) colours the frame, as it does the nodes.
  const heat = useArchStore((st) => selectNodeHeat(st, id.replace(/^group:/, '')));
  return (
    <div
      className={`group-frame${heat === undefined ? '' : ' group-frame--heat'}`}
      {...(heat === undefined ? {} : { style: { '--heat': utilizationColour(heat) } as CSSProperties })}
    >
      <span className="group-frame__label">
        {data.label}
        {latency && <span className="group-frame__latency"> · {formatAddedLatency(latency)}</span>}
        {heat !== undefined && (
          <span className="group-frame__heat"> · {formatShare(heat, 0)} failed if down</span>
        )}
      </span>
    </div>
  );
}

export const GroupFrame = memo(GroupFrameView);
