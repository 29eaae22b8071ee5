import { useState } from 'react';
import { rankSweep, sweepTargets, type SweepEntry } from '../../analysis/analysis';
import { selectDoc } from '../../store/selectors';
import { selectHeatShown, selectReplay, selectSweepOutcome } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';
import type { AnalysisJob } from '../../worker/analysis-protocol';
import { ProgressBar } from './ProgressBar';
import { SweepTable } from './SweepTable';
import { useAnalysisPool, workerCount } from './useAnalysisPool';
import { formatSec } from '../format';

/** The sweep's default fault time, as the CLI's `--at`. */
const DEFAULT_AT_SEC = 60;

/**
 * "Find single points of failure": fails each node and each group in turn (same seed, a crash at the
 * chosen time, every case a whole run in a worker), then ranks them worst first and colours the canvas.
 */
export function SweepPanel() {
  const doc = useArchStore(selectDoc);
  const outcome = useArchStore(selectSweepOutcome);
  const heatShown = useArchStore(selectHeatShown);
  // While a case is replayed the open document is that case: the user's design is the one kept aside.
  const design = useArchStore(selectReplay)?.saved ?? doc;
  const { setSweepOutcome, clearHeat } = useArchStore.getState();
  const [atText, setAtText] = useState(String(Math.min(DEFAULT_AT_SEC, doc.sim.durationSec / 2)));
  const [error, setError] = useState<string | null>(null);
  const pool = useAnalysisPool<SweepEntry>();
  const atSec = Number(atText);
  const atProblem =
    atText.trim() === '' || !Number.isFinite(atSec) || atSec < 0
      ? 'Enter a time in seconds, 0 or more.'
      : atSec >= doc.sim.durationSec
        ? `Enter a time before the end of the run (${doc.sim.durationSec} s).`
        : null;

  const run = async () => {
    if (atProblem) return;
    setError(null);
    const forDoc = doc;
    const jobs: AnalysisJob[] = sweepTargets(forDoc).map(({ target, kind }) => ({
      type: 'sweep-case',
      doc: forDoc,
      target,
      kind,
      atSec,
    }));
    const began = performance.now();
    try {
      const entries = await pool.start(jobs);
      if (entries)
        setSweepOutcome({
          doc: forDoc,
          atSec,
          ranking: rankSweep(entries),
          wallMs: performance.now() - began,
        });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="insight-tool">
      <p className="insight-tool__intro">
        Fails each component in turn — every node that serves traffic and every group — at the same time and
        with the same seed, from full health, and ranks them by the requests that failed. The worst are your
        single points of failure.
      </p>
      <form
        className="insight-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field">
          <span className="field__label">Fail at (s)</span>
          <input
            type="number"
            min={0}
            step="any"
            value={atText}
            onChange={(e) => setAtText(e.target.value)}
            aria-invalid={atProblem !== null}
            aria-describedby="sweep-at-help"
            className="insight-form__number"
          />
        </label>
        <button type="submit" className="btn btn--primary" disabled={pool.running || atProblem !== null}>
          Find single points of failure
        </button>
        <span id="sweep-at-help" className={atProblem ? 'insight-error' : 'insight-hint'}>
          {atProblem ??
            `${sweepTargets(doc).length} runs of ${doc.sim.durationSec} s, on ${workerCount()} workers`}
        </span>
      </form>
      {pool.progress && <ProgressBar progress={pool.progress} label="Sweep runs" onCancel={pool.cancel} />}
      {error && (
        <p className="insight-error" role="alert">
          The sweep stopped: {error}
        </p>
      )}
      {outcome && (
        <>
          <div className="insight-result-head">
            <p className="insight-hint" data-testid="sweep-summary">
              {outcome.ranking.length} components failed at {outcome.atSec} s, worst first · took{' '}
              {formatSec(outcome.wallMs / 1000)}
              {outcome.doc !== design && ' · the design has changed since: run it again'}
            </p>
            {outcome.doc !== design ? null : heatShown ? (
              <button type="button" className="btn btn--small" onClick={clearHeat}>
                Hide heat map
              </button>
            ) : (
              <button type="button" className="btn btn--small" onClick={() => setSweepOutcome(outcome)}>
                Show heat map
              </button>
            )}
          </div>
          <SweepTable outcome={outcome} />
        </>
      )}
    </div>
  );
}
