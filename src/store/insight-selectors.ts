import type { ArchState } from './store';

/** Named selectors of the Insight slice (STYLE.md). */
export const selectInsightOpen = (s: ArchState) => s.insightOpen;
export const selectInsightTab = (s: ArchState) => s.insightTab;
export const selectSweepOutcome = (s: ArchState) => s.sweepOutcome;
export const selectTwinOutcome = (s: ArchState) => s.twinOutcome;
export const selectSeedsOutcome = (s: ArchState) => s.seedsOutcome;
export const selectPairedOutcome = (s: ArchState) => s.pairedOutcome;
export const selectReplay = (s: ArchState) => s.replay;

/**
 * The heat map, while it describes the design on the canvas: the one swept (or a case of it being
 * replayed). Any edit, or another document, makes it stale, and a stale heat map is not shown.
 */
const currentHeat = (s: ArchState) =>
  s.heat !== null && s.sweepOutcome?.doc === (s.replay?.saved ?? s.doc) ? s.heat : null;

export const selectHeatShown = (s: ArchState) => currentHeat(s) !== null;
/** A node's share of requests failed after its crash in the sweep, 0 to 1 (undefined: no heat map). */
export const selectNodeHeat = (s: ArchState, id: string): number | undefined => currentHeat(s)?.[id];
