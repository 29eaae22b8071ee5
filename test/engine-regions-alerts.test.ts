import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_LB } from '../src/model/defaults';
import type { ArchDocument, EdgeSpec, NodeSpec, ScenarioStep } from '../src/model/types';
import { runReport } from '../src/analysis/report';
import { balanced } from './support/documents';
import { runAll, sumOver } from './support/run';

const edge = (source: string, target: string): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: DEFAULT_EDGE,
});
const server = (id: string, group: string): NodeSpec => ({
  id,
  label: id,
  kind: 'service',
  params: { workers: 16, service: { type: 'exp', meanMs: 5 }, queueCapacity: 200 },
  group,
});

/** Users → DNS → East and West regions, each a load balancer and two servers; West 40 ms away. */
function twoRegions(options: {
  ttlMs: number;
  scenario: ScenarioStep[];
  dnsPolicy?: 'failover' | 'latency';
  clientGroups?: boolean;
}): ArchDocument {
  const clients: NodeSpec[] = options.clientGroups
    ? [
        {
          id: 'UsersEast',
          label: 'Users East',
          kind: 'client',
          params: { ...DEFAULT_CLIENT, ratePerSec: 100, timeoutMs: 1000 },
          group: 'East',
        },
        {
          id: 'UsersWest',
          label: 'Users West',
          kind: 'client',
          params: { ...DEFAULT_CLIENT, ratePerSec: 100, timeoutMs: 1000 },
          group: 'West',
        },
      ]
    : [
        {
          id: 'Users',
          label: 'Users',
          kind: 'client',
          params: { ...DEFAULT_CLIENT, ratePerSec: 200, timeoutMs: 1000 },
        },
      ];
  return {
    name: 'two regions',
    direction: 'LR',
    nodes: [
      ...clients,
      {
        id: 'DNS',
        label: 'DNS',
        kind: 'dns',
        params: {
          ttlMs: options.ttlMs,
          dnsPolicy: options.dnsPolicy ?? 'failover',
        },
      },
      { id: 'LBEast', label: 'LB East', kind: 'lb', params: DEFAULT_LB, group: 'East' },
      { id: 'LBWest', label: 'LB West', kind: 'lb', params: DEFAULT_LB, group: 'West' },
      server('E1', 'East'),
      server('E2', 'East'),
      server('W1', 'West'),
      server('W2', 'West'),
    ],
    edges: [
      ...clients.map((c) => edge(c.id, 'DNS')),
      edge('DNS', 'LBEast'),
      edge('DNS', 'LBWest'),
      edge('LBEast', 'E1'),
      edge('LBEast', 'E2'),
      edge('LBWest', 'W1'),
      edge('LBWest', 'W2'),
    ],
    groups: [
      { id: 'East', label: 'East' },
      { id: 'West', label: 'West', latency: { type: 'const', valueMs: 40 } },
    ],
    scenario: options.scenario,
    sim: { seed: 6, durationSec: 200, warmupSec: 0 },
  };
}

describe('regions behind DNS', () => {
  const outage = [{ atSec: 60, action: 'fail' as const, target: 'East' }];

  it('fails over a whole region after detection plus the TTL, and pays the distance to the other region', () => {
    const { rows, events } = runAll(twoRegions({ ttlMs: 30_000, scenario: outage }));
    const detected = events.find((e) => e.type === 'hc-down' && e.by === 'DNS');
    expect(detected?.t).toBeGreaterThan(60);
    expect(detected?.t).toBeLessThanOrEqual(60 + 40);
    expect(sumOver(rows, 0, 60, (r) => r.total.failed)).toBe(0);
    expect(sumOver(rows, 60, 70, (r) => r.total.failed)).toBeGreaterThan(1000);
    // Every cached answer has expired 30 s after detection: no failures after that.
    expect(sumOver(rows, Math.ceil((detected?.t ?? 0) + 31), 200, (r) => r.total.failed)).toBe(0);
    // East is next door, West 40 ms each way.
    const meanAt = (from: number, to: number) => sumOver(rows, from, to, (r) => r.total.mean) / (to - from);
    expect(meanAt(150, 200) - meanAt(10, 50)).toBeCloseTo(80, -1);
  });

  it('a shorter TTL fails fewer requests', () => {
    const long = runAll(twoRegions({ ttlMs: 60_000, scenario: outage })).totals.failed;
    const short = runAll(twoRegions({ ttlMs: 5_000, scenario: outage })).totals.failed;
    expect(short).toBeLessThan(long * 0.75);
  });

  it('latency routing keeps each region’s users at home', () => {
    const { nodes } = runAll(
      twoRegions({ ttlMs: 30_000, scenario: [], dnsPolicy: 'latency', clientGroups: true }),
    );
    const east = (nodes['E1']?.arrivals ?? 0) + (nodes['E2']?.arrivals ?? 0);
    const west = (nodes['W1']?.arrivals ?? 0) + (nodes['W2']?.arrivals ?? 0);
    expect(Math.abs(east - west) / (east + west)).toBeLessThan(0.05);
  });
});

describe('alerts', () => {
  const failAt30 = [{ atSec: 30.001, action: 'fail' as const, target: 'S1' }];

  it('an error-rate rule fires after its window once errors start, and resolves when they stop', () => {
    const doc = {
      ...balanced({
        client: { ratePerSec: 400 },
        server: { workers: 8 },
        scenario: failAt30,
        durationSec: 60,
      }),
      alerts: [{ id: 'errors', metric: 'error_rate' as const, threshold: 0.01, forSec: 3 }],
    };
    const { events } = runAll(doc);
    const firing = events.filter((e) => e.type === 'alert-firing');
    const resolved = events.filter((e) => e.type === 'alert-resolved');
    expect(firing).toHaveLength(1);
    // Errors from 30 s: seconds 30, 31 and 32 above 1% fire it at the end of second 32.
    expect(firing[0]?.t).toBe(33);
    expect(firing[0]?.detail).toBe('error rate > 1% for 3 s');
    // Detection at 36 s ends the errors; second 36 is clean, so it resolves at 37 s.
    expect(resolved[0]?.t).toBe(37);
  });

  it('a p99 rule watches a node’s latency', () => {
    const doc = {
      ...balanced({
        servers: 1,
        client: { ratePerSec: 100 },
        server: { workers: 8 },
        scenario: [{ atSec: 20, action: 'degrade' as const, target: 'S1', factor: 50 }],
        durationSec: 40,
      }),
      alerts: [{ id: 'slow', metric: 'p99' as const, threshold: 20, forSec: 2, target: 'S1' }],
    };
    const firing = runAll(doc).events.filter((e) => e.type === 'alert-firing');
    expect(firing.map((e) => e.t)).toEqual([22]);
  });

  it('the report gives the time to detect each fault', () => {
    const doc = {
      ...balanced({
        client: { ratePerSec: 400 },
        server: { workers: 8 },
        scenario: failAt30,
        durationSec: 60,
      }),
      alerts: [{ id: 'errors', metric: 'error_rate' as const, threshold: 0.01, forSec: 3 }],
    };
    const report = runReport(doc);
    expect(report.detection).toEqual([
      { t: 30.001, type: 'fail', target: 'S1', alert: 'errors', detected_after_s: 33 - 30.001 },
    ]);
  });
});
