import type { NodeKind } from '../model/types';
import { validateDocument } from '../model/validate';
import {
  newNodeOf,
  withEdgeAdded,
  withEdgesRemoved,
  withNodeAdded,
  withNodeLabel,
  withNodePositions,
  withNodesRemoved,
  type Point,
} from '../store/graph-edits';
import { useArchStore } from '../store/store';
import type { ArchDocument } from '../model/types';
import { withPinnedPositions } from './pin-positions';

/**
 * Edits of the drawing from the canvas, the palette and the Inspector. Each pins the nodes already on
 * the canvas where they are, checks the result and restarts the run with it; the Mermaid text follows
 * from the document. Returns an error message when the edit is refused.
 */
function commit(next: ArchDocument): string | null {
  const issue = validateDocument(next)[0];
  if (issue) {
    useArchStore.setState({ notice: `That edit was not applied: ${issue.message}` });
    return issue.message;
  }
  useArchStore.getState().replaceDocument(next, { restart: true });
  return null;
}

const pinned = () => withPinnedPositions(useArchStore.getState().doc);

/** Adds a node of `kind` (at a canvas position, or where the layout finds room) and selects it. */
export function addNode(kind: NodeKind, position?: Point): string | null {
  const doc = pinned();
  const node = newNodeOf(doc, kind, position && { x: Math.round(position.x), y: Math.round(position.y) });
  const error = commit(withNodeAdded(doc, node));
  if (!error) useArchStore.getState().select(node.id);
  return error;
}

/** Removes nodes (with their edges) and edges in one edit. */
export function removeElements(ids: readonly string[], edgeIds: readonly string[] = []): string | null {
  if (ids.length === 0 && edgeIds.length === 0) return null;
  const { selectedId, select } = useArchStore.getState();
  const error = commit(withEdgesRemoved(withNodesRemoved(pinned(), ids), edgeIds));
  if (!error && selectedId !== null && ids.includes(selectedId)) select(null);
  return error;
}

export function connect(source: string, target: string): string | null {
  return commit(withEdgeAdded(pinned(), source, target));
}

export function renameNode(id: string, label: string): string | null {
  const trimmed = label.trim();
  if (trimmed === '') return 'A label cannot be empty';
  return commit(withNodeLabel(pinned(), id, trimmed));
}

/** Records where nodes were moved to; the run goes on, since positions do not change the simulation. */
export function moveNodes(positions: ReadonlyMap<string, Point>): void {
  const { doc, replaceDocument } = useArchStore.getState();
  const next = withNodePositions(withPinnedPositions(doc), positions);
  if (next !== doc) replaceDocument(next, { restart: false });
}
