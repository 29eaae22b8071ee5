/**
 * Subgraphs → groups, and mermaid's links → edges (with links to a subgraph sent to its nodes).
 */
import { DEFAULT_EDGE } from '../model/defaults';
import { edgeIdOf, type EdgeSpec, type EdgeStroke, type GroupSpec } from '../model/types';
import { decodeLabel } from './labels';
import type { RawFlowchart, RawSubGraph } from './library';

/** Groups in the order their subgraphs open (parents before children), and each node's group. */
export function readGroups(subGraphs: readonly RawSubGraph[]): {
  groups: GroupSpec[];
  nodeGroup: Map<string, string>;
} {
  const ids = new Set(subGraphs.map((sg) => sg.id));
  const parentOf = new Map<string, string>();
  const nodeGroup = new Map<string, string>();
  for (const sg of subGraphs) {
    for (const member of sg.nodes) {
      if (ids.has(member)) {
        if (!parentOf.has(member) && member !== sg.id) parentOf.set(member, sg.id);
      } else if (!nodeGroup.has(member)) {
        nodeGroup.set(member, sg.id);
      }
    }
  }
  // Mermaid lists a subgraph when it closes; siblings close in the order they open, so a walk from the
  // roots in list order gives the order in which the subgraphs open.
  const groups: GroupSpec[] = [];
  const visit = (sg: RawSubGraph, seen: Set<string>) => {
    if (seen.has(sg.id)) return;
    seen.add(sg.id);
    const parent = parentOf.get(sg.id);
    groups.push({
      id: sg.id,
      label: decodeLabel(sg.title, sg.labelType === 'markdown'),
      ...(parent !== undefined ? { parent } : {}),
    });
    for (const child of subGraphs) if (parentOf.get(child.id) === sg.id) visit(child, seen);
  };
  const seen = new Set<string>();
  for (const sg of subGraphs) if (!parentOf.has(sg.id)) visit(sg, seen);
  // Cycles cannot come from mermaid, but a walk that missed a subgraph would silently lose it.
  for (const sg of subGraphs) if (!seen.has(sg.id)) visit(sg, seen);
  return { groups, nodeGroup };
}

export function readEdges(
  raw: RawFlowchart,
  nodeGroup: ReadonlyMap<string, string>,
  groups: readonly GroupSpec[],
  notice: (message: string) => void,
): EdgeSpec[] {
  const groupIds = new Set(groups.map((g) => g.id));
  const childrenOf = (id: string): string[] => groups.filter((g) => g.parent === id).map((g) => g.id);
  const membersOf = (id: string): string[] => {
    const direct = [...nodeGroup].filter(([, group]) => group === id).map(([node]) => node);
    return [...direct, ...childrenOf(id).flatMap(membersOf)];
  };
  const plain = raw.edges.filter((e) => !groupIds.has(e.start) && !groupIds.has(e.end));
  // A link to a subgraph goes to its entry nodes (no link from inside it); one from a subgraph leaves
  // from its exit nodes. A subgraph whose nodes form a cycle has none: then all its nodes.
  const ends = (id: string, role: 'entry' | 'exit'): string[] => {
    if (!groupIds.has(id)) return [id];
    const members = membersOf(id);
    const inside = new Set(members);
    const chosen = members.filter(
      (m) =>
        !plain.some((e) =>
          role === 'entry' ? e.end === m && inside.has(e.start) : e.start === m && inside.has(e.end),
        ),
    );
    return chosen.length > 0 ? chosen : members;
  };
  const edges: EdgeSpec[] = [];
  const seen = new Set<string>();
  for (const rawEdge of raw.edges) {
    const sources = ends(rawEdge.start, 'exit');
    const targets = ends(rawEdge.end, 'entry');
    if (sources.length === 0 || targets.length === 0) {
      notice(`the link ${rawEdge.start} --> ${rawEdge.end} touches an empty subgraph and was dropped`);
      continue;
    }
    const label = decodeLabel(rawEdge.text, rawEdge.labelType === 'markdown');
    const stroke = strokeOf(rawEdge.stroke);
    // `A <--> B` (mermaid's `double_arrow_*` types): between databases a replication link.
    const bidirectional = rawEdge.type?.startsWith('double_') === true;
    for (const source of sources) {
      for (const target of targets) {
        const id = edgeIdOf(source, target);
        if (seen.has(id)) {
          if (!groupIds.has(rawEdge.start) && !groupIds.has(rawEdge.end))
            notice(`${id} is linked more than once; the first link is kept`);
          continue;
        }
        seen.add(id);
        edges.push({
          id,
          source,
          target,
          params: DEFAULT_EDGE,
          ...(label !== '' ? { label } : {}),
          ...(stroke !== 'normal' ? { stroke } : {}),
          ...(bidirectional ? { bidirectional } : {}),
        });
      }
    }
  }
  return edges;
}

function strokeOf(stroke: string | undefined): EdgeStroke {
  return stroke === 'dotted' || stroke === 'thick' || stroke === 'invisible' ? stroke : 'normal';
}
