/**
 * Topologies whose hops all happen at the same instant (zero-latency edges): the engine handles them in
 * a loop, so neither a cycle nor a long chain nor a wide fan-out can overflow the call stack.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, DEFAULT_EDGE, defaultParamsOf } from '../src/model/defaults';
import type { ArchDocument, EdgeSpec, NodeKind, NodeSpec } from '../src/model/types';
import { MAX_CALL_DEPTH } from '../src/sim/engine';
import { runAll } from './support/run';

const INSTANT = { ...DEFAULT_EDGE, latency: { type: 'const', valueMs: 0 } } as const;

function node(id: string, kind: NodeKind): NodeSpec {
  const params =
    kind === 'client' ? { ...DEFAULT_CLIENT, ratePerSec: 20, timeoutMs: Infinity } : defaultParamsOf(kind);
  return { id, label: id, kind, params } as NodeSpec;
}

function edge(source: string, target: string): EdgeSpec {
  return { id: `${source}-->${target}`, source, target, params: INSTANT };
}

function documentOf(nodes: NodeSpec[], edges: EdgeSpec[]): ArchDocument {
  return {
    name: 'instant hops',
    direction: 'LR',
    nodes,
    edges,
    groups: [],
    scenario: [],
    sim: { seed: 7, durationSec: 5, warmupSec: 0 },
  };
}

describe('hops at one instant', () => {
  it('two DNS nodes answering with each other end at the hop limit instead of recursing', () => {
    const doc = documentOf(
      [node('C', 'client'), node('D1', 'dns'), node('D2', 'dns')],
      [edge('C', 'D1'), edge('D1', 'D2'), edge('D2', 'D1')],
    );
    const { totals, events } = runAll(doc);
    expect(totals.requests).toBeGreaterThan(50);
    expect(totals.failed).toBe(totals.requests);
    expect(totals.errorsByCause.rejected).toBe(totals.requests);
    expect(events.filter((e) => e.type === 'depth-limit')).toHaveLength(1);
  });

  it('a chain of 400 load balancers is cut at the hop limit: the node past it sees no traffic', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `L${i}`);
    const doc = documentOf(
      [node('C', 'client'), ...ids.map((id) => node(id, 'lb')), node('S', 'service')],
      [edge('C', 'L0'), ...ids.slice(1).map((id, i) => edge(ids[i] as string, id)), edge('L399', 'S')],
    );
    const { totals, nodes } = runAll(doc);
    expect(totals.failed).toBe(totals.requests);
    // The client sends at depth 1, so the node at depth MAX_CALL_DEPTH + 1 is the first to refuse.
    expect(nodes[`L${MAX_CALL_DEPTH}`]?.arrivals).toBe(totals.requests);
    expect(nodes[`L${MAX_CALL_DEPTH + 1}`]?.arrivals ?? 0).toBe(0);
    expect(nodes['S']?.arrivals ?? 0).toBe(0);
  });

  it('a service calling 450 clients in turn answers every request', () => {
    const sinks = Array.from({ length: 450 }, (_, i) => `K${i}`);
    const doc = documentOf(
      [
        node('C', 'client'),
        node('S', 'service'),
        ...sinks.map(
          (id) => ({ ...node(id, 'client'), params: { ...DEFAULT_CLIENT, ratePerSec: 0 } }) as NodeSpec,
        ),
      ],
      [edge('C', 'S'), ...sinks.map((id) => edge('S', id))],
    );
    const { totals, nodes } = runAll(doc);
    expect(totals.requests).toBeGreaterThan(50);
    expect(totals.ok).toBe(totals.requests - totals.inFlight);
    expect(nodes['K449']?.arrivals).toBe(nodes['S']?.arrivals);
  });
});
