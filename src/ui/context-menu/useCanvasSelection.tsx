import type { Node, ReactFlowProps } from '@xyflow/react';
import type { MouseEvent as ReactMouseEvent, ReactNode } from 'react';
import { useArchStore } from '../../store/store';
import { FaultMenu } from './FaultMenu';
import { useFaultMenu } from './useFaultMenu';
import type { FlowNode, TrafficFlowEdge } from '../layout';

type FlowProps = Partial<ReactFlowProps<FlowNode, TrafficFlowEdge>>;

/** The document id behind a canvas node: a group frame's node id is `group:<id>`. */
const idOfFlowNode = (node: Node): string =>
  node.type === 'group-frame' ? node.id.replace(/^group:/, '') : node.id;

/**
 * Clicks on the canvas that select what the Inspector shows (a node, an edge or a group frame), and
 * right-clicks that open the fault menu of a node, edge or group. Returns React Flow props and the menu.
 */
export function useCanvasSelection(): { readonly props: FlowProps; readonly menu: ReactNode } {
  const { menu, open, close } = useFaultMenu();
  const select = (id: string | null) => {
    if (useArchStore.getState().selectedId !== id) useArchStore.getState().select(id);
  };
  const openAt = (event: ReactMouseEvent, id: string) => {
    event.preventDefault();
    select(id);
    open(id, event.clientX, event.clientY);
  };
  return {
    props: {
      onNodeClick: (_event: ReactMouseEvent, node: FlowNode) => select(idOfFlowNode(node)),
      onEdgeClick: (_event: ReactMouseEvent, edge: TrafficFlowEdge) => select(edge.id),
      onPaneClick: () => select(null),
      onNodeContextMenu: (event: ReactMouseEvent, node: FlowNode) => openAt(event, idOfFlowNode(node)),
      onEdgeContextMenu: (event: ReactMouseEvent, edge: TrafficFlowEdge) => openAt(event, edge.id),
    },
    menu: menu && <FaultMenu targetId={menu.targetId} x={menu.x} y={menu.y} onClose={close} />,
  };
}
