import { useEffect, useState } from 'react';
import type { ArchDocument } from '../model/types';
import type { dagreCentres } from './dagre-layout';

/**
 * dagre, the automatic layout, fetched only when a document needs it (README "Speed"): a document
 * whose nodes all have stored positions, outside any group, is drawn from them alone. (A grouped
 * node's position is kept relative to its frame as dagre places it, so groups need dagre.)
 */

type Layouter = typeof dagreCentres;

let layouter: Layouter | null = null;
let pending: Promise<Layouter> | null = null;

/** Whether drawing `doc` takes dagre: a node without a stored position, or a node in a group. */
export function needsDagre(doc: ArchDocument): boolean {
  return doc.nodes.some((n) => n.position === undefined || n.group !== undefined);
}

/** Fetches dagre's chunk (once; a failed fetch is tried again on the next call). */
export function loadDagre(): Promise<Layouter> {
  pending ??= import('./dagre-layout').then(
    (module) => (layouter = module.dagreCentres),
    (cause: unknown) => {
      pending = null;
      throw cause;
    },
  );
  return pending;
}

/** dagre when its chunk has arrived, or null. */
export const loadedDagre = (): Layouter | null => layouter;

/** Whether `doc` can be laid out now (without waiting for dagre). */
export const canLayOut = (doc: ArchDocument): boolean => layouter !== null || !needsDagre(doc);

/**
 * Whether `doc` can be laid out, fetching dagre when it needs it: false while the chunk is on its way;
 * the reason when it could not be fetched.
 */
export function useLayoutReady(doc: ArchDocument): true | false | { readonly failed: string } {
  const ready = canLayOut(doc);
  const [failure, setFailure] = useState<string | null>(null);
  const [, setArrived] = useState(0);
  useEffect(() => {
    if (ready) return;
    let current = true;
    // After the other effects of this commit: at startup the saved document, which may need no
    // layout, replaces the default one in an effect of the app's.
    const timer = setTimeout(() =>
      loadDagre().then(
        () => {
          if (current) setArrived((n) => n + 1);
        },
        (cause: unknown) => {
          if (current) setFailure(cause instanceof Error ? cause.message : String(cause));
        },
      ),
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ready]);
  if (ready) return true;
  return failure === null ? false : { failed: failure };
}
