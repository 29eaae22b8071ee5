/**
 * Every key a kind accepts is one its engine behaviour reads (docs/REGISTRY.md, "Add a parameter": read
 * it in the engine). A key the engine would ignore must not be in the kind's table, so that Mermaid, JSON
 * files and links refuse it instead of taking a value that changes nothing (a DNS node's workers, a
 * message queue's downstream timeout). Each kind runs with its features switched on and its params
 * behind a proxy that records what the engine reads.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, NODE_KINDS, type NodeKind } from '../src/model/kinds';
import { EDGE_DEFAULTS } from '../src/model/params';
import type { ArchDocument, EdgeSpec, NodeSpec } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';

/**
 * What switches on the behaviour behind a kind's conditional keys, one run each: retries (then their
 * backoff), writes and keys (read by peer databases and a cache), a circuit breaker, each arrival
 * process; an active-passive balancer that ejects; replicated sessions; a replica. Every run fails the
 * node under test for a second and its primary target S1 for nine, so health checks, ejection,
 * promotion and failover all happen.
 */
const FEATURES: { readonly [K in NodeKind]?: readonly object[] } = {
  client: [
    { retries: 2, writes: 0.3, keys: { type: 'uniform', n: 100 }, readYourWrites: true, breakerErrors: 3 },
    { arrival: 'bursty' },
    { arrival: 'ramp' },
    { arrival: 'closed', users: 5 },
  ],
  lb: [{ mode: 'active-passive', ejectErrors: 1 }],
  service: [{ sessions: 'replicated' }],
  database: [{ replicas: 1 }],
};

const node = (id: string, kind: NodeKind, params: object = KINDS[kind].defaults) =>
  ({ id, label: id, kind, params }) as NodeSpec;

const edge = (source: string, target: string, backup = false): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: { ...EDGE_DEFAULTS, backup },
});

/**
 * The keys of node X's params that the engine reads in one run of C → X → S1, S2 (a balancer's backup),
 * where S2 is a database with a multi-primary peer S3 (so writes and read-your-writes count).
 */
function engineReadsOf(kind: NodeKind, features: object): Set<string> {
  const reads = new Set<string>();
  const params = new Proxy(
    { ...KINDS[kind].defaults, ...features },
    {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    },
  );
  const client = node('C', 'client', { ...KINDS.client.defaults, ...FEATURES.client?.[0], timeoutMs: 200 });
  const tested = node('X', kind, params);
  const backends = [node('S1', 'service'), node('S2', 'database'), node('S3', 'database')];
  const fault = (atSec: number, action: 'fail' | 'recover', target: string) => ({ atSec, action, target });
  const doc: ArchDocument = {
    name: `reads of a ${kind}`,
    direction: 'LR',
    nodes: kind === 'client' ? [tested, ...backends] : [client, tested, ...backends],
    edges: [
      ...(kind === 'client' ? [] : [edge('C', 'X')]),
      edge('X', 'S1'),
      edge('X', 'S2', kind === 'lb'),
      { ...edge('S2', 'S3'), bidirectional: true },
    ],
    groups: [],
    scenario: [
      fault(1, 'fail', 'S1'),
      fault(1, 'fail', 'X'),
      fault(2, 'recover', 'X'),
      fault(10, 'recover', 'S1'),
    ],
    sim: { seed: 1, durationSec: 20, warmupSec: 0 },
  };
  const sim = createSimulation(doc, { seed: 1 });
  while (!sim.done) sim.advance(doc.sim.durationSec, 1_000_000);
  return reads;
}

describe('every parameter a kind accepts is read by its engine behaviour', () => {
  it.each(NODE_KINDS)('%s', (kind) => {
    const reads = new Set<string>();
    for (const features of FEATURES[kind] ?? [{}])
      for (const key of engineReadsOf(kind, features)) reads.add(key);
    const unread = Object.keys(KINDS[kind].params).filter((prop) => !reads.has(prop));
    expect(unread, `${kind} accepts keys its engine behaviour never reads`).toEqual([]);
  });
});
