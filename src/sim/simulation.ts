import type { ScenarioStep } from '../model/types';
import type { LiveSnapshot, NodeTotals, RunTotals, SecondRow, SimEvent, WindowLatency } from './results';

/**
 * A run of one document with one seed. Time only moves forward: {@link Simulation.advance} processes
 * events up to a simulated time, and faults can only be scheduled at or after the current time, so the
 * same document and seed always give the same results, bit for bit.
 */
export interface Simulation {
  /** Simulated time of the last processed event (or the time advanced to), in seconds. */
  readonly nowSec: number;
  /** The run's length in simulated seconds. */
  readonly durationSec: number;
  /** True once simulated time has reached the run's duration. */
  readonly done: boolean;
  /** Total events processed so far. */
  readonly eventCount: number;
  /** Set when the run ended early at its event cap: "stopped at N events". */
  readonly stopped: string | undefined;
  /**
   * Processes events until simulated time reaches `untilSec` (capped at the duration) or `maxEvents` have
   * been processed, whichever comes first. Returns the number of events processed.
   */
  advance(untilSec: number, maxEvents?: number): number;
  /** Adds a fault action to the timeline; `step.atSec` must not be earlier than {@link nowSec}. */
  schedule(step: ScenarioStep): void;
  /** The per-second rows completed since the previous call. */
  takeRows(): SecondRow[];
  /** The events that happened since the previous call. */
  takeEvents(): SimEvent[];
  live(): LiveSnapshot;
  totals(): RunTotals;
  nodeTotals(): Readonly<Record<string, NodeTotals>>;
  /** Latency over each window asked for in the options (`latencyWindows`), in their order. */
  windowLatencies(): readonly WindowLatency[];
}
