import type { ArchDocument, ScenarioStep } from '../model/types';
import type { LiveSnapshot, RunTotals, SimEvent } from '../sim/results';
import type { PackedRows } from './row-packing';

/**
 * The typed messages between the UI and the simulation worker. Every run carries a `runId` chosen by
 * the UI: the worker stamps its replies with it, so replies from a run the UI has since replaced (by
 * Reset or an edit) are recognised and dropped.
 */

/** How fast simulated time runs: a multiple of wall time, or as fast as the engine can go. */
export type Speed = 1 | 10 | 100 | 'max';

export const SPEEDS: readonly Speed[] = [1, 10, 100, 'max'];

/** Messages from the UI to the worker. */
export type ToWorker =
  /** Starts a new run of `doc` from t = 0 (Reset and edits both do this); it plays if `playing`. */
  | {
      readonly type: 'load';
      readonly runId: number;
      readonly doc: ArchDocument;
      readonly playing: boolean;
      readonly speed: Speed;
    }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'speed'; readonly speed: Speed }
  /**
   * Schedules a scenario step (fail, recover, degrade, partition, load; with its parameters) at the current
   * simulated time, rounded up to the next whole millisecond. Older senders pass only action and target.
   */
  | ({ readonly type: 'fault' } & FaultRequest)
  /** Are you there? The worker answers `pong` between two slices; the UI's watchdog asks every second. */
  | { readonly type: 'ping' };

/** A scenario step without its time: the worker gives it the current simulated time. */
export type FaultRequest = Omit<ScenarioStep, 'atSec'>;

/** What changed in a run since the previous batch. */
export interface Batch {
  readonly type: 'batch';
  readonly runId: number;
  readonly nowSec: number;
  /** True once the run has reached its duration; the worker then stops on its own. */
  readonly done: boolean;
  readonly playing: boolean;
  /**
   * The seconds closed since the previous batch, packed (row-packing.ts: one buffer, transferred rather
   * than copied), usually one run of rows; `unpackLast` turns them back into the engine's rows.
   */
  readonly rows: readonly PackedRows[];
  readonly events: readonly SimEvent[];
  readonly live: LiveSnapshot;
  readonly totals: RunTotals;
  /** Set when the engine ended the run early at its event cap: "stopped at N events". */
  readonly stopped?: string;
}

/** Messages from the worker to the UI. */
export type FromWorker =
  | Batch
  /** A fault was scheduled in the live run; the UI appends it to the document's scenario. */
  | { readonly type: 'scheduled'; readonly runId: number; readonly step: ScenarioStep }
  | { readonly type: 'error'; readonly runId: number; readonly message: string }
  /** The answer to `ping`: the worker is alive and handling messages (stamped like the rest). */
  | { readonly type: 'pong'; readonly runId: number };
