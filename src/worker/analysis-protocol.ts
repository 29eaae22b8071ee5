import type { ArchDocument } from '../model/types';
import type { SweepEntry } from '../analysis/analysis';
import type { RunReport } from '../analysis/report';
import type { RunSample } from '../analysis/replications';
import type { Expectation } from '../model/expectation-types';

/**
 * The typed messages between the page and an analysis worker (issue "Insight"). A worker runs one job at a
 * time, whole, and answers with its result: the page hands each idle worker the next job of a shared list.
 */

/** One job: a sweep case (the document with one crash), or a whole run's report (a twin run). */
export type AnalysisJob =
  | {
      readonly type: 'sweep-case';
      readonly doc: ArchDocument;
      readonly target: string;
      readonly kind: string;
      readonly atSec: number;
    }
  | {
      readonly type: 'report';
      readonly doc: ArchDocument;
      readonly seed: number;
      readonly durationSec: number;
    }
  | {
      /** One replication: the run reduced to a sample, with `expectations` measured on it. */
      readonly type: 'sample';
      readonly doc: ArchDocument;
      readonly seed: number;
      readonly expectations: readonly Expectation[];
    };

/** What a job gives back, by its type. */
export type AnalysisResult<J extends AnalysisJob> = J extends { type: 'sweep-case' }
  ? SweepEntry
  : J extends { type: 'sample' }
    ? RunSample
    : RunReport;

/** Page → worker: run job number `job`. */
export interface ToAnalysis {
  readonly job: number;
  readonly spec: AnalysisJob;
}

/** Worker → page: job `job`'s result, or why it failed. */
export type FromAnalysis =
  | { readonly type: 'done'; readonly job: number; readonly result: SweepEntry | RunReport | RunSample }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
