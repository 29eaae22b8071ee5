import type { GalleryPreset } from '../model/preset-gallery';
import type { ArchDocument } from '../model/types';

/** The gallery preset that is open, without its Mermaid text: what the lesson banner and run totals need. */
export type OpenPreset = Pick<GalleryPreset, 'id' | 'title' | 'lesson' | 'headline' | 'mitigation'>;

export interface GalleryState {
  /** The preset last loaded from the gallery (null: the document came from elsewhere). */
  readonly openPreset: OpenPreset | null;
  /** Whether its lesson banner is still shown (until dismissed). */
  readonly lessonShown: boolean;
}

export interface GalleryActions {
  /** Opens a preset's document (parsed by the caller) in place of the current one; the run restarts, paused. */
  openGalleryPreset(doc: ArchDocument, preset: OpenPreset): void;
  dismissLesson(): void;
}

export type GallerySlice = GalleryState & GalleryActions;

type Set = (
  partial: Partial<GalleryState> & { selectedId?: string | null; showNodeSeries?: boolean },
) => void;
type Get = () => { clearSourceDraft(): void };

/** The slice, given the store's `set`/`get` and its way of restarting a run with a new document. */
export function gallerySlice(
  set: Set,
  get: Get,
  restart: (doc: ArchDocument, playing: boolean) => void,
): GallerySlice {
  return {
    openPreset: null,
    lessonShown: false,
    openGalleryPreset: (doc, { id, title, lesson, headline, mitigation }) => {
      set({
        openPreset: { id, title, lesson, headline, ...(mitigation !== undefined ? { mitigation } : {}) },
        lessonShown: true,
        selectedId: null,
        showNodeSeries: false,
      });
      get().clearSourceDraft();
      restart(doc, false);
    },
    dismissLesson: () => set({ lessonShown: false }),
  };
}
