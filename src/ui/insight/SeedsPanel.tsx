import { useMemo, useState } from 'react';
import { judgePlan, planCheck } from '../../analysis/expectation-check';
import { formatMeasured } from '../../analysis/expectations';
import { summarize, type RunSample, type SeriesFigure } from '../../analysis/replications';
import { selectDoc } from '../../store/selectors';
import { selectSeedsOutcome } from '../../store/insight-selectors';
import { useArchStore } from '../../store/store';
import { BandChart, type BandPoint } from './BandChart';
import { ExpectationVerdicts } from './ExpectationVerdicts';
import { ProgressBar } from './ProgressBar';
import { useAnalysisPool } from './useAnalysisPool';
import '../expectations/expectations.css';
import { formatSec } from '../format';

/** How many seeds "Run 30 seeds" runs: enough for a Student t interval to be narrow and honest. */
export const SEEDS = 30;

/** The totals the table shows, in this order (every total is in `archplay simulate --replications`). */
const SHOWN: readonly { readonly name: string; readonly label: string }[] = [
  { name: 'availability', label: 'Availability' },
  { name: 'failed', label: 'Failed requests' },
  { name: 'throughput', label: 'Throughput' },
  { name: 'mean', label: 'Mean latency' },
  { name: 'p95', label: 'p95 latency' },
  { name: 'p99', label: 'p99 latency' },
  { name: 'writes_lost', label: 'Writes lost' },
  { name: 'sessions_lost', label: 'Sessions lost' },
  { name: 'duplicates', label: 'Duplicates' },
];

const CHARTS: readonly { readonly figure: SeriesFigure; readonly heading: string; readonly unit: string }[] =
  [
    { figure: 'throughput', heading: 'Throughput', unit: 'req/s' },
    { figure: 'p99', heading: 'Latency p99', unit: 'ms' },
    { figure: 'error_rate', heading: 'Error rate', unit: 'share' },
  ];

/**
 * "Run 30 seeds" (README.md, "Replications"): the open document run with 30 seeds in workers, every total
 * as mean ± 95% confidence interval, the charts with a band, and the document's expectations judged over
 * the runs (on the interval's bound for `at 95%`; sweep ones over every single failure).
 */
export function SeedsPanel() {
  const doc = useArchStore(selectDoc);
  const outcome = useArchStore(selectSeedsOutcome);
  const setOutcome = useArchStore((s) => s.setSeedsOutcome);
  const pool = useAnalysisPool<RunSample>();
  const [error, setError] = useState<string | null>(null);
  const sweeps = (doc.expectations ?? []).filter((e) => e.sweep).length;

  const run = async () => {
    setError(null);
    const plan = planCheck(doc, SEEDS);
    const started = performance.now();
    try {
      const samples = await pool.start(plan.runs.map((r) => ({ type: 'sample' as const, ...r })));
      if (!samples) return;
      const { own, results } = judgePlan(plan, samples);
      setOutcome({ doc, summary: summarize(own), results, wallMs: performance.now() - started });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const bands = useMemo(
    () =>
      Object.fromEntries(
        CHARTS.map(({ figure }) => [
          figure,
          (outcome?.summary.series ?? []).map((row): BandPoint => ({
            t: row.t,
            mean: row.figures[figure].mean,
            band: [Math.max(0, row.figures[figure].low), row.figures[figure].high],
          })),
        ]),
      ) as Record<SeriesFigure, BandPoint[]>,
    [outcome],
  );

  return (
    <div className="insight-tool">
      <p className="insight-tool__intro">
        One seed is one sample. Run the design with {SEEDS} seeds (the first is the document’s own,{' '}
        {doc.sim.seed}) to see each total as a mean with its 95% confidence interval (Student t), and how much
        the charts move from seed to seed.
        {sweeps > 0 && ` Sweep expectations also fail each component in turn, ${SEEDS} runs each.`}
      </p>
      <div className="insight-form">
        <button type="button" className="btn btn--primary" onClick={() => void run()} disabled={pool.running}>
          Run {SEEDS} seeds
        </button>
      </div>
      {pool.progress && <ProgressBar progress={pool.progress} label="Seeds" onCancel={pool.cancel} />}
      {error && (
        <p className="insight-error" role="alert">
          {error}
        </p>
      )}
      {outcome && (
        <div className="seeds-results" data-stale={outcome.doc !== doc}>
          {outcome.doc !== doc && (
            <p className="insight-note">The design changed since these runs: run the seeds again.</p>
          )}
          <p className="insight-hint">
            {outcome.summary.runs} runs in {formatSec(outcome.wallMs / 1000)} · mean ± half-width of the 95%
            interval
          </p>
          <table className="insight-table" aria-label={`Totals over ${outcome.summary.runs} seeds`}>
            <thead>
              <tr>
                <th scope="col">Total</th>
                <th scope="col">Mean</th>
                <th scope="col">95% interval</th>
              </tr>
            </thead>
            <tbody>
              {SHOWN.filter((s) => outcome.summary.totals[s.name]).map(({ name, label }) => {
                const i = outcome.summary.totals[name]!;
                return (
                  <tr key={name}>
                    <th scope="row">{label}</th>
                    <td>
                      {formatMeasured(name, i.mean)} ± {formatMeasured(name, i.halfWidth, 2)}
                    </td>
                    <td>
                      {formatMeasured(name, i.low)} – {formatMeasured(name, i.high)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ExpectationVerdicts
            results={outcome.results}
            label={`Expectations over ${outcome.summary.runs} seeds`}
          />
          {CHARTS.map(({ figure, heading, unit }) => (
            <BandChart
              key={figure}
              title={`Seeds ${heading.toLowerCase()}`}
              heading={heading}
              unit={unit}
              data={bands[figure]}
            />
          ))}
        </div>
      )}
    </div>
  );
}
