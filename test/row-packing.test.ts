/**
 * Packed rows (src/worker/row-packing.ts) must come back as the engine's rows, equal value for value
 * and key for key in the same order, for every kind of figure the gallery's documents produce (caches,
 * queues, replicas, multi-primary peers); the metrics export's cut-down log (run-log.ts) must make the
 * same report rows as the full rows.
 */
import { describe, expect, it } from 'vitest';
import { toReportRow } from '../src/analysis/report';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import { createSimulation } from '../src/sim/engine';
import type { SecondRow } from '../src/sim/results';
import { LOGGED_KEYS } from '../src/ui/export/run-log';
import { countOf, keepKeys, packRows, unpackLast, unpackRow } from '../src/worker/row-packing';

async function rowsOf(id: string, seconds: number): Promise<SecondRow[]> {
  const preset = GALLERY.find((p) => p.id === id);
  if (!preset) throw new Error(`no gallery preset "${id}"`);
  const parsed = await parseMermaid(preset.mermaid);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const sim = createSimulation(parsed.document);
  sim.advance(Math.min(seconds, sim.durationSec));
  return sim.takeRows();
}

describe('packed rows', () => {
  it.each(GALLERY.map((p) => p.id))(
    '%s: unpacked rows equal the engine rows, key order included',
    async (id) => {
      const rows = await rowsOf(id, 40);
      expect(rows.length).toBeGreaterThan(30);
      const packed = packRows(rows);
      // One document keeps one shape: one buffer for the whole batch.
      expect(packed).toHaveLength(1);
      expect(packed[0]?.data.byteLength).toBe((packed[0]?.width ?? 0) * rows.length * 8);
      const back = unpackLast(packed);
      expect(back).toEqual(rows);
      expect(JSON.stringify(back)).toBe(JSON.stringify(rows));
    },
  );

  it('keeps optional figures only where the engine wrote them', async () => {
    const rows = await rowsOf('cache-flush', 20);
    const caches = Object.entries(rows[5]?.nodes ?? {}).filter(([, n]) => n.hitRatio !== undefined);
    expect(caches.length).toBeGreaterThan(0);
    const back = unpackLast(packRows(rows))[5];
    for (const [id, node] of Object.entries(rows[5]?.nodes ?? {}))
      expect(Object.keys(back?.nodes[id] ?? {})).toEqual(Object.keys(node));
  });

  it('starts a new run of rows where the keys change, and unpacks the last N across runs', () => {
    const row = (t: number, total: Record<string, number>) =>
      ({
        t,
        total,
        nodes: { A: { arrivals: t } },
        edges: { 'A-->B': { requests: 1, errors: 0 } },
      }) as unknown as SecondRow;
    const rows = [
      row(0, { ok: 1 }),
      row(1, { ok: 2 }),
      row(2, { ok: 3, divergentKeys: 4 }),
      row(3, { ok: 5, divergentKeys: 0 }),
    ];
    const packed = packRows(rows);
    expect(packed.map((run) => run.count)).toEqual([2, 2]);
    expect(countOf(packed)).toBe(4);
    expect(unpackLast(packed)).toEqual(rows);
    expect(unpackLast(packed, 3)).toEqual(rows.slice(1));
    expect(unpackLast(packed, 1)).toEqual(rows.slice(3));
    expect(unpackRow(packed[1]!, 0)).toEqual(rows[2]);
    expect(packRows([])).toEqual([]);
  });

  it.each(['active-active', 'cache-stampede', 'message-queue', 'stale-queue'])(
    '%s: the export log cut down to its figures makes the same detailed report rows',
    async (id) => {
      const rows = await rowsOf(id, 30);
      const logged = packRows(rows).map((run) => keepKeys(run, LOGGED_KEYS));
      expect(logged[0]?.width).toBeLessThan(packRows(rows)[0]?.width ?? 0);
      expect(unpackLast(logged).map((r) => toReportRow(r, true))).toEqual(
        rows.map((r) => toReportRow(r, true)),
      );
      expect(JSON.stringify(unpackLast(logged).map((r) => toReportRow(r, true)))).toBe(
        JSON.stringify(rows.map((r) => toReportRow(r, true))),
      );
    },
  );
});
