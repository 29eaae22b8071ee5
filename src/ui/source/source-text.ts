import { toMermaid } from '../../mermaid/export';
import type { ArchDocument } from '../../model/types';
import type { ArchState } from '../../store/store';

const exported = new WeakMap<ArchDocument, string>();

/** The document's own Mermaid text, computed once per document. */
export function mermaidOf(doc: ArchDocument): string {
  let text = exported.get(doc);
  if (text === undefined) {
    text = toMermaid(doc);
    exported.set(doc, text);
  }
  return text;
}

/** Whether the panel shows the user's text: it has errors, or it is what the current document came from. */
export const selectShowsDraft = (s: ArchState): boolean =>
  s.sourceDraft !== null && (s.sourceErrors.length > 0 || s.sourceDraftDoc === s.doc);

/** The text the source panel shows (DESIGN §5): the user's draft while it stands, else the document's export. */
export const selectSourceText = (s: ArchState): string =>
  selectShowsDraft(s) && s.sourceDraft !== null ? s.sourceDraft : mermaidOf(s.doc);
