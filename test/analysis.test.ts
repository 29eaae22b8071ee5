import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_LB } from '../src/model/defaults';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument, EdgeSpec, NodeSpec } from '../src/model/types';
import { compare, costPerHour, sweep } from '../src/analysis/analysis';
import { balanced } from './support/documents';

const edge = (source: string, target: string): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: DEFAULT_EDGE,
});

describe('single-point-of-failure sweep', () => {
  it('ranks the seed diagram’s load balancer and database above both servers', () => {
    const result = sweep(ACTIVE_ACTIVE.document, 60);
    const rank = (id: string) => result.ranking.findIndex((r) => r.target === id);
    for (const spof of ['LoadBalancer', 'DB']) {
      for (const server of ['Server1', 'Server2']) expect(rank(spof)).toBeLessThan(rank(server));
    }
    expect(result.ranking.find((r) => r.target === 'Server1')?.availability).toBeGreaterThan(0.99);
    expect(result.ranking.find((r) => r.target === 'DB')?.availability).toBeLessThan(0.25);
    expect(result.ranking.map((r) => r.kind)).toContain('group');
  });

  it('ranks no redundancy above a quick failover, and that above a member of a redundant pool', () => {
    const server = (id: string): NodeSpec => ({
      id,
      label: id,
      kind: 'service',
      params: { workers: 16, service: { type: 'exp', meanMs: 5 }, queueCapacity: 200 },
    });
    const doc: ArchDocument = {
      name: 'redundancy',
      direction: 'LR',
      nodes: [
        { id: 'C', label: 'Client', kind: 'client', params: { ...DEFAULT_CLIENT, ratePerSec: 400 } },
        { id: 'LB', label: 'LB', kind: 'lb', params: DEFAULT_LB },
        server('S1'),
        server('S2'),
        {
          id: 'Single',
          label: 'Single DB',
          kind: 'database',
          params: { workers: 32, service: { type: 'exp', meanMs: 1 }, queueCapacity: 500 },
        },
        {
          id: 'Replicated',
          label: 'Replicated DB',
          kind: 'database',
          params: {
            workers: 32,
            service: { type: 'exp', meanMs: 1 },
            queueCapacity: 500,
            replicas: 1,
            detectMs: 2000,
            promoteMs: 3000,
          },
        },
      ],
      edges: [
        edge('C', 'LB'),
        edge('LB', 'S1'),
        edge('LB', 'S2'),
        edge('S1', 'Single'),
        edge('S2', 'Single'),
        edge('S1', 'Replicated'),
        edge('S2', 'Replicated'),
      ],
      groups: [],
      scenario: [],
      sim: { seed: 3, durationSec: 120, warmupSec: 0 },
    };
    const order = sweep(doc, 60).ranking.map((r) => r.target);
    expect(order.indexOf('Single')).toBeLessThan(order.indexOf('Replicated'));
    expect(order.indexOf('Replicated')).toBeLessThan(order.indexOf('S1'));
  });
});

describe('twin runs', () => {
  it('active-passive fails the promotion delay times the offered load more than active-active, within one interval', () => {
    const scenario = [{ atSec: 20.0005, action: 'fail' as const, target: 'S1' }];
    const base = { client: { ratePerSec: 200 }, server: { workers: 8 }, scenario, durationSec: 60 };
    const active = balanced({ ...base, lb: { mode: 'active-active' } });
    const passive = balanced({ ...base, lb: { mode: 'active-passive', promoteMs: 8000 } });
    const result = compare(active, passive);
    // During detection (6 s) active-active fails S1's half of the traffic and active-passive all of it
    // (S1 was the only primary); then active-passive fails everything for the 8 s promotion.
    const extra = result.b.failed - result.a.failed;
    const expected = 200 * 8 + 100 * 6;
    expect(Math.abs(extra - expected)).toBeLessThan(200 * 2);
    expect(result.a.cost_per_hour).toBe(result.b.cost_per_hour);
  });

  it('uses the same seed and A’s scenario for both, and prices each design', () => {
    const a = ACTIVE_ACTIVE.document;
    const b: ArchDocument = {
      ...a,
      nodes: [
        ...a.nodes,
        {
          id: 'Server3',
          label: 'Server 3',
          kind: 'service',
          params: a.nodes[2]!.params as never,
          group: 'Servers',
        },
      ],
      edges: [...a.edges, edge('LoadBalancer', 'Server3'), edge('Server3', 'DB')],
    };
    const result = compare(
      {
        ...a,
        scenario: [{ atSec: 30, action: 'fail', target: 'Server1' }],
        sim: { ...a.sim, durationSec: 60 },
      },
      b,
    );
    expect(result.b.cost_per_hour - result.a.cost_per_hour).toBeCloseTo(0.2, 9);
    expect(costPerHour(a)).toBeCloseTo(0.03 + 0.2 + 0.2 + 0.5, 9);
    // Three servers lose a third, not a half, of the traffic during detection.
    expect(result.b.failed).toBeLessThan(result.a.failed * 0.8);
  });
});
