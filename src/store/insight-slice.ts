import type { ArchDocument } from '../model/types';
import type { SweepEntry } from '../analysis/analysis';
import type { RunReport } from '../analysis/report';
import type { ExpectationResult } from '../analysis/expectation-check';
import type { ReplicationSummary } from '../analysis/replications';
import type { Difference } from '../analysis/statistics';

/** The Insight panel's tools (issue "Insight"). */
export type InsightTab = 'twin' | 'sweep' | 'seeds' | 'capacity' | 'explain';

/** Finished replications of the open document ("Run 30 seeds"), with the design they were run on. */
export interface SeedsOutcome {
  readonly doc: ArchDocument;
  readonly summary: ReplicationSummary;
  /** The document's expectations judged over the runs (sweep ones over each failure's runs). */
  readonly results: readonly ExpectationResult[];
  readonly wallMs: number;
}

/** Twin runs over paired seeds: B − A for each total, and whether it is significant. */
export interface PairedOutcome {
  readonly forDoc: ArchDocument;
  readonly runs: number;
  readonly a: ReplicationSummary;
  readonly b: ReplicationSummary;
  readonly differences: Readonly<Record<string, Difference>>;
}

/** A finished single-point-of-failure sweep, with the design it was run on. */
export interface SweepOutcome {
  readonly doc: ArchDocument;
  readonly atSec: number;
  /** Worst first (`rankSweep`). */
  readonly ranking: readonly SweepEntry[];
  /** Wall time the sweep took, in milliseconds. */
  readonly wallMs: number;
}

/** A finished twin run: both designs as run (B with A's scenario) and both reports. */
export interface TwinOutcome {
  /** The open document the twin runs were made from (A is it, with the shared failure). */
  readonly forDoc: ArchDocument;
  readonly a: ArchDocument;
  readonly b: ArchDocument;
  readonly reportA: RunReport;
  readonly reportB: RunReport;
  /** What B changes, in words. */
  readonly changes: readonly string[];
}

export interface InsightState {
  readonly insightOpen: boolean;
  readonly insightTab: InsightTab;
  readonly sweepOutcome: SweepOutcome | null;
  /** Share of requests failed after each node's or group's crash in the last sweep, by id: the heat map. */
  readonly heat: Readonly<Record<string, number>> | null;
  readonly twinOutcome: TwinOutcome | null;
  readonly seedsOutcome: SeedsOutcome | null;
  readonly pairedOutcome: PairedOutcome | null;
  /** While a sweep case is replayed: the user's own design, to go back to, and what is replayed. */
  readonly replay: { readonly saved: ArchDocument; readonly title: string } | null;
}

export interface InsightActions {
  setInsightOpen(open: boolean): void;
  setInsightTab(tab: InsightTab): void;
  /** Keeps a sweep's outcome and shows its heat map (null: forgets both). */
  setSweepOutcome(outcome: SweepOutcome | null): void;
  clearHeat(): void;
  setTwinOutcome(outcome: TwinOutcome | null): void;
  setSeedsOutcome(outcome: SeedsOutcome | null): void;
  setPairedOutcome(outcome: PairedOutcome | null): void;
  /** Runs `doc` (a sweep case) in the live simulator in place of the user's design, which is kept. */
  startReplay(doc: ArchDocument, title: string): void;
  /** Puts the user's own design back (edits made to the replayed case are not kept). */
  endReplay(): void;
}

export type InsightSlice = InsightState & InsightActions;

type Set = (partial: Partial<InsightState> & { selectedId?: string | null }) => void;
type Get = () => InsightState & { readonly doc: ArchDocument; clearSourceDraft(): void };

/**
 * Share of the requests sent after the fault that failed, from a sweep case's availability: the same run
 * without the fault would have lost (almost) nothing, so the losses fall after it.
 */
export function failedAfterFault(availability: number, durationSec: number, atSec: number): number {
  return Math.min(1, Math.max(0, ((1 - availability) * durationSec) / Math.max(1e-9, durationSec - atSec)));
}

/** The heat map: each swept node's or group's share of requests failed after its crash, 0 to 1, by id. */
export function heatOf(outcome: Pick<SweepOutcome, 'doc' | 'atSec' | 'ranking'>): Record<string, number> {
  return Object.fromEntries(
    outcome.ranking.map((e) => [
      e.target,
      failedAfterFault(e.availability, outcome.doc.sim.durationSec, outcome.atSec),
    ]),
  );
}

/** The slice, given the store's `set`/`get` and its way of restarting a run with a new document. */
export function insightSlice(
  set: Set,
  get: Get,
  restart: (doc: ArchDocument, playing: boolean) => void,
): InsightSlice {
  return {
    insightOpen: false,
    insightTab: 'twin',
    sweepOutcome: null,
    heat: null,
    twinOutcome: null,
    seedsOutcome: null,
    pairedOutcome: null,
    replay: null,
    setInsightOpen: (insightOpen) => set({ insightOpen }),
    setInsightTab: (insightTab) => set({ insightTab, insightOpen: true }),
    setSweepOutcome: (sweepOutcome) =>
      set({ sweepOutcome, heat: sweepOutcome ? heatOf(sweepOutcome) : null }),
    clearHeat: () => set({ heat: null }),
    setTwinOutcome: (twinOutcome) => set({ twinOutcome }),
    setSeedsOutcome: (seedsOutcome) => set({ seedsOutcome }),
    setPairedOutcome: (pairedOutcome) => set({ pairedOutcome }),
    startReplay: (doc, title) => {
      const { replay, doc: current } = get();
      set({ replay: { saved: replay?.saved ?? current, title }, selectedId: null });
      get().clearSourceDraft();
      restart(doc, true);
    },
    endReplay: () => {
      const { replay } = get();
      if (!replay) return;
      set({ replay: null, selectedId: null });
      get().clearSourceDraft();
      restart(replay.saved, false);
    },
  };
}
