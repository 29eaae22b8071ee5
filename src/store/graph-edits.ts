import { DEFAULT_EDGE, defaultParamsOf } from '../model/defaults';
import { KINDS } from '../model/kinds';
import type { ArchDocument, NodeKind, NodeSpec } from '../model/types';
import { edgeIdOf } from '../model/types';

/**
 * Edits of the drawing made on the canvas, as pure functions returning a new document (STYLE.md:
 * changes as data, no mutation). Validation is the caller's: these only keep references consistent.
 */

export type Point = { readonly x: number; readonly y: number };

/** A fresh node of `kind` with default parameters and an id no node or group of `doc` uses. */
export function newNodeOf(doc: ArchDocument, kind: NodeKind, position?: Point): NodeSpec {
  const { idBase, labelBase } = KINDS[kind];
  const taken = new Set([...doc.nodes.map((n) => n.id), ...doc.groups.map((g) => g.id)]);
  let n = 1;
  while (taken.has(`${idBase}${n}`)) n += 1;
  const node = {
    id: `${idBase}${n}`,
    label: `${labelBase} ${n}`,
    kind,
    params: defaultParamsOf(kind),
  } as NodeSpec;
  return position ? { ...node, position } : node;
}

/** Adds a node. */
export function withNodeAdded(doc: ArchDocument, node: NodeSpec): ArchDocument {
  return { ...doc, nodes: [...doc.nodes, node] };
}

/** Removes nodes with their edges, and the scenario steps and alert rules that name them or their edges. */
export function withNodesRemoved(doc: ArchDocument, ids: readonly string[]): ArchDocument {
  const gone = new Set(ids);
  const edges = doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  return withTargetsPruned({ ...doc, nodes: doc.nodes.filter((n) => !gone.has(n.id)), edges });
}

/** Removes edges by id, and the scenario steps that target them. */
export function withEdgesRemoved(doc: ArchDocument, ids: readonly string[]): ArchDocument {
  const gone = new Set(ids);
  return withTargetsPruned({ ...doc, edges: doc.edges.filter((e) => !gone.has(e.id)) });
}

/** Adds a call from `source` to `target` with default parameters; unchanged if it exists or loops. */
export function withEdgeAdded(doc: ArchDocument, source: string, target: string): ArchDocument {
  const id = edgeIdOf(source, target);
  if (source === target || doc.edges.some((e) => e.id === id)) return doc;
  return { ...doc, edges: [...doc.edges, { id, source, target, params: DEFAULT_EDGE }] };
}

/** Gives node `id` a new label. */
export function withNodeLabel(doc: ArchDocument, id: string, label: string): ArchDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, label } : n)) };
}

/** Sets canvas positions (relative to each node's group) of the nodes named in `positions`. */
export function withNodePositions(doc: ArchDocument, positions: ReadonlyMap<string, Point>): ArchDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = positions.get(n.id);
      if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
      return { ...n, position: { x: p.x, y: p.y } };
    }),
  };
}

/** Drops scenario steps, alert rules and expectations whose target no longer exists. */
function withTargetsPruned(doc: ArchDocument): ArchDocument {
  const targets = new Set([
    ...doc.nodes.map((n) => n.id),
    ...doc.groups.map((g) => g.id),
    ...doc.edges.map((e) => e.id),
  ]);
  const scenario = doc.scenario.filter((step) => targets.has(step.target));
  const alerts = doc.alerts?.filter((rule) => rule.target === undefined || targets.has(rule.target));
  const expectations = doc.expectations?.filter((e) => e.target === undefined || targets.has(e.target));
  const { expectations: _old, ...rest } = doc;
  return {
    ...rest,
    scenario,
    ...(alerts ? { alerts } : {}),
    ...(expectations && expectations.length > 0 ? { expectations } : {}),
  };
}
