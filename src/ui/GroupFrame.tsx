import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useArchStore } from '../store/store';
import type { GroupFlowNode } from './layout';
import { formatAddedLatency } from './metrics/node-state';

/** A group (Mermaid subgraph) drawn as a labelled frame around its nodes. */
function GroupFrameView({ id, data }: NodeProps<GroupFlowNode>) {
  // Flow ids of groups are `group:<id>` (layout.ts); a region's latency is read from the document.
  const latency = useArchStore((st) => st.doc.groups.find((g) => `group:${g.id}` === id)?.latency);
  return (
    <div className="group-frame">
      <span className="group-frame__label">
        {data.label}
        {latency && <span className="group-frame__latency"> · {formatAddedLatency(latency)}</span>}
      </span>
    </div>
  );
}

export const GroupFrame = memo(GroupFrameView);
