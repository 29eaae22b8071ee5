import { describe, expect, it } from 'vitest';
import { DEFAULT_LB } from '../src/model/defaults';
import type {
  ArchDocument,
  ConflictPolicy,
  Distribution,
  EdgeSpec,
  NodeSpec,
  ReplicationMode,
  ScenarioStep,
} from '../src/model/types';
import { runAll, sumOver } from './support/run';

const FAST_DB = {
  workers: 256,
  service: { type: 'const', valueMs: 0.1 } as Distribution,
  queueCapacity: Infinity,
};

interface PeerSetup {
  /** Writes per second reaching each peer. */
  readonly writesPerPeer: number;
  /** Keys, all equally likely. */
  readonly keys: number;
  readonly lag: Distribution;
  readonly peers?: number;
  readonly replication?: ReplicationMode;
  readonly conflict?: ConflictPolicy;
  readonly scenario?: readonly ScenarioStep[];
  readonly durationSec: number;
  readonly seed?: number;
  readonly writes?: number;
  readonly readYourWrites?: boolean;
}

/**
 * One client writing to keys uniform over `keys` (its users: each user's record is a key), through a
 * random load balancer that spreads the writes evenly over n multi-primary peers joined in a full mesh.
 */
function peerDocument(setup: PeerSetup): ArchDocument {
  const n = setup.peers ?? 2;
  const writes = setup.writes ?? 1;
  const dbs = Array.from({ length: n }, (_, i) => `DB${i}`);
  const nodes: NodeSpec[] = [
    {
      id: 'C',
      label: 'Users',
      kind: 'client',
      params: {
        ratePerSec: (setup.writesPerPeer * n) / writes,
        arrival: 'poisson',
        timeoutMs: Infinity,
        retries: 0,
        users: setup.keys,
        writes,
        ...(setup.readYourWrites ? { readYourWrites: true } : {}),
      },
    },
    { id: 'LB', label: 'LB', kind: 'lb', params: { ...DEFAULT_LB, policy: 'random' } },
    ...dbs.map((id): NodeSpec => ({ id, label: id, kind: 'database', params: FAST_DB })),
  ];
  const call = (source: string, target: string): EdgeSpec => ({
    id: `${source}-->${target}`,
    source,
    target,
    params: { latency: { type: 'const', valueMs: 0 }, weight: 1, backup: false },
  });
  const links: EdgeSpec[] = [];
  dbs.forEach((a, i) =>
    dbs.slice(i + 1).forEach((b) =>
      links.push({
        ...call(a, b),
        bidirectional: true,
        params: {
          latency: { type: 'const', valueMs: 0 },
          weight: 1,
          backup: false,
          lag: setup.lag,
          ...(setup.replication ? { replication: setup.replication } : {}),
          ...(setup.conflict ? { conflict: setup.conflict } : {}),
        },
      }),
    ),
  );
  return {
    name: 'peers',
    direction: 'LR',
    nodes,
    edges: [call('C', 'LB'), ...dbs.map((db) => call('LB', db)), ...links],
    groups: [],
    scenario: setup.scenario ?? [],
    sim: { seed: setup.seed ?? 11, durationSec: setup.durationSec, warmupSec: 0 },
  };
}

const within = (actual: number, expected: number, share: number) => {
  expect(actual).toBeGreaterThan(expected * (1 - share));
  expect(actual).toBeLessThan(expected * (1 + share));
};

describe('multi-primary peers: conflicts without a partition', () => {
  it('conflicts per second ≈ 2·L·W²/K for a constant one-way lag L, and each one loses an update', () => {
    const W = 200;
    const K = 2000;
    const L = 0.05;
    const durationSec = 300;
    const { totals, rows } = runAll(
      peerDocument({ writesPerPeer: W, keys: K, lag: { type: 'const', valueMs: L * 1000 }, durationSec }),
    );
    const perSecond = totals.conflicts / durationSec;
    within(perSecond, (2 * L * W * W) / K, 0.1);
    expect(totals.lostUpdates).toBe(totals.conflicts);
    expect(totals.failed).toBe(0);
    // In steady state about 2·W·L keys are in flight between the peers at any moment.
    const divergence = rows.slice(10).map((row) => row.total.divergentKeys ?? NaN);
    const mean = divergence.reduce((sum, d) => sum + d, 0) / divergence.length;
    within(mean, 2 * W * L, 0.15);
    // The lag of the oldest write not yet at the peer is at most L.
    for (const row of rows) expect(row.total.replicationLagMs ?? NaN).toBeLessThanOrEqual(L * 1000 + 1e-9);
  });

  it('the conflict rate grows with the square of the write rate and falls with the key space', () => {
    const rate = (W: number, K: number) =>
      runAll(
        peerDocument({ writesPerPeer: W, keys: K, lag: { type: 'const', valueMs: 40 }, durationSec: 200 }),
      ).totals.conflicts / 200;
    const base = rate(150, 1500);
    within(rate(300, 1500) / base, 4, 0.15);
    within(rate(150, 3000) / base, 0.5, 0.15);
  });

  it('three peers in a full mesh: every pair conflicts at 2·L·W²/K, 3 pairs in all', () => {
    const W = 150;
    const K = 3000;
    const L = 0.04;
    const { totals } = runAll(
      peerDocument({
        writesPerPeer: W,
        keys: K,
        lag: { type: 'const', valueMs: L * 1000 },
        peers: 3,
        durationSec: 300,
      }),
    );
    within(totals.conflicts / 300, (3 * 2 * L * W * W) / K, 0.12);
    expect(totals.lostUpdates).toBe(totals.conflicts);
  });
});

describe('multi-primary peers: split-brain and reconciliation', () => {
  const W = 50;
  const K = 5000;
  const P = 60;
  const partition: ScenarioStep[] = [
    { atSec: 30, action: 'partition', target: 'DB0-->DB1' },
    { atSec: 30 + P, action: 'recover', target: 'DB0-->DB1' },
  ];

  for (const conflict of ['lww', 'first-wins'] as const) {
    it(`${conflict}: divergence ≈ K·(1 − e^(−2WP/K)) at the end of the partition, ≈ K·(1 − e^(−WP/K))² conflicts on heal, then back to 0`, () => {
      const { rows, totals } = runAll(
        peerDocument({
          writesPerPeer: W,
          keys: K,
          lag: { type: 'exp', meanMs: 80 },
          conflict,
          scenario: partition,
          durationSec: 130,
          seed: 5,
        }),
      );
      const at = (t: number) => rows.find((row) => row.t === t)?.total;
      // The second that ends as the link heals.
      within(at(29 + P)?.divergentKeys ?? NaN, K * (1 - Math.exp((-2 * W * P) / K)), 0.1);
      // Divergence rises through the partition.
      expect(at(40)?.divergentKeys ?? NaN).toBeLessThan(at(60)?.divergentKeys ?? NaN);
      const bothSides = K * (1 - Math.exp((-W * P) / K)) ** 2;
      within(
        sumOver(rows, 30 + P, 30 + P + 5, (row) => row.total.conflicts),
        bothSides,
        0.1,
      );
      // Within a few seconds of the heal the backlog has replicated: only writes in flight differ.
      expect(at(30 + P + 5)?.divergentKeys ?? NaN).toBeLessThan(40);
      expect(totals.lostUpdates).toBe(totals.conflicts);
      // Both sides kept accepting writes.
      expect(totals.failed).toBe(0);
      // The lag of the oldest unreplicated write grows with the partition.
      expect(at(29 + P)?.replicationLagMs ?? NaN).toBeGreaterThan((P - 1) * 1000);
      expect(at(30 + P + 5)?.replicationLagMs ?? NaN).toBeLessThan(2000);
    });
  }

  it('lww and first-wins lose the same number of updates (the policy picks which write survives)', () => {
    const run = (conflict: ConflictPolicy) =>
      runAll(
        peerDocument({
          writesPerPeer: W,
          keys: K,
          lag: { type: 'exp', meanMs: 80 },
          conflict,
          scenario: partition,
          durationSec: 100,
        }),
      ).totals;
    const lww = run('lww');
    const first = run('first-wins');
    expect(first.lostUpdates).toBe(lww.lostUpdates);
    expect(first.conflicts).toBe(lww.conflicts);
  });

  it('a region partition (group) splits the peers as an edge partition does', () => {
    const base = peerDocument({
      writesPerPeer: W,
      keys: K,
      lag: { type: 'exp', meanMs: 80 },
      durationSec: 100,
    });
    const doc: ArchDocument = {
      ...base,
      groups: [
        { id: 'East', label: 'East' },
        { id: 'West', label: 'West' },
      ],
      nodes: base.nodes.map((node) =>
        node.id === 'DB0'
          ? { ...node, group: 'East' }
          : node.id === 'DB1'
            ? { ...node, group: 'West' }
            : node,
      ),
      scenario: [
        { atSec: 30, action: 'partition', target: 'West' },
        { atSec: 60, action: 'recover', target: 'West' },
      ],
    };
    const { rows, totals } = runAll(doc);
    // Cutting West also cuts LB → DB1: its share of the writes fails; DB0 alone diverges from DB1.
    expect(rows.find((row) => row.t === 59)?.total.divergentKeys ?? 0).toBeGreaterThan(1000);
    expect(rows.find((row) => row.t === 70)?.total.divergentKeys ?? NaN).toBeLessThan(40);
    expect(totals.lostUpdates).toBe(totals.conflicts);
  });

  it('a crashed peer replicates its backlog when it comes back', () => {
    const { rows } = runAll(
      peerDocument({
        writesPerPeer: W,
        keys: K,
        lag: { type: 'const', valueMs: 50 },
        scenario: [
          { atSec: 20, action: 'fail', target: 'DB1' },
          { atSec: 40, action: 'recover', target: 'DB1' },
        ],
        durationSec: 60,
      }),
    );
    expect(rows.find((row) => row.t === 39)?.total.divergentKeys ?? 0).toBeGreaterThan(500);
    expect(rows.find((row) => row.t === 45)?.total.divergentKeys ?? NaN).toBeLessThan(40);
  });

  it('a crashed peer is no single point of failure: its calls go to the other peer, a round trip away', () => {
    const { rows, totals, nodes } = runAll(
      peerDocument({
        writesPerPeer: W,
        keys: K,
        lag: { type: 'const', valueMs: 50 },
        scenario: [{ atSec: 20, action: 'fail', target: 'DB1' }],
        durationSec: 40,
      }),
    );
    expect(totals.failed).toBe(0);
    // Until the load balancer's health checks mark DB1 down (3 probes 2 s apart), half the requests still go
    // there and pay 2 × 50 ms to DB0; afterwards the load balancer sends everything to DB0 directly.
    within(sumOver(rows, 20, 23, (row) => row.total.mean) / 3, 0.1 + 0.5 * 100, 0.15);
    expect(sumOver(rows, 30, 40, (row) => row.total.mean) / 10).toBeLessThan(1);
    within((nodes.DB0?.completed ?? 0) / totals.ok, 0.75, 0.05);
  });
});

describe('multi-primary peers: synchronous replication', () => {
  it('loses nothing and never conflicts; during a partition writes fail instead', () => {
    const W = 50;
    const { rows, totals } = runAll(
      peerDocument({
        writesPerPeer: W,
        keys: 500,
        lag: { type: 'exp', meanMs: 20 },
        replication: 'sync',
        scenario: [
          { atSec: 20, action: 'partition', target: 'DB0-->DB1' },
          { atSec: 50, action: 'recover', target: 'DB0-->DB1' },
        ],
        durationSec: 70,
      }),
    );
    expect(totals.conflicts).toBe(0);
    expect(totals.lostUpdates).toBe(0);
    for (const row of rows) expect(row.total.divergentKeys).toBe(0);
    // Every write during the partition fails (every request here writes), none outside it.
    within(
      sumOver(rows, 20, 50, (row) => row.total.failed),
      2 * W * 30,
      0.1,
    );
    expect(sumOver(rows, 0, 20, (row) => row.total.failed)).toBe(0);
    expect(sumOver(rows, 51, 70, (row) => row.total.failed)).toBe(0);
  });

  it('a synchronous write waits for the round trip to the peer', () => {
    const lag: Distribution = { type: 'const', valueMs: 30 };
    const sync = runAll(
      peerDocument({ writesPerPeer: 20, keys: 500, lag, replication: 'sync', durationSec: 30 }),
    );
    const async = runAll(peerDocument({ writesPerPeer: 20, keys: 500, lag, durationSec: 30 }));
    within(sync.totals.latencyMs.mean - async.totals.latencyMs.mean, 60, 0.02);
  });
});

describe('multi-primary peers: read your writes', () => {
  it('a read at the other peer before the user’s write arrived is stale; only when the client asks', () => {
    const setup = {
      writesPerPeer: 50,
      keys: 50,
      writes: 0.5,
      lag: { type: 'const', valueMs: 200 } as Distribution,
      durationSec: 60,
    };
    const checked = runAll(peerDocument({ ...setup, readYourWrites: true })).totals;
    const unchecked = runAll(peerDocument(setup)).totals;
    expect(unchecked.staleReads).toBe(0);
    // Each user sends 4 requests/s, half of them writes: a read is stale when the user wrote within the last
    // 200 ms (probability 1 − e^(−2·0.2)) and that write went to the other peer (probability 1/2).
    const reads = checked.requests * 0.5;
    within(checked.staleReads / reads, 0.5 * (1 - Math.exp(-2 * 0.2)), 0.1);
  });
});
