/**
 * Golden reports: fixed documents run with fixed seeds must give exactly the report committed in
 * test/golden/, every number bit for bit (JSON writes each double as its shortest round-trip form, so
 * equal text means equal bits). This pins the engine's determinism across refactors and speed work: a
 * change to the hot path that reorders events, draws a random number more or less, or rounds differently
 * fails here even when every statistical test still passes.
 *
 * A deliberate change of behaviour updates the files: `GOLDEN_UPDATE=1 npx vitest run
 * test/golden-report.test.ts`, and the commit says why the numbers moved.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/analysis/report';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import type { ArchDocument } from '../src/model/types';
import { clientToService, retriesAndTimeouts } from './support/documents';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env['GOLDEN_UPDATE'] === '1';

/** The report as text: one line per series row, so a difference points at the second it starts in. */
function reportText(doc: ArchDocument, seed: number): string {
  const report = runReport(doc, { seed });
  // Infinity and NaN have no JSON form; spelled out they still compare exactly.
  const json = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    );
  const { series, ...rest } = report;
  return [json(rest), ...series.map((row) => json(row))].join('\n') + '\n';
}

async function galleryDocument(id: string): Promise<ArchDocument> {
  const preset = GALLERY.find((p) => p.id === id);
  if (!preset) throw new Error(`no gallery preset "${id}"`);
  const parsed = await parseMermaid(preset.mermaid);
  if (!parsed.ok) throw new Error(`${id} does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.document;
}

const CASES: readonly { name: string; seed: number; doc: () => ArchDocument | Promise<ArchDocument> }[] = [
  {
    name: 'mm1',
    seed: 11,
    doc: () =>
      clientToService({
        ratePerSec: 800,
        workers: 1,
        service: { type: 'exp', meanMs: 1 },
        durationSec: 120,
        seed: 1,
      }),
  },
  ...GALLERY.map((preset) => ({ name: preset.id, seed: 42, doc: () => galleryDocument(preset.id) })),
  { name: 'retries-timeouts', seed: 7, doc: retriesAndTimeouts },
];

describe('golden reports (determinism bit for bit)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s gives the committed report', async (name, c) => {
    const text = reportText(await c.doc(), c.seed);
    const file = join(GOLDEN_DIR, `${name}.jsonl`);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing (GOLDEN_UPDATE=1 writes it)`).toBe(true);
    const golden = readFileSync(file, 'utf8').split('\n');
    const lines = text.split('\n');
    // Line by line, so a failure names the first row that moved rather than printing megabytes.
    for (let i = 0; i < Math.max(lines.length, golden.length); i++) {
      if (lines[i] !== golden[i]) expect(`line ${i + 1}: ${lines[i]}`).toBe(`line ${i + 1}: ${golden[i]}`);
    }
  });

  it('the runs behind the golden files are not trivial', async () => {
    // Guards the golden files against pinning an empty or broken run.
    const doc = retriesAndTimeouts();
    const report = runReport(doc, { seed: 7 });
    expect(report.totals.requests).toBeGreaterThan(20_000);
    expect(report.totals.attempts).toBeGreaterThan(report.totals.requests);
    expect(report.totals.errors_by_cause['timeout']).toBeGreaterThan(0);
    expect(report.events.map((e) => e.type)).toContain('breaker-open');
  });
});
