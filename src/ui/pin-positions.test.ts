import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import { newNodeOf, withNodeAdded } from '../store/graph-edits';
import { layoutDocument } from './layout';
import { loadDagre } from './layout-engine';
import { withPinnedPositions } from './pin-positions';

const doc = ACTIVE_ACTIVE.document;
const positionsOf = (d: typeof doc) => new Map(layoutDocument(d).nodes.map((n) => [n.id, n.position]));

describe('pinned positions', () => {
  beforeAll(async () => {
    await loadDagre();
  });

  it('keeps every node where it was when a node is added', () => {
    const before = positionsOf(doc);
    const next = withPinnedPositions(doc, withNodeAdded(doc, newNodeOf(doc, 'cache')));
    const after = positionsOf(next);
    for (const node of doc.nodes) {
      const a = after.get(node.id);
      const b = before.get(node.id);
      expect(Math.abs((a?.x ?? NaN) - (b?.x ?? NaN))).toBeLessThan(1);
      expect(Math.abs((a?.y ?? NaN) - (b?.y ?? NaN))).toBeLessThan(1);
    }
    expect(next.nodes.find((n) => n.id === 'Cache1')?.position).toBeUndefined();
  });

  it('lays the new node out where it covers no pinned node', () => {
    const next = withPinnedPositions(doc, withNodeAdded(doc, newNodeOf(doc, 'cache')));
    const laid = layoutDocument(next).nodes.filter((n) => n.type === 'arch' && n.parentId === undefined);
    const cache = laid.find((n) => n.id === 'Cache1');
    for (const other of laid) {
      if (other === cache || !cache) continue;
      const apart =
        Math.abs(other.position.x - cache.position.x) >= 172 ||
        Math.abs(other.position.y - cache.position.y) >= 80;
      expect(apart).toBe(true);
    }
  });

  it('lays out afresh when the direction changes', () => {
    const next = withPinnedPositions(doc, { ...doc, direction: 'TB' });
    expect(next.nodes.every((n) => n.position === undefined)).toBe(true);
  });

  it('lays out afresh when most nodes are new (another diagram pasted over this one)', () => {
    const client = doc.nodes.find((n) => n.kind === 'client');
    if (!client) throw new Error('the preset has a client');
    const others = ['A', 'B', 'C'].map((id) => ({ ...newNodeOf(doc, 'service'), id, label: id }));
    const next = withPinnedPositions(doc, { ...doc, nodes: [client, ...others], edges: [], groups: [] });
    expect(next.nodes.find((n) => n.id === client.id)?.position).toBeUndefined();
  });
});
