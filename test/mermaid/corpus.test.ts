// @vitest-environment jsdom
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { loadMermaid } from '../../src/mermaid/library';
import { documentArbitrary } from './arbitraries';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.mmd'))
  .sort();

describe('the Mermaid corpus', () => {
  it('holds at least 25 real-world flowcharts', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');

    it('is valid for mermaid itself and imports without error', async () => {
      const mermaid = await loadMermaid();
      await expect(mermaid.parse(text)).resolves.toBeTruthy();
      const result = await parseMermaid(text);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('is stable through Mermaid → document → Mermaid → document, and the export is valid Mermaid', async () => {
      const first = await parseMermaid(text);
      if (!first.ok) throw new Error(JSON.stringify(first.errors));
      const exported = toMermaid(first.document);
      const mermaid = await loadMermaid();
      await expect(mermaid.parse(exported)).resolves.toBeTruthy();
      const second = await parseMermaid(exported);
      if (!second.ok) throw new Error(`${JSON.stringify(second.errors)}\n${exported}`);
      expect(second.document).toStrictEqual(first.document);
      expect(toMermaid(second.document)).toBe(exported);
    });
  });
});

describe('Mermaid written by toMermaid', () => {
  it('is accepted by mermaid itself for random documents', async () => {
    const mermaid = await loadMermaid();
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (doc) => {
        await expect(mermaid.parse(toMermaid(doc))).resolves.toBeTruthy();
      }),
      { numRuns: 60 },
    );
  });
});
