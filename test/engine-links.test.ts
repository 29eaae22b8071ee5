/** What each kind of Mermaid link means to the simulation (README.md, "Links"). */
import { describe, expect, it } from 'vitest';
import { callEdges } from '../src/model/call-edges';
import { DEFAULT_CLIENT, DEFAULT_EDGE, defaultParamsOf } from '../src/model/defaults';
import type { ArchDocument, EdgeSpec, NodeKind, NodeSpec } from '../src/model/types';
import { runAll } from './support/run';

function node(id: string, kind: NodeKind): NodeSpec {
  const params =
    kind === 'client' ? { ...DEFAULT_CLIENT, ratePerSec: 50, timeoutMs: Infinity } : defaultParamsOf(kind);
  return { id, label: id, kind, params } as NodeSpec;
}

function link(source: string, target: string, drawing: Partial<EdgeSpec> = {}): EdgeSpec {
  return { id: `${source}-->${target}`, source, target, params: DEFAULT_EDGE, ...drawing };
}

function documentOf(nodes: NodeSpec[], edges: EdgeSpec[]): ArchDocument {
  return {
    name: 'links',
    direction: 'LR',
    nodes,
    edges,
    groups: [],
    scenario: [],
    sim: { seed: 3, durationSec: 20, warmupSec: 0 },
  };
}

describe('links as calls', () => {
  it('open, circle and cross heads are calls like an arrow', () => {
    const heads = ['none', 'circle', 'cross'] as const;
    const doc = documentOf(
      [node('C', 'client'), node('A', 'service'), ...heads.map((h) => node(h, 'service'))],
      [link('C', 'A'), ...heads.map((head) => link('A', head, { head }))],
    );
    const { totals, nodes } = runAll(doc);
    expect(totals.ok).toBe(totals.requests - totals.inFlight);
    for (const head of heads) expect(nodes[head]?.arrivals).toBe(nodes['A']?.arrivals);
  });

  it('a both-way link is a call each way, but never straight back to the caller', () => {
    // C1 → A <--> B ← C2: A's requests reach B and stop there; B's own requests (from C2) reach A.
    const doc = documentOf(
      [node('C1', 'client'), node('C2', 'client'), node('A', 'service'), node('B', 'service')],
      [link('C1', 'A'), link('A', 'B', { bidirectional: true }), link('C2', 'B')],
    );
    expect(callEdges(doc).map((e) => e.id)).toEqual(['C1-->A', 'A-->B', 'B-->A', 'C2-->B']);
    const { totals, nodes, events } = runAll(doc);
    expect(events.filter((e) => e.type === 'depth-limit')).toEqual([]);
    expect(totals.failed).toBe(0);
    // Every request passes A once and B once, whichever client sent it: A's requests are not sent back
    // from B to A (that would loop until the hop limit), and C2's requests reach A through B.
    const done = totals.requests - totals.inFlight;
    for (const id of ['A', 'B']) {
      expect(nodes[id]?.arrivals).toBeGreaterThanOrEqual(done);
      expect(nodes[id]?.arrivals).toBeLessThanOrEqual(totals.requests);
    }
  });

  it('between two databases a both-way link makes no call back (it is replication)', () => {
    const doc = documentOf(
      [node('C', 'client'), node('D1', 'database'), node('D2', 'database')],
      [link('C', 'D1'), link('D1', 'D2', { bidirectional: true })],
    );
    expect(callEdges(doc).map((e) => e.id)).toEqual(['C-->D1', 'D1-->D2']);
  });

  it('an edge drawn the other way wins over the way back of a both-way link', () => {
    const doc = documentOf(
      [node('A', 'service'), node('B', 'service')],
      [link('A', 'B', { bidirectional: true }), link('B', 'A', { label: 'own' })],
    );
    expect(callEdges(doc).map((e) => [e.id, e.label])).toEqual([
      ['A-->B', undefined],
      ['B-->A', 'own'],
    ]);
  });
});
