import { formatPrecision } from '../model/number-format';
import { twinPair } from '../analysis/analysis';
import { pairedTotals, runReplications, summarize } from '../analysis/replications';
import { formatMeasured } from '../analysis/expectations';
import type { ArchDocument } from '../model/types';
import type { CliIo } from './io';
import { differenceJson, intervalJson, plusMinus } from './replication-output';

/** The totals `compare --replications` prints in text (all of them go in the JSON). */
const SHOWN = [
  'availability',
  'failed',
  'mean',
  'p50',
  'p95',
  'p99',
  'writes_lost',
  'sessions_lost',
  'duplicates',
];

/**
 * `archplay compare <a> <b> --replications N` (README.md, "Replications"): A and B each run with the same
 * N seeds (paired: run i of both sees the same arrivals), every total as mean ± interval, and B − A with
 * a paired t interval and whether it is significant at 95%.
 */
export function pairedCompare(
  a: ArchDocument,
  b: ArchDocument,
  replications: number,
  json: boolean,
  io: CliIo,
): string {
  const [docA, docB] = twinPair(a, b);
  const progress = (side: string) => (done: number, total: number) =>
    io.stderr(`compare: ${side} ${done}/${total} replications\n`);
  const samplesA = runReplications(docA, replications, { onProgress: progress('A') });
  const samplesB = runReplications(docB, replications, { onProgress: progress('B') });
  const summaryA = summarize(samplesA);
  const summaryB = summarize(samplesB);
  const differences = pairedTotals(samplesA, samplesB);
  if (json) {
    const totals = (s: typeof summaryA) =>
      Object.fromEntries(Object.entries(s.totals).map(([k, v]) => [k, intervalJson(v)]));
    return `${JSON.stringify({
      version: 1,
      replications,
      seeds: summaryA.seeds,
      a: totals(summaryA),
      b: totals(summaryB),
      difference: Object.fromEntries(Object.entries(differences).map(([k, d]) => [k, differenceJson(d)])),
    })}\n`;
  }
  const rows = SHOWN.filter((name) => summaryA.totals[name] && summaryB.totals[name]).map((name) => {
    const d = differences[name];
    const diff = d
      ? `${d.difference >= 0 ? '+' : '−'}${formatMeasured(name, Math.abs(d.difference))} ${d.significant ? `significant (p = ${formatPrecision(d.pValue, 2)})` : 'not significant'}`
      : '';
    return `${name.padEnd(14)}${plusMinus(name, summaryA.totals[name]!).padStart(24)}${plusMinus(name, summaryB.totals[name]!).padStart(24)}  ${diff}`;
  });
  return [
    `${replications} paired replications (seeds ${summaryA.seeds.slice(0, 3).join(', ')}${replications > 3 ? ', …' : ''}); B − A with a paired 95% interval`,
    `${''.padEnd(14)}${'A'.padStart(24)}${'B'.padStart(24)}  B − A`,
    ...rows,
    '',
  ].join('\n');
}
