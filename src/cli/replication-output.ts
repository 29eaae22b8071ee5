/**
 * What `simulate --replications N` and `compare --replications N` print (README.md, "Replications"):
 * every total as mean ± 95% confidence interval, and for twin runs B − A with its significance.
 */
import { formatMeasured } from '../analysis/expectations';
import type { ReplicationSummary } from '../analysis/replications';
import type { Difference, Interval } from '../analysis/statistics';

/** An interval as JSON: `{ mean, low, high, sd, n }`. */
export function intervalJson(i: Interval) {
  return { mean: i.mean, low: i.low, high: i.high, sd: i.sd, n: i.n };
}

/** A difference as JSON: `{ difference, low, high, p_value, significant }`. */
export function differenceJson(d: Difference) {
  return {
    difference: d.difference,
    low: d.low,
    high: d.high,
    p_value: d.pValue,
    significant: d.significant,
  };
}

/** The summary as JSON (`simulate --replications N --json`). */
export function summaryJson(summary: ReplicationSummary, durationSec: number) {
  return {
    version: 1,
    replications: summary.runs,
    seeds: summary.seeds,
    duration_s: durationSec,
    level: summary.level,
    totals: Object.fromEntries(Object.entries(summary.totals).map(([k, v]) => [k, intervalJson(v)])),
    series: summary.series.map((row) => ({ t: row.t, ...row.figures })),
  };
}

/** `99.95% ± 0.02%`: mean and half-width, in the metric's unit. */
export function plusMinus(metric: string, i: Interval): string {
  return i.n > 1
    ? `${formatMeasured(metric, i.mean)} ± ${formatMeasured(metric, i.halfWidth, 2)}`
    : formatMeasured(metric, i.mean);
}

/** The totals as text lines, one per total. */
export function summaryText(file: string, summary: ReplicationSummary): string {
  const width = Math.max(...Object.keys(summary.totals).map((k) => k.length));
  const lines = [
    `${file}: ${summary.runs} replications (seeds ${summary.seeds.slice(0, 3).join(', ')}${summary.runs > 3 ? ', …' : ''}), mean ± ${Math.round(summary.level * 100)}% confidence interval`,
    ...Object.entries(summary.totals).map(([name, i]) => `  ${name.padEnd(width)}  ${plusMinus(name, i)}`),
  ];
  return `${lines.join('\n')}\n`;
}
