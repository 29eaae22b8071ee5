import type { EdgeParams } from '../../model/types';
import { validateDocument } from '../../model/validate';
import { useArchStore } from '../../store/store';

/**
 * Applies valid parameters to an edge; the run restarts from t = 0 (as node parameter edits do).
 * Returns an error message when the document would be refused.
 */
export function useEdgeParams(id: string): (params: EdgeParams) => string | null {
  return (params) => {
    const { doc, replaceDocument } = useArchStore.getState();
    const next = { ...doc, edges: doc.edges.map((e) => (e.id === id ? { ...e, params } : e)) };
    const issue = validateDocument(next)[0];
    if (issue) return issue.message;
    replaceDocument(next, { restart: true });
    return null;
  };
}
