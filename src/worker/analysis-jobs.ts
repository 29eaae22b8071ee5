import { sweepCase, type SweepEntry } from '../analysis/analysis';
import { runReport, type RunReport } from '../analysis/report';
import type { AnalysisJob } from './analysis-protocol';

/** Runs one analysis job to its end (synchronously: a worker has nothing else to do meanwhile). */
export function runAnalysisJob(spec: AnalysisJob): SweepEntry | RunReport {
  return spec.type === 'sweep-case'
    ? sweepCase(spec.doc, spec.target, spec.kind, spec.atSec)
    : runReport(spec.doc, { seed: spec.seed, durationSec: spec.durationSec });
}
