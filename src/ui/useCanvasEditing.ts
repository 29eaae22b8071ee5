import type {
  Connection,
  Edge,
  OnDelete,
  OnNodeDrag,
  ReactFlowInstance,
  ReactFlowProps,
} from '@xyflow/react';
import { useEffect, useRef, type Dispatch, type DragEvent, type SetStateAction } from 'react';
import { isNodeKind } from '../model/kinds';
import type { ArchDocument } from '../model/types';
import type { Point } from '../store/graph-edits';
import { addNode, connect, moveNodes, removeElements } from './graph-actions';
import { NODE_HEIGHT, NODE_WIDTH, layoutDocument, type FlowNode, type TrafficFlowEdge } from './layout';

/** The drag-and-drop type the palette puts a node kind under. */
export const KIND_DRAG_TYPE = 'application/x-archplay-kind';

/** The keys that delete the selected nodes and edges (React Flow's `deleteKeyCode`). */
export const DELETE_KEYS = ['Delete', 'Backspace'];

const near = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/** Focuses the Inspector's label field (double-click on a node renames it there). */
function focusLabelField(): void {
  requestAnimationFrame(() => document.getElementById('node-label-input')?.focus());
}

/**
 * Editing on the canvas: drag nodes (positions go to the document), connect handles, delete with the
 * Delete key, drop node kinds from the palette, double-click to rename. Returns the React Flow props.
 */
export function useCanvasEditing(
  doc: ArchDocument,
  nodes: readonly FlowNode[],
  setNodes: Dispatch<SetStateAction<FlowNode[]>>,
): Partial<ReactFlowProps<FlowNode, TrafficFlowEdge>> {
  const flow = useRef<ReactFlowInstance<FlowNode, TrafficFlowEdge> | null>(null);
  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);

  // Positions that changed in the document (a drag recorded, pos= typed in the text) move the nodes
  // and refit the group frames, without a new React Flow graph.
  useEffect(() => {
    const laid = new Map(layoutDocument(doc).nodes.map((n) => [n.id, n]));
    setNodes((current) => {
      const next = current.map((n) => {
        const l = laid.get(n.id);
        if (
          !l ||
          (near(l.position, n.position) &&
            l.style?.width === n.style?.width &&
            l.style?.height === n.style?.height)
        )
          return n;
        return { ...n, position: l.position, ...(l.style ? { style: l.style } : {}) } as FlowNode;
      });
      return next.some((n, i) => n !== current[i]) ? next : current;
    });
  }, [doc, setNodes]);

  const onNodeDragStop: OnNodeDrag<FlowNode> = () => {
    const positions = new Map<string, Point>();
    for (const n of nodesRef.current) {
      if (n.type === 'arch')
        positions.set(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
    }
    moveNodes(positions);
  };
  const onDelete: OnDelete<FlowNode, Edge> = ({ nodes: gone, edges }) => {
    removeElements(
      gone.filter((n) => n.type === 'arch').map((n) => n.id),
      edges.map((e) => e.id),
    );
  };
  const onConnect = ({ source, target }: Connection) => {
    connect(source, target);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
    if (!isNodeKind(kind) || !flow.current) return;
    event.preventDefault();
    const at = flow.current.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(kind, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
  };
  return {
    nodesConnectable: true,
    deleteKeyCode: DELETE_KEYS,
    onInit: (instance) => {
      flow.current = instance;
    },
    onNodeDragStop,
    onDelete,
    onConnect,
    onDragOver,
    onDrop,
    onNodeDoubleClick: focusLabelField,
  };
}
