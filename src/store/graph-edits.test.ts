import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import { validateDocument } from '../model/validate';
import {
  newNodeOf,
  withEdgeAdded,
  withEdgesRemoved,
  withNodeAdded,
  withNodeLabel,
  withNodePositions,
  withNodesRemoved,
} from './graph-edits';

const doc = ACTIVE_ACTIVE.document;

describe('graph edits', () => {
  it('adds a node of a kind with default parameters and a fresh id', () => {
    const node = newNodeOf(doc, 'cache', { x: 10, y: 20 });
    expect(node).toMatchObject({ id: 'Cache1', label: 'Cache 1', kind: 'cache', position: { x: 10, y: 20 } });
    const next = withNodeAdded(doc, node);
    expect(newNodeOf(next, 'cache').id).toBe('Cache2');
    expect(validateDocument(next)).toEqual([]);
  });

  it('removes a node with its edges and the scenario steps that name it', () => {
    const withStep = { ...doc, scenario: [{ atSec: 5, action: 'fail' as const, target: 'Server1' }] };
    const next = withNodesRemoved(withStep, ['Server1']);
    expect(next.nodes.map((n) => n.id)).not.toContain('Server1');
    expect(next.edges.some((e) => e.source === 'Server1' || e.target === 'Server1')).toBe(false);
    expect(next.scenario).toEqual([]);
    expect(validateDocument(next)).toEqual([]);
  });

  it('connects two nodes once, never a node to itself, and removes edges by id', () => {
    const next = withEdgeAdded(doc, 'Client', 'DB');
    expect(next.edges.at(-1)?.id).toBe('Client-->DB');
    expect(withEdgeAdded(next, 'Client', 'DB')).toBe(next);
    expect(withEdgeAdded(doc, 'DB', 'DB')).toBe(doc);
    expect(withEdgesRemoved(next, ['Client-->DB']).edges).toEqual(doc.edges);
  });

  it('renames and moves without touching anything else', () => {
    const renamed = withNodeLabel(doc, 'DB', 'Orders DB');
    expect(renamed.nodes.find((n) => n.id === 'DB')?.label).toBe('Orders DB');
    const moved = withNodePositions(renamed, new Map([['DB', { x: 1, y: 2 }]]));
    expect(moved.nodes.find((n) => n.id === 'DB')?.position).toEqual({ x: 1, y: 2 });
    expect(moved.nodes.filter((n) => n.id !== 'DB')).toEqual(renamed.nodes.filter((n) => n.id !== 'DB'));
  });
});
