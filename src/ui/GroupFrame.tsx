import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupFlowNode } from './layout';

/** A group (Mermaid subgraph) drawn as a labelled frame around its nodes. */
function GroupFrameView({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className="group-frame">
      <span className="group-frame__label">{data.label}</span>
    </div>
  );
}

export const GroupFrame = memo(GroupFrameView);
