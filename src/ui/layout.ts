import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import { KINDS } from '../model/kinds';
import type { ArchDocument, NodeKind } from '../model/types';
import { loadedDagre, needsDagre } from './layout-engine';

/** Data of a canvas node: identity only. Live figures are read from the store by id, not kept here. */
export type ArchNodeData = { readonly label: string; readonly kind: NodeKind };
export type GroupNodeData = { readonly label: string };
export type TrafficEdgeData = Record<string, never>;

export type ArchFlowNode = Node<ArchNodeData, 'arch'>;
export type GroupFlowNode = Node<GroupNodeData, 'group-frame'>;
export type FlowNode = ArchFlowNode | GroupFlowNode;
export type TrafficFlowEdge = Edge<TrafficEdgeData, 'traffic'>;

export const NODE_WIDTH = 172;
export const NODE_HEIGHT = 80;
const GROUP_PAD = 20;
const GROUP_HEADER = 26;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The human name of a node kind. */
export const kindName = (kind: NodeKind): string => KINDS[kind].name;

/** The arrowhead at the source end of a two-headed link, like the canvas's default one at the target. */
const START_MARKER = {
  type: MarkerType.ArrowClosed,
  width: 16,
  height: 16,
  markerUnits: 'userSpaceOnUse',
  color: '#8a94a6',
} as const;

/**
 * Lays a document out with dagre in its direction (left to right for the preset), or from its stored
 * positions alone when every node has one and none is in a group (dagre is then not loaded:
 * layout-engine.ts). Groups are framed parent nodes whose box is computed from their children;
 * children are positioned relative to it, as React Flow expects, and listed after it.
 */
export function layoutDocument(doc: ArchDocument): { nodes: FlowNode[]; edges: TrafficFlowEdge[] } {
  const absolute = new Map<string, Box>();
  if (needsDagre(doc)) {
    const dagreCentres = loadedDagre();
    // The canvas waits for dagre's chunk before it lays a document out (useLayoutReady).
    if (!dagreCentres) throw new Error('this document needs the automatic layout, which has not loaded yet');
    const centres = dagreCentres(doc, {
      nodeWidth: NODE_WIDTH,
      nodeHeight: NODE_HEIGHT,
      groupHeader: GROUP_HEADER,
    });
    for (const [id, centre] of centres)
      absolute.set(id, {
        x: centre.x - NODE_WIDTH / 2,
        y: centre.y - NODE_HEIGHT / 2,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      });
  }
  const anchors = placeStoredPositions(doc, absolute);
  const groupBox = (id: string): Box | null => {
    const cached = absolute.get(`group:${id}`);
    if (cached) return cached;
    const children = [
      ...doc.nodes.filter((n) => n.group === id).map((n) => absolute.get(n.id)),
      ...doc.groups.filter((c) => c.parent === id).map((c) => groupBox(c.id)),
    ].filter((b): b is Box => b != null);
    if (children.length === 0) return null;
    // A frame whose nodes have stored positions stays where they are measured from.
    const anchor = anchors.get(id);
    const x = Math.min(anchor?.x ?? Infinity, ...children.map((b) => b.x - GROUP_PAD));
    const y = Math.min(anchor?.y ?? Infinity, ...children.map((b) => b.y - GROUP_PAD - GROUP_HEADER));
    const box = {
      x,
      y,
      width: Math.max(...children.map((b) => b.x + b.width)) + GROUP_PAD - x,
      height: Math.max(...children.map((b) => b.y + b.height)) + GROUP_PAD - y,
    };
    absolute.set(`group:${id}`, box);
    return box;
  };

  const horizontal = doc.direction === 'LR' || doc.direction === 'RL';
  const relative = (box: Box, parent: string | undefined) => {
    const origin = parent === undefined ? null : groupBox(parent);
    return origin ? { x: box.x - origin.x, y: box.y - origin.y } : { x: box.x, y: box.y };
  };
  const nodes: FlowNode[] = [];
  // Parents before children: order groups by depth.
  const depth = (id: string): number => {
    const parent = doc.groups.find((gr) => gr.id === id)?.parent;
    return parent === undefined ? 0 : 1 + depth(parent);
  };
  for (const group of [...doc.groups].sort((a, b) => depth(a.id) - depth(b.id))) {
    const box = groupBox(group.id);
    if (!box) continue;
    nodes.push({
      id: `group:${group.id}`,
      type: 'group-frame',
      data: { label: group.label },
      position: relative(box, group.parent),
      style: { width: box.width, height: box.height },
      selectable: false,
      focusable: false,
      draggable: false,
      ariaLabel: `Group ${group.label}`,
      ...(group.parent !== undefined ? { parentId: `group:${group.parent}` } : {}),
    });
  }
  for (const node of doc.nodes) {
    const box = absolute.get(node.id);
    if (!box) continue;
    nodes.push({
      id: node.id,
      type: 'arch',
      data: { label: node.label, kind: node.kind },
      position: relative(box, node.group),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      ariaLabel: `${node.label}, ${kindName(node.kind)}`,
      sourcePosition: horizontal ? Position.Right : Position.Bottom,
      targetPosition: horizontal ? Position.Left : Position.Top,
      ...(node.group !== undefined && absolute.has(`group:${node.group}`)
        ? { parentId: `group:${node.group}`, extent: 'parent' as const }
        : {}),
    });
  }
  const edges: TrafficFlowEdge[] = doc.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'traffic',
    data: {},
    focusable: false,
    // `A <--> B` keeps its second arrowhead (between databases: a replication link).
    ...(edge.bidirectional ? { markerStart: START_MARKER } : {}),
  }));
  return { nodes, edges };
}

/**
 * Nodes with a stored position keep it, relative to their group's frame origin as dagre places it (the
 * returned anchors, which the frames keep); nodes without one take dagre's place, moved down while they
 * would cover a positioned node. Fills the map of absolute boxes being built by {@link layoutDocument}.
 */
function placeStoredPositions(
  doc: ArchDocument,
  absolute: Map<string, Box>,
): ReadonlyMap<string, { x: number; y: number }> {
  if (!doc.nodes.some((n) => n.position)) return new Map();
  // The frame origin of each group as dagre lays out its nodes, before any stored position applies.
  const origins = new Map<string, { x: number; y: number }>();
  for (const group of doc.groups) {
    const boxes = doc.nodes.filter((n) => n.group === group.id).map((n) => absolute.get(n.id));
    const xs = boxes.flatMap((b) => (b ? [b.x] : []));
    const ys = boxes.flatMap((b) => (b ? [b.y] : []));
    if (xs.length)
      origins.set(group.id, {
        x: Math.min(...xs) - GROUP_PAD,
        y: Math.min(...ys) - GROUP_PAD - GROUP_HEADER,
      });
  }
  const placed: Box[] = [];
  for (const node of doc.nodes) {
    if (!node.position) continue;
    const origin = node.group === undefined ? undefined : origins.get(node.group);
    const box = {
      x: node.position.x + (origin?.x ?? 0),
      y: node.position.y + (origin?.y ?? 0),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
    absolute.set(node.id, box);
    placed.push(box);
  }
  const overlaps = (a: Box) =>
    placed.some(
      (b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
    );
  for (const node of doc.nodes) {
    const box = absolute.get(node.id);
    if (node.position || !box) continue;
    const free = { ...box };
    while (overlaps(free)) free.y += NODE_HEIGHT + GROUP_PAD;
    absolute.set(node.id, free);
    placed.push(free);
  }
  return origins;
}

/** A key that changes only when the drawing changes (not when parameters do), to memoise the layout. */
export function layoutKey(doc: ArchDocument): string {
  return JSON.stringify([
    doc.direction,
    doc.nodes.map((n) => [n.id, n.label, n.kind, n.group]),
    doc.edges.map((e) => e.id),
    doc.groups.map((gr) => [gr.id, gr.label, gr.parent]),
  ]);
}
