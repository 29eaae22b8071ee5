import type { ArchState } from './store';

/** Named selectors of the Insight slice (STYLE.md). */
export const selectInsightOpen = (s: ArchState) => s.insightOpen;
export const selectInsightTab = (s: ArchState) => s.insightTab;
export const selectSweepOutcome = (s: ArchState) => s.sweepOutcome;
export const selectTwinOutcome = (s: ArchState) => s.twinOutcome;
export const selectReplay = (s: ArchState) => s.replay;
export const selectHeatShown = (s: ArchState) => s.heat !== null;
/** A node's impact in the last sweep, 0 to 1 (undefined: no heat map, or the node was not swept). */
export const selectNodeHeat = (s: ArchState, id: string): number | undefined => s.heat?.[id];
