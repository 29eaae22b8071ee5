import { describe, expect, it } from 'vitest';
import { variantsOf } from '../src/analysis/twin';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import type { ArchDocument } from '../src/model/types';
import { runAll, sumOver } from './support/run';

/**
 * The metastable-failure presets (README "Metastable failures"): each runs healthy before its trigger,
 * stays down (or, for the stale queue, far below its offered load) well after the trigger is gone, and
 * recovers with the mitigation its gallery entry names, applied as twin-run B in one click.
 */
const METASTABLE = GALLERY.filter((preset) => preset.mitigation !== undefined);

async function documentOf(mermaid: string): Promise<ArchDocument> {
  const parsed = await parseMermaid(mermaid);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.document;
}

const goodput = (doc: ArchDocument, from: number, to: number) =>
  sumOver(runAll(doc).rows, from, to, (row) => row.total.ok) / (to - from);

describe('metastable-failure presets', () => {
  it('there are six, each with a mitigation offered among its twin-run variants', () => {
    expect(METASTABLE.map((p) => p.id)).toEqual([
      'retry-storm',
      'cache-flush',
      'cache-stampede',
      'death-spiral',
      'pool-exhaustion',
      'stale-queue',
    ]);
  });

  it.each(METASTABLE.map((p) => [p.title, p] as const))(
    '%s: healthy before the trigger, collapsed long after it, recovered with the mitigation',
    async (_, preset) => {
      const doc = await documentOf(preset.mermaid);
      const runA = runAll(doc);
      const before = sumOver(runA.rows, 20, 30, (row) => row.total.ok) / 10;
      const offered = sumOver(runA.rows, 20, 30, (row) => row.total.requests) / 10;
      expect(before).toBeGreaterThan(0.9 * offered);
      // Well after every trigger step (the last is at 45 s at most), goodput has not come back.
      const lastTriggerSec = Math.max(...doc.scenario.map((step) => step.atSec));
      const after = sumOver(runA.rows, lastTriggerSec + 15, lastTriggerSec + 35, (row) => row.total.ok) / 20;
      expect(after).toBeLessThan(0.3 * offered);
      const variant = variantsOf(doc).find((v) => v.id === preset.mitigation);
      expect(variant, `variant ${preset.mitigation}`).toBeDefined();
      const b = variant!.apply(doc);
      expect(goodput(b, 100, 120)).toBeGreaterThan(0.85 * offered);
    },
  );
});
