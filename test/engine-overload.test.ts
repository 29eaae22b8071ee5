import { describe, expect, it } from 'vitest';
import type { ArchDocument, Distribution, WorkerParams } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';
import { chain, clientToService, openClient, workerNode, type ChainNode } from './support/documents';
import { runAll, sumOver } from './support/run';

/**
 * The overload models against first principles (README "Load-dependent latency", "Load shedding",
 * "Limiter", "Closed-loop users", "Goodput and wasted work"): each test states the law it checks.
 */
const exp = (meanMs: number): Distribution => ({ type: 'exp', meanMs });
const constant = (valueMs: number): Distribution => ({ type: 'const', valueMs });

function service(extra: Partial<WorkerParams>, workers = 1, dist: Distribution = exp(1)): ChainNode {
  return workerNode('S', 'service', workers, dist, extra);
}

describe('load-dependent latency', () => {
  it('linear(0) is bit for bit the run without load_latency (M/M/1 unchanged when off)', () => {
    const plain = clientToService({ ratePerSec: 800, workers: 1, service: exp(1), durationSec: 30, seed: 3 });
    const withZero: ArchDocument = {
      ...plain,
      nodes: plain.nodes.map((node) =>
        node.kind === 'service'
          ? { ...node, params: { ...node.params, loadLatency: { type: 'linear', k: 0 } } }
          : node,
      ),
    };
    expect(runAll(withZero)).toEqual(runAll(plain));
  });

  it('one worker is always fully busy while it works: linear(1) doubles the service time (M/M/1 at 2 ms)', () => {
    const doc = chain([openClient(250), service({ loadLatency: { type: 'linear', k: 1 } })], {
      durationSec: 2000,
      seed: 4,
    });
    const sim = createSimulation(doc);
    sim.advance(2000);
    // μ' = 1/2 ms, λ = 0.25/ms: W = 1/(μ' − λ) = 4 ms.
    expect(Math.abs(sim.totals().latencyMs.mean - 4) / 4).toBeLessThan(0.02);
  });

  it('u counts the worker the work takes: alone on 4 workers, exp(2) stretches 10 ms to 10·e^0.5', () => {
    const doc = chain(
      [
        openClient(1, { arrival: 'constant' }),
        service({ loadLatency: { type: 'exp', k: 2 } }, 4, constant(10)),
      ],
      {
        durationSec: 20,
      },
    );
    const { nodes } = runAll(doc);
    expect(nodes['S']?.latencyMs.mean).toBeCloseTo(10 * Math.exp(0.5), 0);
  });

  it('poly(k, n) grows with concurrency: a busier node serves each request more slowly', () => {
    const at = (rate: number) =>
      runAll(
        chain([openClient(rate), service({ loadLatency: { type: 'poly', k: 3, n: 2 } }, 8, constant(10))], {
          durationSec: 30,
        }),
      ).nodes['S']?.latencyMs.mean ?? 0;
    const light = at(50);
    const heavy = at(300);
    expect(light).toBeLessThan(12);
    expect(heavy).toBeGreaterThan(light * 1.5);
  });
});

describe('load shedding', () => {
  it('shed=20 keeps the queue at or below 20 and counts what it turns away as shed', () => {
    const doc = chain([openClient(2000), service({ shed: 20 })], { durationSec: 20 });
    const sim = createSimulation(doc);
    let longest = 0;
    for (let t = 0.05; t <= 20; t += 0.05) {
      sim.advance(t);
      longest = Math.max(longest, sim.live().nodes['S']?.queued ?? 0);
    }
    expect(longest).toBeLessThanOrEqual(20);
    expect(longest).toBeGreaterThanOrEqual(19);
    const totals = sim.totals();
    // A worker of rate 1000/s offered 2000/s: about half is shed.
    expect(totals.errorsByCause.shed / totals.requests).toBeGreaterThan(0.45);
    expect(totals.errorsByCause.rejected).toBe(0);
  });

  it('max_wait sheds work that waited too long as it reaches a worker: what is served waited at most that', () => {
    const doc = chain([openClient(1500), service({ maxWaitMs: 50 }, 1, constant(1))], { durationSec: 20 });
    const { nodes, totals } = runAll(doc);
    // Served requests spent at most max_wait waiting plus 1 ms of work (p99 within histogram error).
    expect(nodes['S']?.latencyMs.p99).toBeLessThanOrEqual(51 * 1.01);
    expect(totals.errorsByCause.shed).toBeGreaterThan(0);
    expect(totals.ok + totals.failed + totals.inFlight).toBe(totals.requests);
  });

  it('stale queue: FIFO under overload with client timeouts serves the dead; LIFO keeps goodput', () => {
    const run = (queueOrder: 'fifo' | 'lifo') =>
      runAll(
        chain([openClient(1200, { timeoutMs: 200 }), service({ queueOrder }, 1, exp(1))], {
          durationSec: 60,
        }),
      );
    const fifo = run('fifo');
    const lifo = run('lifo');
    const goodput = (r: ReturnType<typeof run>) => sumOver(r.rows, 30, 60, (row) => row.total.ok) / 30;
    expect(goodput(fifo)).toBeLessThan(100);
    expect(goodput(lifo)).toBeGreaterThan(800);
    expect(fifo.nodes['S']?.wasted).toBeGreaterThan(fifo.nodes['S']!.completed * 0.8);
  });
});

describe('wasted work', () => {
  it('equals the completions whose caller was gone: completed = answered in time + wasted', () => {
    const doc = chain([openClient(1100, { timeoutMs: 100 }), service({}, 1, exp(1))], { durationSec: 30 });
    const { nodes, totals } = runAll(doc);
    const s = nodes['S']!;
    expect(s.wasted).toBeGreaterThan(1000);
    expect(s.completed).toBe(totals.ok + s.wasted);
    expect(totals.wasted).toBe(s.wasted);
  });

  it('counts work done below a load balancer or a service whose client gave up', () => {
    const doc = chain(
      [
        openClient(1100, { timeoutMs: 50 }),
        workerNode('S', 'service', 1, exp(0.5)),
        workerNode('DB', 'database', 1, exp(0.5)),
      ],
      { durationSec: 30 },
    );
    const { nodes, rows } = runAll(doc);
    expect(nodes['DB']?.wasted).toBeGreaterThan(0);
    // Every answer the service gave late was built on a database answer that was wasted too, or given after.
    expect(nodes['DB']!.wasted).toBeGreaterThanOrEqual(nodes['S']!.wasted * 0.5);
    expect(sumOver(rows, 0, 30, (row) => row.total.wasted)).toBe(nodes['S']!.wasted + nodes['DB']!.wasted);
  });

  it('no timeouts and no faults: nothing is wasted', () => {
    const { totals } = runAll(chain([openClient(500), service({}, 1, exp(1))], { durationSec: 20 }));
    expect(totals.wasted).toBe(0);
  });
});

describe('limiter', () => {
  it('limit=100/s passes 100/s ± 3% of a 500/s offered load and rejects the rest at once', () => {
    const doc = chain(
      [
        openClient(500),
        { id: 'L', kind: 'limiter', params: { limit: { type: 'rate', perSec: 100 } } },
        service({}, 8, exp(1)),
      ],
      { durationSec: 200 },
    );
    const { nodes, totals } = runAll(doc);
    const passed = (nodes['S']?.arrivals ?? 0) / 200;
    expect(Math.abs(passed - 100) / 100).toBeLessThan(0.03);
    expect(totals.errorsByCause.rejected).toBe(totals.failed);
    expect(Math.abs(totals.ok / 200 - 100) / 100).toBeLessThan(0.03);
  });

  it('burst= lets that many through at once after a quiet spell', () => {
    const doc = chain(
      [
        openClient(1000, { arrival: 'constant' }),
        { id: 'L', kind: 'limiter', params: { limit: { type: 'rate', perSec: 10 }, burst: 50 } },
        service({}, 64, constant(1)),
      ],
      { durationSec: 3 },
    );
    const { rows } = runAll(doc);
    // First second: the full bucket of 50, plus 10 refilled.
    expect(rows[0]?.nodes['S']?.arrivals).toBeGreaterThanOrEqual(59);
    expect(rows[0]?.nodes['S']?.arrivals).toBeLessThanOrEqual(61);
    expect(rows[2]?.nodes['S']?.arrivals).toBe(10);
  });

  it('limit=4 keeps at most 4 requests in flight through it (throughput ≤ 4 / service time)', () => {
    const doc = chain(
      [
        openClient(2000),
        { id: 'L', kind: 'limiter', params: { limit: { type: 'concurrency', max: 4 } } },
        service({}, 64, constant(10)),
      ],
      { durationSec: 30 },
    );
    const sim = createSimulation(doc);
    let most = 0;
    for (let t = 0.01; t <= 30; t += 0.01) {
      sim.advance(t);
      most = Math.max(most, sim.live().nodes['S']?.busy ?? 0);
    }
    expect(most).toBe(4);
    const throughput = sim.totals().ok / 30;
    expect(throughput).toBeLessThanOrEqual(400);
    // Each freed slot waits for the next arrival (0.5 ms on average): 4 / 10.5 ms ≈ 381/s.
    expect(throughput).toBeGreaterThan(365);
  });
});

describe('limiter utilization', () => {
  const rateLimited = (offered: number) =>
    chain(
      [
        openClient(offered),
        { id: 'L', kind: 'limiter', params: { limit: { type: 'rate', perSec: 100 } } },
        service({}, 64, exp(1)),
      ],
      { durationSec: 100 },
    );

  it('a rate limit shows its pass rate against the limit: each second, (arrivals − rejected) / limit', () => {
    const { rows, nodes } = runAll(rateLimited(500));
    for (const row of rows) {
      const l = row.nodes['L']!;
      expect(l.utilization * 100).toBeCloseTo(l.arrivals - l.errorsByCause.rejected, 9);
    }
    // Offered five times the limit: the bucket is used up, utilization ≈ 100%.
    expect(Math.abs((nodes['L']?.utilization ?? 0) - 1)).toBeLessThan(0.03);
  });

  it('below its rate a limiter is used in proportion: 50/s through limit=100/s is about 50%', () => {
    const { nodes } = runAll(rateLimited(50));
    expect(Math.abs((nodes['L']?.utilization ?? 0) - 0.5)).toBeLessThan(0.03);
  });

  it("a concurrency limit shows requests in flight / limit, time-averaged (Little's law: λ·W / limit)", () => {
    const through = (offered: number) => {
      const doc = chain(
        [
          openClient(offered),
          { id: 'L', kind: 'limiter', params: { limit: { type: 'concurrency', max: 50 } } },
          service({}, 64, constant(10)),
        ],
        { durationSec: 60 },
      );
      const { nodes } = runAll(doc);
      const l = nodes['L']!;
      // Mean in flight = admitted per second × time in flight (the service's 10 ms, the edges being free).
      const admittedPerSec = (l.arrivals - l.errors) / 60;
      return { utilization: l.utilization, littles: (admittedPerSec * 0.01) / 50 };
    };
    const light = through(1000);
    expect(light.utilization).toBeGreaterThan(0.15);
    expect(Math.abs(light.utilization - light.littles) / light.littles).toBeLessThan(0.01);
    // Offered far more than 50 / 10 ms = 5000/s: every place is taken almost all the time.
    const heavy = through(20000);
    expect(heavy.utilization).toBeGreaterThan(0.95);
    expect(heavy.utilization).toBeLessThanOrEqual(1);
    expect(Math.abs(heavy.utilization - heavy.littles) / heavy.littles).toBeLessThan(0.01);
  });
});

describe('closed-loop users', () => {
  it.each([
    { users: 50, workers: 1, meanMs: 4 },
    { users: 200, workers: 2, meanMs: 8 },
  ])(
    '$users users thinking exp(1s): throughput = users / (think + response time) within 3%',
    ({ users, workers, meanMs }) => {
      const doc = chain(
        [
          {
            id: 'C',
            kind: 'client',
            params: {
              ratePerSec: 0,
              arrival: 'closed',
              users,
              think: exp(1000),
              timeoutMs: Infinity,
              retries: 0,
            },
          },
          service({}, workers, exp(meanMs)),
        ],
        { durationSec: 400, warmupSec: 20 },
      );
      const { rows, totals } = runAll(doc);
      const x = sumOver(rows, 20, 400, (row) => row.total.ok) / 380;
      const r = totals.latencyMs.mean / 1000;
      expect(Math.abs(x - users / (1 + r)) / x).toBeLessThan(0.03);
      expect(totals.requests).toBe(totals.ok + totals.failed + totals.inFlight);
      expect(totals.inFlight).toBeLessThanOrEqual(users);
    },
  );

  it('a closed population cannot overload: at most `users` requests are ever out', () => {
    const doc = chain(
      [
        {
          id: 'C',
          kind: 'client',
          params: {
            ratePerSec: 0,
            arrival: 'closed',
            users: 30,
            think: constant(10),
            timeoutMs: Infinity,
            retries: 0,
          },
        },
        service({}, 1, exp(5)),
      ],
      { durationSec: 30 },
    );
    const sim = createSimulation(doc);
    for (let t = 0.1; t <= 30; t += 0.1) {
      sim.advance(t);
      const node = sim.live().nodes['S'];
      expect((node?.busy ?? 0) + (node?.queued ?? 0)).toBeLessThanOrEqual(30);
    }
    // Saturated: the server is the bottleneck, X ≈ μ = 200/s.
    expect(sim.totals().ok / 30).toBeGreaterThan(190);
  });
});

describe('capacity degradation', () => {
  it('degrade workers=50% halves an overloaded node’s throughput until it recovers', () => {
    const doc = chain([openClient(1500), service({}, 8, constant(8))], {
      durationSec: 30,
      scenario: [
        { atSec: 10, action: 'degrade', target: 'S', workersShare: 0.5 },
        { atSec: 20, action: 'recover', target: 'S' },
      ],
    });
    const { rows, events } = runAll(doc);
    const rate = (from: number, to: number) =>
      sumOver(rows, from, to, (row) => row.nodes['S']?.completed ?? 0) / (to - from);
    expect(rate(2, 10)).toBeCloseTo(1000, -1);
    expect(rate(11, 20)).toBeCloseTo(500, -1);
    expect(rate(21, 30)).toBeCloseTo(1000, -1);
    expect(events.find((e) => e.type === 'degrade')?.detail).toBe('50% of workers');
  });
});
