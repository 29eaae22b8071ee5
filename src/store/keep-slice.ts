import type { ArchDocument } from '../model/types';
import type { RecentDocument } from '../share/doc-storage';
import {
  EMPTY_HISTORY,
  differsOnlyInPositions,
  recordChange,
  redoFrom,
  undoFrom,
  type DocHistory,
} from './doc-history';

/**
 * Keeping the user's work (DESIGN.md §7, "nothing a user does may ever be lost"): undo/redo over every
 * document change, the autosave status, the recent documents, and the notice shown when a link
 * replaced the open document. Storage itself is the UI's business (src/ui/keep): this is state.
 */

/** Where the open document stands: written to storage, about to be, only in memory, or never (embed). */
export type SaveStatus = 'saved' | 'saving' | 'memory' | 'off';

/** What the last link did: opened (with the document it replaced), or failed with a plain message. */
export type LinkNotice =
  | { readonly kind: 'opened'; readonly name: string; readonly previous: ArchDocument | null }
  | { readonly kind: 'error'; readonly message: string };

export interface KeepState {
  readonly history: DocHistory;
  readonly saveStatus: SaveStatus;
  /** Why the document is only in memory: storage unavailable, or full. */
  readonly saveProblem: 'unavailable' | 'full' | null;
  readonly linkNotice: LinkNotice | null;
  readonly recent: readonly RecentDocument[];
  /** The last export's outcome ("Downloaded x.csv."), for a live region beside the Export menu. */
  readonly exportStatus: string | null;
}

export interface KeepActions {
  /** Goes back to the document before the last change (a new run unless only positions differ). */
  undo(): void;
  redo(): void;
  /** Records a change of the document (called for every change, from one subscription). */
  noteDocChange(prev: ArchDocument, next: ArchDocument): void;
  /** Opens a document from outside (a link, a recent entry) as the current one, paused at t = 0. */
  openDocument(doc: ArchDocument, notice: LinkNotice | null): void;
  showLinkNotice(notice: LinkNotice | null): void;
  setSaveStatus(status: SaveStatus, problem?: 'unavailable' | 'full' | null): void;
  setRecent(recent: readonly RecentDocument[]): void;
  showExportStatus(status: string | null): void;
}

export type KeepSlice = KeepState & KeepActions;

type Set = (
  partial: Partial<KeepState> & {
    doc?: ArchDocument;
    selectedId?: string | null;
    openPreset?: null;
    lessonShown?: boolean;
  },
) => void;
type Get = () => KeepState & {
  readonly doc: ArchDocument;
  readonly playing: boolean;
  clearSourceDraft(): void;
};

/** The slice, given the store's `set`/`get` and its way of restarting a run with a new document. */
export function keepSlice(
  set: Set,
  get: Get,
  restart: (doc: ArchDocument, playing: boolean) => void,
): KeepSlice {
  /** True while undo/redo themselves change the document: that change is not a new step. */
  let replaying = false;
  const go = (step: { readonly doc: ArchDocument; readonly history: DocHistory } | null) => {
    if (!step) return;
    const { doc: current, playing, clearSourceDraft } = get();
    replaying = true;
    try {
      clearSourceDraft();
      set({ history: step.history });
      if (differsOnlyInPositions(current, step.doc)) set({ doc: step.doc });
      else restart(step.doc, playing);
    } finally {
      replaying = false;
    }
  };
  return {
    history: EMPTY_HISTORY,
    // Nothing is claimed until the app has looked at its storage (src/ui/keep).
    saveStatus: 'off',
    saveProblem: null,
    linkNotice: null,
    recent: [],
    exportStatus: null,

    undo: () => go(undoFrom(get().history, get().doc)),
    redo: () => go(redoFrom(get().history, get().doc)),
    noteDocChange: (prev, next) => {
      if (!replaying) set({ history: recordChange(get().history, prev, next, Date.now()) });
    },
    openDocument: (doc, notice) => {
      get().clearSourceDraft();
      set({ selectedId: null, openPreset: null, lessonShown: false, linkNotice: notice });
      restart(doc, false);
    },
    showLinkNotice: (linkNotice) => set({ linkNotice }),
    setSaveStatus: (saveStatus, saveProblem = null) => set({ saveStatus, saveProblem }),
    setRecent: (recent) => set({ recent }),
    showExportStatus: (exportStatus) => set({ exportStatus }),
  };
}
