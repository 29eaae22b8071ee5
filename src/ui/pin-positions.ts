import type { ArchDocument } from '../model/types';
import { withNodePositions, type Point } from '../store/graph-edits';
import { layoutDocument } from './layout';
import { canLayOut } from './layout-engine';

/**
 * Gives the nodes of `next` that have no position the place they have on the canvas now (laid out from
 * `current`), when they still exist in the same group. So an edit (of the text, or on the canvas) moves
 * nothing that was already there; only new nodes are laid out by dagre.
 *
 * A change of direction, or another diagram pasted over this one (most of its nodes new), is laid out
 * afresh instead: the few nodes it shares with the old drawing, kept where the old layout had them,
 * would scatter the new one.
 */
export function withPinnedPositions(current: ArchDocument, next: ArchDocument = current): ArchDocument {
  // The canvas has not drawn `current` yet (its layout is still loading): nothing is anywhere to keep.
  if (!canLayOut(current)) return next;
  const before = new Map(current.nodes.map((n) => [n.id, n]));
  if (next.direction !== current.direction) return next;
  const shared = next.nodes.filter((n) => before.has(n.id)).length;
  if (shared * 2 < next.nodes.length) return next;
  const laid = new Map(layoutDocument(current).nodes.map((n) => [n.id, n.position]));
  const positions = new Map<string, Point>();
  for (const node of next.nodes) {
    const old = before.get(node.id);
    const at = laid.get(node.id);
    if (node.position || !old || old.group !== node.group || !at) continue;
    positions.set(node.id, { x: Math.round(at.x), y: Math.round(at.y) });
  }
  return positions.size ? withNodePositions(next, positions) : next;
}

/** Whether `next` is another diagram rather than an edit of `current`: most of its nodes are new. */
export function isAnotherDiagram(current: ArchDocument, next: ArchDocument): boolean {
  const ids = new Set(current.nodes.map((n) => n.id));
  const shared = next.nodes.filter((n) => ids.has(n.id)).length;
  return shared * 2 < next.nodes.length;
}
