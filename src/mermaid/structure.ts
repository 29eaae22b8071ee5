/**
 * Subgraphs → groups, and mermaid's links → edges (with links to a subgraph sent to its nodes).
 */
import { DEFAULT_EDGE } from '../model/defaults';
import {
  edgeIdOf,
  type EdgeAnimation,
  type EdgeHead,
  type EdgeSpec,
  type EdgeStroke,
  type GroupSpec,
} from '../model/types';
import { decodeLabel, labelMarkupOf } from './labels';
import { filterStyles } from './styles';
import type { RawEdge, RawFlowchart, RawSubGraph } from './library';

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
    const label = decodeLabel(sg.title, sg.labelType === 'markdown');
    const labelMarkup = labelMarkupOf(sg.title, sg.labelType, label);
    groups.push({
      id: sg.id,
      label,
      ...(parent !== undefined ? { parent } : {}),
      ...(labelMarkup ? { labelMarkup } : {}),
    });
    for (const child of subGraphs) if (parentOf.get(child.id) === sg.id) visit(child, seen);
  };
  const seen = new Set<string>();
  for (const sg of subGraphs) if (!parentOf.has(sg.id)) visit(sg, seen);
  // Cycles cannot come from mermaid, but a walk that missed a subgraph would silently lose it.
  for (const sg of subGraphs) if (!seen.has(sg.id)) visit(sg, seen);
  return { groups, nodeGroup };
}

/**
 * Where a link that names a subgraph goes: a link to a subgraph goes to its entry nodes (no link from
 * inside it), one from a subgraph leaves from its exit nodes; a subgraph whose nodes form a cycle has
 * none, then all its nodes. `plain` are the links between nodes. A node id is its own end.
 */
export function linkEnds(
  groups: readonly GroupSpec[],
  nodeGroup: ReadonlyMap<string, string>,
  plain: readonly { readonly start: string; readonly end: string }[],
): (id: string, role: 'entry' | 'exit') => string[] {
  const groupIds = new Set(groups.map((g) => g.id));
  const childrenOf = (id: string): string[] => groups.filter((g) => g.parent === id).map((g) => g.id);
  const membersOf = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const direct = [...nodeGroup].filter(([, group]) => group === id).map(([node]) => node);
    return [...direct, ...childrenOf(id).flatMap((child) => membersOf(child, seen))];
  };
  return (id, role) => {
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
}

export function readEdges(
  raw: RawFlowchart,
  nodeGroup: ReadonlyMap<string, string>,
  groups: readonly GroupSpec[],
  /** A word for the user; `link` names the link it is about (its ends as written), to place it. */
  notice: (
    message: string,
    link?: { readonly start: string; readonly end: string; readonly nth: number },
  ) => void,
): EdgeSpec[] {
  const groupIds = new Set(groups.map((g) => g.id));
  const plain = raw.edges.filter((e) => !groupIds.has(e.start) && !groupIds.has(e.end));
  const ends = linkEnds(groups, nodeGroup, plain);
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
    const labelMarkup = labelMarkupOf(rawEdge.text, rawEdge.labelType, label);
    const stroke = strokeOf(rawEdge.stroke);
    const { head, bidirectional } = headOf(rawEdge.type, stroke);
    const length = rawEdge.length !== undefined && rawEdge.length > 1 ? rawEdge.length : undefined;
    const style = filterStyles(rawEdge.style ?? []).kept.join(',');
    // A link's own id names one link: kept only when the link is one edge (not fanned out by a subgraph).
    const single = sources.length === 1 && targets.length === 1;
    const mermaidId = single && rawEdge.isUserDefinedId === true ? rawEdge.id : undefined;
    const animation = mermaidId === undefined ? undefined : animationOf(rawEdge);
    for (const source of sources) {
      for (const target of targets) {
        const id = edgeIdOf(source, target);
        if (seen.has(id)) {
          if (!groupIds.has(rawEdge.start) && !groupIds.has(rawEdge.end)) {
            const nth = raw.edges.filter(
              (e, i) => i <= raw.edges.indexOf(rawEdge) && e.start === source && e.end === target,
            ).length;
            notice(`${id} is linked more than once; the first link is kept`, {
              start: source,
              end: target,
              nth,
            });
          }
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
          ...(head !== 'arrow' ? { head } : {}),
          ...(bidirectional ? { bidirectional } : {}),
          ...(length !== undefined ? { length } : {}),
          ...(labelMarkup ? { labelMarkup } : {}),
          ...(style !== '' ? { style } : {}),
          ...(mermaidId !== undefined ? { mermaidId } : {}),
          ...(animation !== undefined ? { animation } : {}),
          ...(groupIds.has(rawEdge.start) ? { drawnFrom: rawEdge.start } : {}),
          ...(groupIds.has(rawEdge.end) ? { drawnTo: rawEdge.end } : {}),
        });
      }
    }
  }
  return edges;
}

function animationOf(rawEdge: RawEdge): EdgeAnimation | undefined {
  if (rawEdge.animation === 'fast' || rawEdge.animation === 'slow') return rawEdge.animation;
  return rawEdge.animate === true ? 'on' : undefined;
}

/**
 * Mermaid's link type → the head at the target and whether the link has one at both ends. An invisible
 * link (`~~~`) has no head to keep: mermaid always reports it as open.
 */
function headOf(type: string | undefined, stroke: EdgeStroke): { head: EdgeHead; bidirectional: boolean } {
  if (stroke === 'invisible') return { head: 'arrow', bidirectional: false };
  const bidirectional = type?.startsWith('double_') ?? false;
  const end = type?.replace(/^double_/, '');
  const head: EdgeHead =
    end === 'arrow_open'
      ? 'none'
      : end === 'arrow_circle'
        ? 'circle'
        : end === 'arrow_cross'
          ? 'cross'
          : 'arrow';
  return { head, bidirectional };
}

function strokeOf(stroke: string | undefined): EdgeStroke {
  return stroke === 'dotted' || stroke === 'thick' || stroke === 'invisible' ? stroke : 'normal';
}
