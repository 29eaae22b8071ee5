import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import type { ArchDocument } from '../model/types';
import { layoutDocument } from './layout';
import { canLayOut, loadDagre, loadedDagre, needsDagre } from './layout-engine';
import { withPinnedPositions } from './pin-positions';

const preset = ACTIVE_ACTIVE.document;
/** The preset with every node at a stored position and no groups: drawn without dagre. */
const positioned: ArchDocument = {
  ...preset,
  groups: [],
  nodes: preset.nodes.map(({ group: _group, ...node }, i) => ({
    ...node,
    position: { x: 40 + 220 * i, y: 60 + (i % 2) * 120 },
  })),
};
const positionsOf = (doc: ArchDocument) =>
  layoutDocument(doc).nodes.map((n) => [n.id, n.position.x, n.position.y] as const);

// One file, in order: dagre is not loaded until the test that loads it.
describe('the automatic layout, fetched only when needed', () => {
  it('is needed for a node without a position or a node in a group, not otherwise', () => {
    expect(preset.nodes.some((n) => n.position === undefined)).toBe(true);
    expect(needsDagre(preset)).toBe(true);
    expect(needsDagre(positioned)).toBe(false);
    // The preset's grouped nodes at stored positions, in their groups again.
    const grouped: ArchDocument = {
      ...positioned,
      groups: preset.groups,
      nodes: positioned.nodes.map((n, i) => {
        const group = preset.nodes[i]?.group;
        return group === undefined ? n : { ...n, group };
      }),
    };
    expect(preset.groups.length).toBeGreaterThan(0);
    expect(needsDagre(grouped)).toBe(true);
  });

  it('draws a document from its positions before dagre has loaded, and refuses one that needs it', () => {
    expect(loadedDagre()).toBeNull();
    expect(canLayOut(positioned)).toBe(true);
    expect(positionsOf(positioned)).toEqual(
      positioned.nodes.map((n) => [n.id, n.position?.x, n.position?.y]),
    );
    expect(canLayOut(preset)).toBe(false);
    expect(() => layoutDocument(preset)).toThrow(/automatic layout.*not loaded/);
    // An edit before the canvas could draw the document pins nothing, and loses nothing.
    const next = { ...preset, direction: 'TB' as const };
    expect(withPinnedPositions(preset, next)).toBe(next);
  });

  it('once loaded, lays out the rest and draws positioned documents just as without it', async () => {
    const before = positionsOf(positioned);
    await loadDagre();
    expect(loadedDagre()).not.toBeNull();
    expect(canLayOut(preset)).toBe(true);
    expect(positionsOf(positioned)).toEqual(before);
    const laid = layoutDocument(preset).nodes.filter((n) => n.type === 'arch');
    expect(laid.map((n) => n.id).sort()).toEqual(preset.nodes.map((n) => n.id).sort());
    // Left to right: the client is laid out left of the load balancer.
    const x = (id: string) => laid.find((n) => n.id === id)?.position.x ?? NaN;
    expect(x(preset.nodes[0]!.id)).toBeLessThan(x(preset.nodes[1]!.id));
  });
});
