import { sweepCase, type SweepEntry } from '../analysis/analysis';
import { runReport, type RunReport } from '../analysis/report';
import { runSample, type RunSample } from '../analysis/replications';
import type { AnalysisJob } from './analysis-protocol';

/** Runs one analysis job to its end (synchronously: a worker has nothing else to do meanwhile). */
export function runAnalysisJob(spec: AnalysisJob): SweepEntry | RunReport | RunSample {
  switch (spec.type) {
    case 'sweep-case':
      return sweepCase(spec.doc, spec.target, spec.kind, spec.atSec);
    case 'sample':
      return runSample(spec.doc, spec.seed, spec.expectations);
    case 'report':
      return runReport(spec.doc, { seed: spec.seed, durationSec: spec.durationSec });
  }
}
