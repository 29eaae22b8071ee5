import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, DEFAULT_EDGE } from '../src/model/defaults';
import type { ArchDocument, Distribution, EdgeSpec, QueueParams, ScenarioStep } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';
import { runAll, sumOver } from './support/run';

const edge = (source: string, target: string): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: DEFAULT_EDGE,
});

/** The seed's second diagram: Client → Message Queue → Server 1 / Server 2 → Database. */
function queueDoc(options: {
  rate: number;
  consumerWorkers: number;
  consumerService: Distribution;
  queue?: Partial<QueueParams>;
  scenario?: ScenarioStep[];
  durationSec: number;
  seed?: number;
}): ArchDocument {
  const consumer = (id: string) => ({
    id,
    label: id,
    kind: 'service' as const,
    params: { workers: options.consumerWorkers, service: options.consumerService, queueCapacity: 100 },
  });
  return {
    name: 'queue',
    direction: 'LR',
    nodes: [
      {
        id: 'Client',
        label: 'Client',
        kind: 'client',
        params: { ...DEFAULT_CLIENT, ratePerSec: options.rate },
      },
      {
        id: 'Queue',
        label: 'Message Queue',
        kind: 'queue',
        params: { workers: 64, service: { type: 'exp', meanMs: 1 }, queueCapacity: 1000, ...options.queue },
      },
      consumer('S1'),
      consumer('S2'),
      {
        id: 'DB',
        label: 'Database',
        kind: 'database',
        params: { workers: 32, service: { type: 'exp', meanMs: 1 }, queueCapacity: 1000 },
      },
    ],
    edges: [
      edge('Client', 'Queue'),
      edge('Queue', 'S1'),
      edge('Queue', 'S2'),
      edge('S1', 'DB'),
      edge('S2', 'DB'),
    ],
    groups: [],
    scenario: options.scenario ?? [],
    sim: { seed: options.seed ?? 1, durationSec: options.durationSec, warmupSec: 0 },
  };
}

describe('message queues', () => {
  it('producers are acknowledged on enqueue; consumers drain the queue; latency is end to end', () => {
    const { totals, nodes, rows } = runAll(
      queueDoc({
        rate: 200,
        consumerWorkers: 4,
        consumerService: { type: 'exp', meanMs: 10 },
        durationSec: 30,
      }),
    );
    // The client waits only for the broker (1 ms); the message's end-to-end time includes the consumer's.
    expect(totals.latencyMs.mean).toBeLessThan(3);
    expect(nodes['Queue']?.latencyMs.mean).toBeGreaterThan(10);
    expect(Math.abs((nodes['S1']?.arrivals ?? 0) - (nodes['S2']?.arrivals ?? 0))).toBeLessThan(
      0.1 * (nodes['S1']?.arrivals ?? 1),
    );
    expect(Math.max(...rows.map((r) => r.nodes['Queue']?.backlog ?? 0))).toBeLessThan(50);
  });

  it('backlog grows at the producers’ excess over the consumers’ capacity, and so does the oldest age', () => {
    // Consumers: 2 × 2 workers × 10 ms (+1 ms database) ≈ 364/s; producers 500/s: backlog grows ≈ 136/s.
    const { rows } = runAll(
      queueDoc({
        rate: 500,
        consumerWorkers: 2,
        consumerService: { type: 'const', valueMs: 10 },
        durationSec: 40,
      }),
    );
    const backlog = (t: number) => rows.find((r) => r.t === t)?.nodes['Queue']?.backlog ?? NaN;
    const growth = (backlog(35) - backlog(15)) / 20;
    expect(Math.abs(growth - (500 - 4000 / 11)) / (500 - 4000 / 11)).toBeLessThan(0.1);
    expect(rows.find((r) => r.t === 35)?.nodes['Queue']?.oldestAgeMs).toBeGreaterThan(5000);
  });

  it('a consumer crash with k messages in flight yields k redeliveries, after the visibility timeout', () => {
    // Slow consumers are always full: S1 holds exactly its 4 workers' worth of messages when it crashes.
    const doc = queueDoc({
      rate: 10,
      consumerWorkers: 4,
      consumerService: { type: 'const', valueMs: 1000 },
      queue: { visibilityMs: 5000 },
      scenario: [{ atSec: 10.5, action: 'fail', target: 'S1' }],
      durationSec: 30,
    });
    const { rows, totals } = runAll(doc);
    // Each was delivered less than 1 s before the crash, and its 5 s visibility runs from its delivery:
    // all four reappear between 14.5 s and 15.5 s, none before.
    expect(sumOver(rows, 0, 14, (r) => r.total.redeliveries)).toBe(0);
    expect(totals.redeliveries).toBe(4);
    expect(sumOver(rows, 14, 16, (r) => r.total.redeliveries)).toBe(4);
    expect(totals.duplicates).toBe(0);
  });

  it('a visibility timeout shorter than the processing delivers messages twice: duplicates', () => {
    const doc = queueDoc({
      rate: 5,
      consumerWorkers: 8,
      consumerService: { type: 'const', valueMs: 2000 },
      queue: { visibilityMs: 1000 },
      durationSec: 20,
    });
    const { totals } = runAll(doc);
    expect(totals.redeliveries).toBeGreaterThan(20);
    expect(totals.duplicates).toBeGreaterThan(20);
  });

  it('messages that keep failing go to the dead-letter queue after max attempts', () => {
    const doc = queueDoc({
      rate: 20,
      consumerWorkers: 4,
      consumerService: { type: 'exp', meanMs: 5 },
      queue: { maxAttempts: 3 },
      scenario: [{ atSec: 0, action: 'degrade', target: 'DB', errorRate: 1 }],
      durationSec: 10,
    });
    const { totals } = runAll(doc);
    expect(totals.deadLettered).toBeGreaterThan(150);
    // Each dead message was tried three times: two redeliveries each.
    expect(totals.redeliveries).toBeGreaterThanOrEqual(2 * totals.deadLettered);
  });

  it('a bounded queue rejects producers once full', () => {
    const doc = queueDoc({
      rate: 300,
      consumerWorkers: 1,
      consumerService: { type: 'const', valueMs: 10 },
      queue: { bound: 500 },
      durationSec: 20,
    });
    const { rows, totals } = runAll(doc);
    expect(Math.max(...rows.map((r) => r.nodes['Queue']?.backlog ?? 0))).toBeLessThanOrEqual(500);
    expect(totals.errorsByCause.rejected).toBeGreaterThan(1000);
  });

  it('never loses a message: enqueued = acknowledged + dead-lettered + still stored, whatever fails', () => {
    const target = fc.constantFrom('S1', 'S2', 'DB', 'Queue', 'Queue-->S1');
    const step = fc.record({
      atSec: fc.double({ min: 0, max: 15, noNaN: true }),
      action: fc.constantFrom('fail', 'recover', 'degrade'),
      target,
      mode: fc.constantFrom('crash', 'hang'),
      errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 8 }),
        (steps, seed, visibilitySec) => {
          const scenario = steps.map((s): ScenarioStep => {
            if (s.action === 'fail')
              return { atSec: s.atSec, action: 'fail', target: s.target, mode: s.mode };
            if (s.action === 'degrade')
              return { atSec: s.atSec, action: 'degrade', target: s.target, errorRate: s.errorRate };
            return { atSec: s.atSec, action: 'recover', target: s.target };
          });
          const doc = queueDoc({
            rate: 100,
            consumerWorkers: 3,
            consumerService: { type: 'exp', meanMs: 20 },
            queue: { visibilityMs: visibilitySec * 1000, maxAttempts: 3 },
            scenario,
            durationSec: 20,
            seed,
          });
          const sim = createSimulation(doc);
          const internals = sim as unknown as {
            messages: { enqueued: number; acked: number; deadLettered: number; stored: Int32Array };
          };
          for (const stop of [5, 10, 15, 20]) {
            sim.advance(stop);
            const m = internals.messages;
            expect(m.enqueued).toBe(m.acked + m.deadLettered + (m.stored[1] as number));
          }
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });
});

/**
 * A message queue applies `shed`, `max_wait` and `queue_order` to its stored messages (README "Load
 * shedding"). The bench: producers at 500/s, consumers 2 × 2 workers × (10 ms + 1 ms database) ≈ 364/s.
 */
describe('message queues under overload: shed, max_wait, LIFO', () => {
  const CAPACITY = 4000 / 11;
  const overloaded = (queue: Partial<QueueParams>, durationSec = 40, scenario: ScenarioStep[] = []) =>
    queueDoc({
      rate: 500,
      consumerWorkers: 2,
      consumerService: { type: 'const', valueMs: 10 },
      queue,
      scenario,
      durationSec,
    });

  it('shed=200 holds the backlog at 200 at most and sheds the producers’ excess over the consumers', () => {
    const { rows, totals, nodes } = runAll(overloaded({ shed: 200 }));
    const backlogs = rows.map((r) => r.nodes['Queue']?.backlog ?? NaN);
    expect(Math.max(...backlogs)).toBeLessThanOrEqual(200);
    expect(Math.min(...backlogs.slice(5))).toBeGreaterThanOrEqual(190);
    // Once full, the queue sheds what the consumers cannot take: 500 − 364 ≈ 136/s.
    const shedPerSec = sumOver(rows, 10, 40, (r) => r.nodes['Queue']?.errorsByCause.shed ?? 0) / 30;
    expect(Math.abs(shedPerSec - (500 - CAPACITY)) / (500 - CAPACITY)).toBeLessThan(0.1);
    // The producers hear of it at once, as shed (not rejected), and the consumers stay at capacity.
    expect(totals.errorsByCause.shed).toBe(totals.failed);
    expect(totals.errorsByCause.rejected).toBe(0);
    const consumed = ((nodes['S1']?.completed ?? 0) + (nodes['S2']?.completed ?? 0)) / 40;
    expect(Math.abs(consumed - CAPACITY) / CAPACITY).toBeLessThan(0.05);
  });

  it('max_wait=1s discards messages older than 1 s unserved, as shed: what is served waited at most that', () => {
    const { rows, nodes, totals } = runAll(overloaded({ maxWaitMs: 1000 }));
    // End to end (enqueue to acknowledgement): at most 1 s waiting + 11 ms of work (histogram error 1%).
    expect(nodes['Queue']?.latencyMs.p99).toBeLessThanOrEqual(1011 * 1.01);
    expect(Math.max(...rows.map((r) => r.nodes['Queue']?.oldestAgeMs ?? NaN))).toBeLessThan(1100);
    // The excess over the consumers expires: ≈ 136/s once the first messages reach 1 s.
    const expiredPerSec = sumOver(rows, 10, 40, (r) => r.nodes['Queue']?.errorsByCause.shed ?? 0) / 30;
    expect(Math.abs(expiredPerSec - (500 - CAPACITY)) / (500 - CAPACITY)).toBeLessThan(0.1);
    // The producers were acknowledged on enqueue: discarding a message later fails no request.
    expect(totals.failed).toBe(0);
    // Without max_wait the same load keeps every message, and they wait ever longer.
    const plain = runAll(overloaded({}));
    expect(plain.nodes['Queue']?.latencyMs.p99).toBeGreaterThan(10_000);
    expect(plain.nodes['Queue']?.errors).toBe(0);
  });

  it('conserves messages with max_wait: enqueued = acknowledged + dead-lettered + expired + stored', () => {
    const sim = createSimulation(overloaded({ maxWaitMs: 500 }, 20));
    const internals = sim as unknown as {
      messages: {
        enqueued: number;
        acked: number;
        deadLettered: number;
        expired: number;
        stored: Int32Array;
      };
    };
    for (const stop of [5, 10, 20]) {
      sim.advance(stop);
      const m = internals.messages;
      const stored = m.stored.reduce((a, b) => a + b, 0);
      expect(m.expired).toBeGreaterThan(0);
      expect(m.enqueued).toBe(m.acked + m.deadLettered + m.expired + stored);
    }
  });

  it('LIFO serves the newest messages first: after a burst, fresh messages are consumed in milliseconds', () => {
    // 300/s (under capacity) with a 10 s burst at 1500/s: some 11,000 messages are left behind.
    const burst: ScenarioStep[] = [
      { atSec: 10, action: 'load', target: 'Client', ratePerSec: 1500 },
      { atSec: 20, action: 'load', target: 'Client', ratePerSec: 300 },
    ];
    const run = (queueOrder: 'fifo' | 'lifo') =>
      runAll(
        queueDoc({
          rate: 300,
          consumerWorkers: 2,
          consumerService: { type: 'const', valueMs: 10 },
          queue: { queueOrder },
          scenario: burst,
          durationSec: 40,
        }),
      );
    const p50 = (r: ReturnType<typeof run>, t: number) =>
      r.rows.find((row) => row.t === t)?.nodes['Queue']?.p50 ?? NaN;
    const fifo = run('fifo');
    const lifo = run('lifo');
    for (let t = 25; t < 40; t++) {
      // FIFO: every message acknowledged now waited behind the burst's backlog, tens of seconds.
      expect(p50(fifo, t)).toBeGreaterThan(5000);
      // LIFO: the consumers take the fresh ones as they come (the backlog waits beneath).
      expect(p50(lifo, t)).toBeLessThan(50);
    }
    // Both keep every message: LIFO reorders, it does not discard.
    expect(lifo.rows.at(-1)?.nodes['Queue']?.backlog).toBeGreaterThan(5000);
    expect(lifo.nodes['Queue']?.errors).toBe(0);
  });
});
