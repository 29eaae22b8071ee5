import type { ArchDocument } from '../model/types';

/** The human name of any target: a node's or group's label, an edge as "Load Balancer → Server 1". */
export function targetLabelOf(doc: ArchDocument, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return node.label;
  const group = doc.groups.find((g) => g.id === id);
  if (group) return group.label;
  const edge = doc.edges.find((e) => e.id === id);
  if (edge)
    return `${targetLabelOf(doc, edge.source)} ${edge.bidirectional ? '↔' : '→'} ${targetLabelOf(doc, edge.target)}`;
  return id;
}

/** An edge's accessible name: "Edge Load Balancer → Server 1". */
export const edgeNameOf = (doc: ArchDocument, id: string): string => `Edge ${targetLabelOf(doc, id)}`;
