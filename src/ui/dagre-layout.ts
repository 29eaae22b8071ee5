import dagre from '@dagrejs/dagre';
import type { ArchDocument } from '../model/types';

/** The sizes dagre lays nodes out with (a node's box and the room its group frame's header takes). */
export interface DagreSizes {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly groupHeader: number;
}

/**
 * The centre of each node as dagre lays the document out in its direction, groups as compound nodes.
 * A chunk of its own (src/ui/layout-engine.ts): a document whose nodes all have positions is drawn
 * without it (README "Speed").
 */
export function dagreCentres(
  doc: ArchDocument,
  sizes: DagreSizes,
): ReadonlyMap<string, { readonly x: number; readonly y: number }> {
  const g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: doc.direction, nodesep: 32, ranksep: 76, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const group of doc.groups) g.setNode(`group:${group.id}`, {});
  for (const group of doc.groups)
    if (group.parent !== undefined) g.setParent(`group:${group.id}`, `group:${group.parent}`);
  for (const node of doc.nodes) {
    g.setNode(node.id, { width: sizes.nodeWidth, height: sizes.nodeHeight + sizes.groupHeader });
    if (node.group !== undefined) g.setParent(node.id, `group:${node.group}`);
  }
  for (const edge of doc.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const centres = new Map<string, { x: number; y: number }>();
  for (const node of doc.nodes) {
    const laid = g.node(node.id);
    centres.set(node.id, { x: laid.x, y: laid.y });
  }
  return centres;
}
