import { useMemo } from 'react';
import { costPerHour, type CompareTotals } from '../../analysis/analysis';
import { afterTriggerOf, type AfterTrigger } from '../../analysis/after-trigger';
import { costBenefit } from '../../analysis/twin';
import type { TwinOutcome } from '../../store/insight-slice';
import { formatAvailability, formatCount, formatMoney, formatMs, formatSec } from '../format';
import { TwinChart, type TwinPoint } from './TwinChart';

type Row = readonly [name: string, pick: (t: CompareTotals) => string];

const ROWS: readonly Row[] = [
  ['Availability', (t) => formatAvailability(t.availability)],
  ['Failed requests', (t) => formatCount(t.failed)],
  ['p50', (t) => formatMs(t.latency_ms.p50)],
  ['p95', (t) => formatMs(t.latency_ms.p95)],
  ['p99', (t) => formatMs(t.latency_ms.p99)],
  ['Writes lost', (t) => formatCount(t.writes_lost)],
  ['Sessions lost', (t) => formatCount(t.sessions_lost)],
  ['Duplicates', (t) => formatCount(t.duplicates)],
  ['Cost per hour', (t) => formatMoney(t.cost_per_hour)],
];

/** Multi-primary peers' figures, shown when the design has replication links. */
const PEER_ROWS: readonly Row[] = [
  ['Conflicts', (t) => formatCount(t.conflicts ?? 0)],
  ['Lost updates', (t) => formatCount(t.lost_updates ?? 0)],
];

/**
 * What each run still costs once the scenario is over: the figures that tell a failure that outlives its
 * trigger (README "Metastable failures") from one that ends with it.
 */
function afterRows(after: AfterTrigger): readonly (readonly [string, (t: AfterTrigger) => string])[] {
  return [
    [
      `Failed from ${formatSec(after.fromSec, Number.isInteger(after.fromSec) ? 0 : 1)} on`,
      (t) => formatCount(t.failed),
    ],
    [`Goodput, last ${after.tailSec} s`, (t) => `${formatCount(t.goodputRps)} ok/s`],
    [`Offered, last ${after.tailSec} s`, (t) => `${formatCount(t.offeredRps)} req/s`],
  ];
}

/** The three charts, each named apart from the run's own "Throughput", "Latency" and "Error rate". */
const CHARTS = [
  { title: 'Twin throughput', heading: 'Throughput', unit: 'ok/s', keys: ['okA', 'okB'] },
  { title: 'Twin latency p99', heading: 'Latency p99', unit: 'ms', keys: ['p99A', 'p99B'] },
  { title: 'Twin error rate', heading: 'Error rate', unit: '%', keys: ['errA', 'errB'] },
] as const;

/** Both runs' totals side by side, what B's extra cost buys, and their charts overlaid (A solid, B dashed). */
export function TwinResults({ outcome, stale }: { readonly outcome: TwinOutcome; readonly stale: boolean }) {
  const { a, b, reportA, reportB, changes } = outcome;
  const totalsA: CompareTotals = { ...reportA.totals, cost_per_hour: costPerHour(a) };
  const totalsB: CompareTotals = { ...reportB.totals, cost_per_hour: costPerHour(b) };
  const benefit = costBenefit(totalsA, totalsB, reportA.duration_s);
  const rows =
    totalsA.conflicts !== undefined ? [...ROWS.slice(0, -1), ...PEER_ROWS, ...ROWS.slice(-1)] : ROWS;
  const afterA = afterTriggerOf(a.scenario, reportA.series, reportA.duration_s);
  const afterB = afterTriggerOf(b.scenario, reportB.series, reportB.duration_s);
  const points = useMemo<TwinPoint[]>(
    () =>
      reportA.series.map((rowA, i) => {
        const rowB = reportB.series[i];
        return {
          t: rowA.t,
          okA: rowA.ok,
          okB: rowB?.ok ?? 0,
          p99A: rowA.latency_ms.p99,
          p99B: rowB?.latency_ms.p99 ?? 0,
          errA: rowA.error_rate * 100,
          errB: (rowB?.error_rate ?? 0) * 100,
        };
      }),
    [reportA, reportB],
  );
  return (
    <section className="twin-results" aria-label="Twin run results">
      {stale && <p className="insight-note">The design has changed since these runs: run them again.</p>}
      <table className="insight-table twin-table" aria-label="Totals of A and B">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Figure</span>
            </th>
            <th scope="col">A · your design</th>
            <th scope="col">B · {changes.join(', ')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, pick]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{pick(totalsA)}</td>
              <td>{pick(totalsB)}</td>
            </tr>
          ))}
          {afterA &&
            afterB &&
            afterRows(afterA).map(([name, pick]) => (
              <tr key={name} className="twin-table__after">
                <th scope="row">{name}</th>
                <td>{pick(afterA)}</td>
                <td>{pick(afterB)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="insight-cost-line" data-testid="cost-buys">
        <strong>What the extra cost buys:</strong> {benefit.text}
      </p>
      <div className="twin-charts">
        {CHARTS.map((chart) => (
          <TwinChart key={chart.title} {...chart} data={points} />
        ))}
      </div>
    </section>
  );
}
