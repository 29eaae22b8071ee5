/**
 * Undo and redo as a history of document snapshots (STYLE.md: changes as data). Every change of the
 * store's document is recorded at one place, whatever made it (parameters, scenario, alerts, graph
 * edits, Mermaid text, a preset, a link, a fault clicked during a run); documents are immutable, so a
 * snapshot is a reference, not a copy.
 */
import type { ArchDocument } from '../model/types';

export interface DocHistory {
  /** Older documents, oldest first. */
  readonly past: readonly ArchDocument[];
  /** Documents undone, the next one to redo last. */
  readonly future: readonly ArchDocument[];
  /** When the last change was recorded and whether it only moved nodes (moves in a row coalesce). */
  readonly lastMove: { readonly atMs: number } | null;
}

export const EMPTY_HISTORY: DocHistory = { past: [], future: [], lastMove: null };

/** Undo steps kept: older ones are forgotten. */
export const MAX_UNDO = 100;
/** Node moves closer together than this are one undo step (a drag, then a nudge of the same layout). */
export const MOVE_COALESCE_MS = 1500;

/** Records that the document changed from `prev` to `next`. */
export function recordChange(
  history: DocHistory,
  prev: ArchDocument,
  next: ArchDocument,
  nowMs: number,
): DocHistory {
  if (prev === next) return history;
  const moveOnly = differsOnlyInPositions(prev, next);
  const coalesce = moveOnly && history.lastMove !== null && nowMs - history.lastMove.atMs < MOVE_COALESCE_MS;
  return {
    past: coalesce ? history.past : [...history.past, prev].slice(-MAX_UNDO),
    future: [],
    lastMove: moveOnly ? { atMs: nowMs } : null,
  };
}

/** The document to go back to, and the history after it; null when there is nothing to undo. */
export function undoFrom(
  history: DocHistory,
  current: ArchDocument,
): { readonly doc: ArchDocument; readonly history: DocHistory } | null {
  const doc = history.past.at(-1);
  if (!doc) return null;
  return {
    doc,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], lastMove: null },
  };
}

/** The document to go forward to again, and the history after it; null when there is nothing to redo. */
export function redoFrom(
  history: DocHistory,
  current: ArchDocument,
): { readonly doc: ArchDocument; readonly history: DocHistory } | null {
  const doc = history.future.at(-1);
  if (!doc) return null;
  return {
    doc,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), lastMove: null },
  };
}

/**
 * Whether two documents differ only in where nodes are drawn: the simulation ignores positions, so
 * going between them needs no new run. Compares by reference (edits replace only what they change).
 */
export function differsOnlyInPositions(a: ArchDocument, b: ArchDocument): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'nodes') continue;
    if ((a as unknown as Record<string, unknown>)[key] !== (b as unknown as Record<string, unknown>)[key])
      return false;
  }
  if (a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, i) => {
    const other = b.nodes[i];
    if (!other || other.id !== node.id) return false;
    if (other === node) return true;
    const { position: _p, ...rest } = node;
    const { position: _q, ...otherRest } = other;
    return (
      Object.keys(rest).length === Object.keys(otherRest).length &&
      Object.entries(rest).every(([k, v]) => (otherRest as Record<string, unknown>)[k] === v)
    );
  });
}
