import { describe, expect, it } from 'vitest';
import { sweepCase } from '../src/analysis/analysis';
import { capacityCheck } from '../src/analysis/capacity';
import { variantsOf } from '../src/analysis/twin';
import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_SERVICE, DEFAULT_SIM } from '../src/model/defaults';
import type { ArchDocument, EdgeSpec, NodeSpec } from '../src/model/types';

const call = (source: string, target: string): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: DEFAULT_EDGE,
});

/** Users → E / W servers (a client with two targets alternates), each with its own database, the two peers. */
const PEERS: ArchDocument = {
  name: 'peers',
  direction: 'LR',
  nodes: [
    {
      id: 'Users',
      label: 'Users',
      kind: 'client',
      params: { ...DEFAULT_CLIENT, ratePerSec: 200, writes: 0.5 },
    },
    { id: 'E', label: 'Server E', kind: 'service', params: { ...DEFAULT_SERVICE, workers: 32 } },
    { id: 'W', label: 'Server W', kind: 'service', params: { ...DEFAULT_SERVICE, workers: 32 } },
    ...(['DBE', 'DBW'] as const).map((id): NodeSpec => ({
      id,
      label: id === 'DBE' ? 'DB East' : 'DB West',
      kind: 'database',
      params: { workers: 4, service: { type: 'exp', meanMs: 2 }, queueCapacity: Infinity },
    })),
  ],
  edges: [
    call('Users', 'E'),
    call('Users', 'W'),
    call('E', 'DBE'),
    call('W', 'DBW'),
    {
      ...call('DBE', 'DBW'),
      bidirectional: true,
      params: { ...DEFAULT_EDGE, lag: { type: 'const', valueMs: 40 } },
    },
  ],
  groups: [],
  scenario: [],
  sim: { ...DEFAULT_SIM, durationSec: 60 },
};

describe('analyses treat multi-primary peers as peers', () => {
  it('capacity: the replication link carries no calls, and a failed peer’s load moves to the other peer', () => {
    const situations = capacityCheck(PEERS);
    const load = (failed: string | null, id: string) =>
      situations.find((s) => s.failed === failed)?.loads.find((l) => l.id === id)?.offeredPerSec ?? NaN;
    expect(load(null, 'DBE')).toBeCloseTo(100, 6);
    expect(load(null, 'DBW')).toBeCloseTo(100, 6);
    expect(load('DBE', 'DBW')).toBeCloseTo(200, 6);
  });

  it('sweep: failing one peer is not a single point of failure', () => {
    const entry = sweepCase(PEERS, 'DBE', 'database', 20);
    expect(entry.availability).toBeGreaterThan(0.999);
    // A database without a peer takes its server's requests down with it.
    const alone: ArchDocument = { ...PEERS, edges: PEERS.edges.filter((e) => !e.bidirectional) };
    expect(sweepCase(alone, 'DBE', 'database', 20).availability).toBeLessThan(0.8);
  });

  it('twin runs offer sync ↔ async and lww ↔ first-wins, applied to the replication link', () => {
    const variants = variantsOf(PEERS);
    const replication = variants.find((v) => v.id === 'DBE+DBW:replication');
    const conflict = variants.find((v) => v.id === 'DBE+DBW:conflict');
    expect(replication?.label).toBe('DB East ↔ DB West: async → sync replication');
    expect(conflict?.label).toBe('DB East ↔ DB West: conflicts lww → first-wins');
    const link = (doc: ArchDocument) => doc.edges.find((e) => e.id === 'DBE-->DBW')?.params;
    expect(replication && link(replication.apply(PEERS))?.replication).toBe('sync');
    expect(conflict && link(conflict.apply(PEERS))?.conflict).toBe('first-wins');
    // Applied twice, each comes back to where it started (B of B is A).
    const synced = replication ? replication.apply(PEERS) : PEERS;
    expect(variantsOf(synced).find((v) => v.id === 'DBE+DBW:replication')?.label).toContain('sync → async');
  });
});
