import { describe, expect, it } from 'vitest';
import { defaultParamsOf } from '../src/model/defaults';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument, NodeSpec, WorkerParams } from '../src/model/types';
import { capacityCheck } from '../src/analysis/capacity';
import { waitCycles } from '../src/analysis/wait-cycles';
import { runAll } from './support/run';

const withRate = (rate: number): ArchDocument => ({
  ...ACTIVE_ACTIVE.document,
  nodes: ACTIVE_ACTIVE.document.nodes.map((n) =>
    n.kind === 'client' ? { ...n, params: { ...n.params, ratePerSec: rate, timeoutMs: Infinity } } : n,
  ),
  sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 120 },
});

/** {@link withRate}(200) with Server 1 <--> Server 2, and the servers' params changed by `params`. */
const mutual = (params: Partial<WorkerParams> = {}): ArchDocument => {
  const base = withRate(200);
  return {
    ...base,
    nodes: base.nodes.map((n) =>
      n.kind === 'service' ? ({ ...n, params: { ...n.params, ...params } } as NodeSpec) : n,
    ),
    edges: [
      ...base.edges,
      {
        id: 'Server1-->Server2',
        source: 'Server1',
        target: 'Server2',
        params: base.edges[0]!.params,
        bidirectional: true,
      },
    ],
  };
};

describe('capacity check (N+1)', () => {
  it('puts each server of the seed preset near 40% normally and the survivor near 80% after a failure', () => {
    const situations = capacityCheck(ACTIVE_ACTIVE.document);
    const normal = situations.find((s) => s.failed === null);
    const withoutS1 = situations.find((s) => s.failed === 'Server1');
    const util = (s: typeof normal, id: string) => s?.loads.find((l) => l.id === id)?.utilization ?? NaN;
    // 200/s each × (10 ms + 2 ms database) / 6 workers = 40%; alone, 400/s: 80%.
    expect(util(normal, 'Server1')).toBeCloseTo(0.4, 2);
    expect(util(withoutS1, 'Server2')).toBeCloseTo(0.8, 2);
    expect(withoutS1?.warnings).toEqual([]);
    // The load balancer and the database are single points: their failure situations exist too.
    expect(situations.map((s) => s.failed)).toEqual(
      expect.arrayContaining([null, 'LoadBalancer', 'DB', 'Servers']),
    );
  });

  it('warns where a survivor would exceed 100%, in words', () => {
    const situations = capacityCheck(withRate(700));
    const withoutS1 = situations.find((s) => s.failed === 'Server1');
    expect(withoutS1?.warnings).toEqual([
      'Server 2 alone would run at 140% without Server 1: its queue grows without bound.',
    ]);
  });

  it('agrees with the simulation: above 100% the queue grows, below 90% it does not', () => {
    for (const [rate, expectGrowth] of [
      [700, true],
      [420, false],
    ] as const) {
      const doc = {
        ...withRate(rate),
        scenario: [{ atSec: 10, action: 'fail' as const, target: 'Server1' }],
      };
      const check = capacityCheck(doc)
        .find((s) => s.failed === 'Server1')
        ?.loads.find((l) => l.id === 'Server2');
      expect((check?.utilization ?? 0) > 1).toBe(expectGrowth);
      if (!expectGrowth) expect(check?.utilization).toBeLessThan(0.9);
      const { rows } = runAll(doc);
      const queue = (t: number) => rows.find((r) => r.t === t)?.nodes['Server2']?.queueLength ?? 0;
      // Measured utilization when sharing the load agrees with the arithmetic within 5%.
      const shared =
        capacityCheck(doc)
          .find((s) => s.failed === null)
          ?.loads.find((l) => l.id === 'Server2')?.utilization ?? 0;
      const measured =
        rows.filter((r) => r.t < 10).reduce((sum, r) => sum + (r.nodes['Server2']?.utilization ?? 0), 0) / 10;
      expect(Math.abs(measured - shared) / shared).toBeLessThan(0.08);
      // Above 100% the queue fills up to its bound (200) and stays there, rejecting the excess.
      if (expectGrowth) expect(Math.min(queue(30), queue(60), queue(100))).toBeGreaterThan(190);
      else
        expect(
          Math.max(...rows.filter((r) => r.t > 20).map((r) => r.nodes['Server2']?.queueLength ?? 0)),
        ).toBeLessThan(30);
    }
  });

  it('follows both ways of a two-headed link between servers, as the engine calls them', () => {
    // Server 1 <--> Server 2: each calls the other for the requests the balancer gives it, never back
    // to the server that called it. 100/s each from the balancer, 100/s each from the other server.
    // Many workers keep the pools from filling: two servers that call each other deadlock once both are
    // full (each worker waits on the other's queue), which no arithmetic of means shows.
    const doc = mutual({ workers: 30 });
    const normal = capacityCheck(doc).find((s) => s.failed === null);
    const load = (id: string) => normal?.loads.find((l) => l.id === id);
    expect(load('Server1')?.offeredPerSec).toBeCloseTo(200, 6);
    expect(load('Server2')?.offeredPerSec).toBeCloseTo(200, 6);
    // Busy time: 100/s × 24 ms (own 10 + DB 2 + the other server's 12) + 100/s × 12 ms, over 30 workers.
    expect(load('Server1')?.utilization).toBeCloseTo(0.12, 3);
    const { rows } = runAll(doc);
    for (const id of ['Server1', 'Server2']) {
      const measured =
        rows.filter((r) => r.t >= 10).reduce((sum, r) => sum + (r.nodes[id]?.utilization ?? 0), 0) /
        rows.filter((r) => r.t >= 10).length;
      expect(Math.abs(measured - (load(id)?.utilization ?? 0)) / 0.12).toBeLessThan(0.08);
    }
  });

  describe('pools that wait on each other', () => {
    const okAfter = (doc: ArchDocument, fromSec: number) =>
      runAll(doc)
        .rows.filter((r) => r.t >= fromSec)
        .reduce((sum, r) => sum + r.total.ok, 0);

    it('are named in the normal state, and without timeouts the simulation deadlocks as warned', () => {
      const [normal] = capacityCheck(mutual());
      expect(normal?.warnings[0]).toBe(
        "Server 1 and Server 2 call each other while holding workers: once every worker waits on the other's queue, none finishes (a deadlock), and with no downstream timeout nothing breaks it.",
      );
      // Each pool is far from full on average, yet once both fill nothing more is answered.
      expect(normal?.loads.find((l) => l.id === 'Server1')?.utilization).toBeLessThan(0.9);
      expect(okAfter(mutual(), 60)).toBe(0);
    });

    it('are broken by downstream timeouts, as the warning says', () => {
      expect(capacityCheck(mutual({ timeoutMs: 300 }))[0]?.warnings[0]).toMatch(
        /until their downstream timeouts fail/,
      );
      expect(okAfter(mutual({ timeoutMs: 300 }), 60)).toBeGreaterThan(0);
    });

    it('are not seen where no ring exists: the seed, a way back never taken, a queue between', () => {
      expect(waitCycles(ACTIVE_ACTIVE.document)).toEqual([]);
      // Load Balancer <--> Server 1: the server is entered only by the balancer, so it never calls back.
      const lbBothWays: ArchDocument = {
        ...ACTIVE_ACTIVE.document,
        edges: ACTIVE_ACTIVE.document.edges.map((e) =>
          e.source === 'LoadBalancer' && e.target === 'Server1' ? { ...e, bidirectional: true } : e,
        ),
      };
      expect(waitCycles(lbBothWays)).toEqual([]);
      // Server 1 --> Queue --> Server 2 --> Server 1: a queue answers once it has stored the message.
      const params = ACTIVE_ACTIVE.document.edges[0]!.params;
      const viaQueue: ArchDocument = {
        ...ACTIVE_ACTIVE.document,
        nodes: [
          ...ACTIVE_ACTIVE.document.nodes,
          { id: 'Q', label: 'Queue', kind: 'queue', params: defaultParamsOf('queue') },
        ],
        edges: [
          ...ACTIVE_ACTIVE.document.edges,
          { id: 'Server1-->Q', source: 'Server1', target: 'Q', params },
          { id: 'Q-->Server2', source: 'Q', target: 'Server2', params },
          { id: 'Server2-->Server1', source: 'Server2', target: 'Server1', params },
        ],
      };
      expect(waitCycles(viaQueue)).toEqual([]);
      expect(waitCycles(mutual()).map((c) => c.nodes)).toEqual([['Server1', 'Server2']]);
    });
  });
});
