import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  applyNodeChanges,
  type DefaultEdgeOptions,
  type FitViewOptions,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useState } from 'react';
import type { ArchDocument } from '../model/types';
import { selectDoc } from '../store/selectors';
import { useArchStore } from '../store/store';
import { ArchNode } from './ArchNode';
import { FitOnResize } from './FitOnResize';
import { GroupFrame } from './GroupFrame';
import { HeatLegend } from './insight/HeatLegend';
import { CanvasHeader } from './CanvasHeader';
import { PresenterCaption } from './presenter/PresenterCaption';
import { TrafficEdge } from './TrafficEdge';
import { useCanvasSelection } from './context-menu/useCanvasSelection';
import { layoutDocument, layoutKey, type FlowNode } from './layout';
import { useLayoutReady } from './layout-engine';
import { LoadingNote } from './lazy/LoadingNote';
import { useCanvasEditing } from './useCanvasEditing';

// Module-level, so React Flow sees the same objects on every render.
const NODE_TYPES = { arch: ArchNode, 'group-frame': GroupFrame };
const EDGE_TYPES = { traffic: TrafficEdge };
const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = {
  markerEnd: {
    type: MarkerType.ArrowClosed,
    width: 16,
    height: 16,
    markerUnits: 'userSpaceOnUse',
    color: '#8a94a6',
  },
};
/** How the graph fits the canvas; FitOnResize then moves it below the canvas header if it lies under it. */
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.1, maxZoom: 1.4 };
const PRO_OPTIONS = { hideAttribution: true };
/**
 * Past this many nodes the canvas draws only what is in view: a live update re-renders every node and
 * edge drawn, and a 200-node diagram zoomed to fit shows only part of itself anyway (README "Speed").
 */
const DRAW_VISIBLE_ONLY_PAST = 60;
/** React Flow props of a canvas whose graph cannot be edited. */
const LOCKED = { nodesDraggable: false, nodesConnectable: false, deleteKeyCode: null } as const;

function syncSelection({ nodes, edges }: OnSelectionChangeParams): void {
  const picked = nodes.find((n) => n.type === 'arch');
  const { selectedId, select, doc } = useArchStore.getState();
  // Edges and group frames are selected by a click (React Flow does not track them as selected here):
  // a selection change that picks no node keeps them; a click on the empty pane clears them.
  const kept = selectedId !== null && !doc.nodes.some((n) => n.id === selectedId) ? selectedId : null;
  const next = picked?.id ?? edges[0]?.id ?? kept;
  if (next !== selectedId) select(next);
}

/**
 * What the canvas lets people do: everything (the editor), faults only (an interactive embed: select,
 * right-click for faults), or watch and select (a read-only embed).
 */
export type CanvasMode = 'edit' | 'faults' | 'view';

/** The graph of one layout; remounted (by key) when the drawing changes, not when parameters do. */
function FlowView({ doc, mode }: { readonly doc: ArchDocument; readonly mode: CanvasMode }) {
  const [nodes, setNodes] = useState<FlowNode[]>(() => {
    const selectedId = useArchStore.getState().selectedId;
    return layoutDocument(doc).nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n));
  });
  const [edges] = useState(() => layoutDocument(doc).edges);
  const onNodesChange = (changes: NodeChange<FlowNode>[]) =>
    setNodes((current) => applyNodeChanges(changes, current));
  const editing = useCanvasEditing(doc, nodes, setNodes);
  const selection = useCanvasSelection();
  return (
    <>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={onNodesChange}
        onSelectionChange={syncSelection}
        {...(mode === 'edit' ? editing : LOCKED)}
        {...(mode === 'view' ? {} : selection.props)}
        edgesFocusable={false}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.3}
        onlyRenderVisibleElements={doc.nodes.length > DRAW_VISIBLE_ONLY_PAST}
        proOptions={PRO_OPTIONS}
        aria-label="Architecture canvas"
      >
        <Background gap={20} size={1.2} />
        <Controls showInteractive={false} position="bottom-right" />
        {/* The full app's top bar leaves the name to the canvas; an embed's bar shows it. */}
        <CanvasHeader named={mode === 'edit'} />
        <HeatLegend />
        <PresenterCaption />
        <FitOnResize options={FIT_VIEW_OPTIONS} />
      </ReactFlow>
      {selection.menu}
    </>
  );
}

/** The centre of the screen: the document's topology as a live React Flow graph. */
export function Canvas({ mode = 'edit' }: { readonly mode?: CanvasMode }) {
  const doc = useArchStore(selectDoc);
  // A document without stored positions waits for the automatic layout's chunk (layout-engine.ts).
  const layoutReady = useLayoutReady(doc);
  return (
    <section className="canvas" aria-label="Canvas">
      {layoutReady === true ? (
        // The layout only depends on the drawing: parameter edits keep the same graph (and selection).
        <FlowView key={layoutKey(doc)} doc={doc} mode={mode} />
      ) : layoutReady === false ? (
        <LoadingNote what="the layout" block />
      ) : (
        <p className="canvas__failed" role="alert">
          The diagram cannot be laid out: the layout could not be loaded ({layoutReady.failed}). Your document
          is kept; reload the page to try again.
        </p>
      )}
    </section>
  );
}
