import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import { validateDocument } from '../src/model/validate';
import { runAll } from './support/run';

describe('preset gallery', () => {
  it.each(GALLERY.map((p) => [p.title, p] as const))(
    '%s imports, validates and shows its headline figure',
    async (_, preset) => {
      const parsed = await parseMermaid(preset.mermaid);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.document.name).toBe(preset.title);
      expect(validateDocument(parsed.document)).toEqual([]);
      expect(preset.lesson.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
      const { totals } = runAll({
        ...parsed.document,
        sim: { ...parsed.document.sim, durationSec: Math.min(parsed.document.sim.durationSec, 130) },
      });
      expect(totals[preset.headline]).toBeGreaterThan(0);
    },
  );

  it('the first is the ready-made default document', async () => {
    const first = GALLERY[0];
    expect(first?.id).toBe(ACTIVE_ACTIVE.id);
    const parsed = await parseMermaid(first?.mermaid ?? '');
    if (!parsed.ok) throw new Error('does not parse');
    const structure = (doc: typeof ACTIVE_ACTIVE.document) => ({
      nodes: doc.nodes.map((n) => [n.id, n.label, n.kind, n.group]),
      edges: doc.edges.map((e) => e.id),
    });
    expect(structure(parsed.document)).toEqual(structure(ACTIVE_ACTIVE.document));
  });

  it('each preset tells its story with its own numbers', async () => {
    const byId = async (id: string) => {
      const parsed = await parseMermaid(GALLERY.find((p) => p.id === id)?.mermaid ?? '');
      if (!parsed.ok) throw new Error(id);
      return runAll(parsed.document);
    };
    // Sync loses nothing, async loses its unreplicated writes: all the lost writes are the Events DB's.
    const replication = await byId('replication');
    expect(replication.totals.writesLost).toBeGreaterThan(5);
    // Sticky sessions are lost with A1; the store keeps B1's users' sessions.
    const sessions = await byId('sessions');
    expect(sessions.totals.sessionsLost).toBeGreaterThan(100);
    expect(sessions.totals.sessionsLost).toBeLessThan(500);
    // Active-passive: promotion happens 10 s after detection.
    const passive = await byId('active-passive');
    const down = passive.events.find((e) => e.type === 'hc-down');
    expect(passive.events.find((e) => e.type === 'promote')?.t).toBeCloseTo((down?.t ?? 0) + 10, 6);
  });
});
