import type { MermaidDiagnostic } from '../mermaid/diagnostics';
import type { ArchDocument } from '../model/types';

/**
 * The Mermaid source panel's part of the store. The document is the one source of truth; the panel's
 * text is derived from it (`toMermaid`) except while the user's own text is shown: while they type, and
 * for as long as that text has errors (the app never rewrites text that does not parse).
 */
export interface SourceState {
  /** The user's text, or null when the panel shows the document's own export. */
  readonly sourceDraft: string | null;
  /** The document the draft produced when it last parsed; the draft is shown while it is still the document. */
  readonly sourceDraftDoc: ArchDocument | null;
  /** Errors of the draft: while there are any, the draft is shown and the graph keeps its last good state. */
  readonly sourceErrors: readonly MermaidDiagnostic[];
  /** Notices of the last successful import (dropped `click` lines…), until dismissed. */
  readonly sourceNotices: readonly MermaidDiagnostic[];
  /** A one-line message of the panel (copied, clipboard denied, file refused…). */
  readonly sourceStatus: string | null;
}

export interface SourceActions {
  /**
   * Replaces the document. `restart` runs it again from t = 0 (the drawing or parameters changed); without
   * it only the layout changed (positions), which the simulation ignores.
   */
  replaceDocument(doc: ArchDocument, options: { readonly restart: boolean }): void;
  /** Shows the user's text in the panel (while typing, or a file just opened). */
  setSourceDraft(text: string): void;
  /** Records the outcome of parsing the draft: the document it gave (null on errors) and the messages. */
  setSourceOutcome(outcome: {
    readonly doc: ArchDocument | null;
    readonly errors: readonly MermaidDiagnostic[];
    readonly notices?: readonly MermaidDiagnostic[];
  }): void;
  /** Lets the panel show the document's own text again (drops the draft and its errors). */
  clearSourceDraft(): void;
  dismissSourceNotice(index: number): void;
  setSourceStatus(status: string | null): void;
}

export type SourceSlice = SourceState & SourceActions;

type Set = (partial: Partial<SourceState> & { doc?: ArchDocument }) => void;
type Get = () => SourceState & { readonly doc: ArchDocument; readonly playing: boolean };

/** The slice, given the store's `set`/`get` and its way of restarting a run with a new document. */
export function sourceSlice(
  set: Set,
  get: Get,
  restart: (doc: ArchDocument, playing: boolean) => void,
): SourceSlice {
  return {
    sourceDraft: null,
    sourceDraftDoc: null,
    sourceErrors: [],
    sourceNotices: [],
    sourceStatus: null,

    replaceDocument: (doc, { restart: again }) => {
      if (again) restart(doc, get().playing);
      else set({ doc });
    },
    setSourceDraft: (text) => {
      const { sourceDraft, sourceDraftDoc, doc } = get();
      // Typing into the document's own text: the draft stands for the current document until it parses.
      set({ sourceDraft: text, sourceDraftDoc: sourceDraft === null ? doc : sourceDraftDoc });
    },
    setSourceOutcome: ({ doc, errors, notices }) =>
      set({
        sourceErrors: errors,
        ...(doc ? { sourceDraftDoc: doc } : {}),
        ...(notices ? { sourceNotices: notices } : {}),
      }),
    clearSourceDraft: () => set({ sourceDraft: null, sourceDraftDoc: null, sourceErrors: [] }),
    dismissSourceNotice: (index) => set({ sourceNotices: get().sourceNotices.filter((_, i) => i !== index) }),
    setSourceStatus: (sourceStatus) => set({ sourceStatus }),
  };
}
