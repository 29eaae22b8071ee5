import { describe, expect, it } from 'vitest';
import { afterTriggerOf } from '../src/analysis/after-trigger';
import { mitigationOf } from '../src/analysis/mitigation';
import { runReport, type ReportRow } from '../src/analysis/report';
import { parseMermaid } from '../src/mermaid';
import { LESSONS } from '../src/model/lessons';
import { GALLERY } from '../src/model/preset-gallery';
import type { ArchDocument, ClientParams, NodeSpec } from '../src/model/types';

/**
 * The one-click mitigation of twin runs (README "Metastable failures"): which variant a metastable preset
 * or its lesson offers as B, and the figures after the trigger that tell whether it helped.
 */
async function documentOf(mermaid: string): Promise<ArchDocument> {
  const parsed = await parseMermaid(mermaid);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.document;
}

const METASTABLE = GALLERY.filter((p) => p.mitigation !== undefined);

describe('mitigationOf', () => {
  it.each(METASTABLE.map((p) => [p.id, p] as const))(
    'the %s preset offers the variant its gallery entry names',
    async (_, preset) => {
      const found = mitigationOf(await documentOf(preset.mermaid));
      expect(found?.preset.id).toBe(preset.id);
      expect(found?.variant.id).toBe(preset.mitigation);
    },
  );

  it.each(LESSONS.filter((l) => l.topic === 'metastable').map((l) => [l.id, l] as const))(
    'the %s lesson offers its preset’s mitigation',
    async (id, lesson) => {
      const found = mitigationOf(await documentOf(lesson.mermaid));
      expect(found?.preset.id).toBe(id);
      expect(found?.variant.id).toBe(found?.preset.mitigation);
    },
  );

  it('every lesson on metastable failures is one of the six presets', () => {
    const ids = LESSONS.filter((l) => l.topic === 'metastable').map((l) => l.id);
    expect([...ids].sort()).toEqual(METASTABLE.map((p) => p.id).sort());
  });

  it('other presets offer none', async () => {
    for (const preset of GALLERY.filter((p) => p.mitigation === undefined))
      expect(mitigationOf(await documentOf(preset.mermaid)), preset.id).toBeNull();
  });

  it('a renamed preset is no longer the preset, and a mitigation already applied is not offered', async () => {
    const storm = await documentOf(METASTABLE[0]!.mermaid);
    expect(mitigationOf({ ...storm, name: 'My own retry storm' })).toBeNull();
    const budgeted: ArchDocument = {
      ...storm,
      nodes: storm.nodes.map((n) =>
        n.kind === 'client'
          ? ({ ...n, params: { ...n.params, retryBudget: 0.2 } as ClientParams } as NodeSpec)
          : n,
      ),
    };
    expect(mitigationOf(budgeted)).toBeNull();
  });
});

/** A row of a report's series with only the figures the after-trigger account reads. */
const row = (t: number, requests: number, ok: number, failed: number) =>
  ({ t, requests, ok, failed }) as unknown as ReportRow;

describe('afterTriggerOf', () => {
  it('counts failures from the last step’s second on, and goodput over the run’s last 20 s', () => {
    const series = Array.from({ length: 100 }, (_, t) => row(t, 10, t < 50 ? 0 : 10, t < 50 ? 10 : 0));
    const after = afterTriggerOf(
      [
        { atSec: 30, action: 'fail', target: 'S1' },
        { atSec: 45.5, action: 'recover', target: 'S1' },
      ],
      series,
      100,
    );
    // Seconds 45..49 failed 10 each; the tail, seconds 80..99, all succeeded.
    expect(after).toEqual({ fromSec: 45.5, failed: 50, tailSec: 20, goodputRps: 10, offeredRps: 10 });
  });

  it('reads a shorter tail when the scenario ends less than 20 s before the run, and nothing without a step', () => {
    const series = Array.from({ length: 60 }, (_, t) => row(t, 4, t - 50, 1));
    expect(afterTriggerOf([{ atSec: 50, action: 'flush', target: 'C' }], series, 60)).toMatchObject({
      failed: 10,
      tailSec: 10,
      goodputRps: 4.5,
    });
    expect(afterTriggerOf([], series, 60)).toBeNull();
    expect(afterTriggerOf([{ atSec: 70, action: 'flush', target: 'C' }], series, 60)).toBeNull();
  });

  it('on a real run: the failures before and after the last step add up to the run’s', async () => {
    const doc = await documentOf(METASTABLE[0]!.mermaid);
    const report = runReport(doc);
    const after = afterTriggerOf(doc.scenario, report.series, report.duration_s);
    const before = report.series.filter((r) => r.t < 45).reduce((sum, r) => sum + r.failed, 0);
    expect(after?.fromSec).toBe(45);
    expect(before + (after?.failed ?? 0)).toBe(report.totals.failed);
  });
});
