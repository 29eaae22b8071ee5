import { loadDagre } from '../layout-engine';
import { deferred, whenIdle } from './deferred';

/**
 * The parts of the screen that live in chunks of their own (README "Speed"): everything the first
 * screen does not show. Add a dialog or panel that opens on demand here, not as a static import, so the
 * first chunk stays within its budget (test/bundle-budget.test.ts).
 */

export const ShareDialogPart = deferred(() => import('../share/ShareDialog').then((m) => m.ShareDialog));
export const ExpectationsDialogPart = deferred(() =>
  import('../expectations/ExpectationsDialog').then((m) => m.ExpectationsDialog),
);
export const InsightPanelPart = deferred(() => import('../insight/InsightPanel').then((m) => m.InsightPanel));
export const SourcePanelPart = deferred(() => import('../source/SourcePanel').then((m) => m.SourcePanel));
export const LessonPanelPart = deferred(() => import('../lessons/LessonPanel').then((m) => m.LessonPanel));
export const LessonGalleryPart = deferred(() =>
  import('../lessons/LessonGallery').then((m) => m.LessonGallery),
);
export const PresetGalleryPart = deferred(() =>
  import('../gallery/PresetGallery').then((m) => m.PresetGallery),
);
export const PresenterLayerPart = deferred(() =>
  import('../presenter/PresenterLayer').then((m) => m.PresenterLayer),
);
export const ShortcutsDialogPart = deferred(() =>
  import('../shortcuts/ShortcutsDialog').then((m) => m.ShortcutsDialog),
);
/** The charts' plots (recharts and its d3, redux and immer: the largest part of the page's script). */
export const TimePlotPart = deferred(() => import('../TimePlot').then((m) => m.TimePlot));

/** Parts fetched when the browser is first idle, so that opening them later does not wait. */
const IDLE_PARTS = [
  ShareDialogPart,
  ExpectationsDialogPart,
  InsightPanelPart,
  SourcePanelPart,
  LessonPanelPart,
  LessonGalleryPart,
  PresetGalleryPart,
  PresenterLayerPart,
  ShortcutsDialogPart,
];

/** Fetches the deferred parts at the browser's first idle moment; returns a cancel function. */
export function preloadPartsWhenIdle(): () => void {
  return whenIdle(() => {
    for (const part of IDLE_PARTS) void part.preload();
    // The automatic layout too, so that a node added to a document drawn from its positions is placed at once.
    loadDagre().catch(() => undefined);
  });
}
