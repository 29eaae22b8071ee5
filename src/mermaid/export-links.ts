/**
 * The links export draws: one per edge, except that edges the import made from one link to or from a
 * subgraph (`Client --> Backend`) are drawn as that one link again while they are all still there and
 * still alike; and the arrow of each link, with its stroke, heads and length.
 */
import type { ArchDocument, EdgeSpec } from '../model/types';
import { linkEnds } from './structure';

/** A link to write: the edge whose drawing it takes, and the ends as written (node or subgraph ids). */
export interface DrawnLink {
  readonly edge: EdgeSpec;
  readonly source: string;
  readonly target: string;
}

/** The Mermaid arrow of an edge: `-->`, `---`, `-.-o`, `<==>`, `~~~`, `--->`… */
export function linkArrow(edge: EdgeSpec): string {
  const extra = Math.max(0, Math.min(Math.round(edge.length ?? 1), 10) - 1);
  const stroke = edge.stroke ?? 'normal';
  if (stroke === 'invisible') return '~'.repeat(3 + extra);
  const head = edge.head ?? 'arrow';
  const both = (edge.bidirectional ?? false) && head !== 'none';
  const end = head === 'arrow' ? '>' : head === 'circle' ? 'o' : head === 'cross' ? 'x' : '';
  const start = both ? (head === 'arrow' ? '<' : end) : '';
  if (stroke === 'dotted') return `${start}-${'.'.repeat(1 + extra)}-${end}`;
  const line = stroke === 'thick' ? '=' : '-';
  return `${start}${line.repeat(2 + extra)}${end === '' ? line : end}`;
}

/** What makes two edges draw alike (all but their ends and parameters). */
function drawingKey(edge: EdgeSpec): string {
  return JSON.stringify([
    edge.label ?? '',
    edge.labelMarkup ?? null,
    edge.stroke ?? 'normal',
    edge.head ?? 'arrow',
    edge.bidirectional ?? false,
    edge.length ?? 1,
    edge.style ?? '',
    edge.mermaidId ?? '',
    edge.animation ?? '',
  ]);
}

export function drawnLinks(doc: ArchDocument): DrawnLink[] {
  const groupIds = new Set(doc.groups.map((g) => g.id));
  const nodeGroup = new Map<string, string>();
  for (const node of doc.nodes) if (node.group !== undefined) nodeGroup.set(node.id, node.group);
  const viaGroup = (edge: EdgeSpec) =>
    (edge.drawnFrom !== undefined && groupIds.has(edge.drawnFrom)) ||
    (edge.drawnTo !== undefined && groupIds.has(edge.drawnTo));
  const plain = doc.edges.filter((e) => !viaGroup(e)).map((e) => ({ start: e.source, end: e.target }));
  const ends = linkEnds(doc.groups, nodeGroup, plain);
  const endsOf = (edge: EdgeSpec) => {
    const from = edge.drawnFrom !== undefined && groupIds.has(edge.drawnFrom) ? edge.drawnFrom : edge.source;
    const to = edge.drawnTo !== undefined && groupIds.has(edge.drawnTo) ? edge.drawnTo : edge.target;
    return { from, to };
  };
  // Edges by the link they were drawn as.
  const byLink = new Map<string, EdgeSpec[]>();
  for (const edge of doc.edges) {
    if (!viaGroup(edge)) continue;
    const { from, to } = endsOf(edge);
    const key = JSON.stringify([from, to]);
    byLink.set(key, [...(byLink.get(key) ?? []), edge]);
  }
  const collapsed = new Set<string>();
  for (const [key, edges] of byLink) {
    const [from, to] = JSON.parse(key) as [string, string];
    const expected = ends(from, 'exit').flatMap((s) => ends(to, 'entry').map((t) => `${s}-->${t}`));
    const present = new Set(edges.map((e) => `${e.source}-->${e.target}`));
    const first = edges[0] as EdgeSpec;
    const alike = edges.every((e) => drawingKey(e) === drawingKey(first));
    if (alike && expected.length === present.size && expected.every((id) => present.has(id)))
      collapsed.add(key);
  }
  const links: DrawnLink[] = [];
  const written = new Set<string>();
  for (const edge of doc.edges) {
    if (viaGroup(edge)) {
      const { from, to } = endsOf(edge);
      const key = JSON.stringify([from, to]);
      if (collapsed.has(key)) {
        if (!written.has(key)) links.push({ edge, source: from, target: to });
        written.add(key);
        continue;
      }
    }
    links.push({ edge, source: edge.source, target: edge.target });
  }
  return links;
}
