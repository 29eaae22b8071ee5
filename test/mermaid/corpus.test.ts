// @vitest-environment jsdom
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { loadMermaid } from '../../src/mermaid/library';
import { documentArbitrary } from './arbitraries';
import { DEFAULT_CLIENT, DEFAULT_EDGE } from '../../src/model/defaults';
import type { ArchDocument } from '../../src/model/types';

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

/** fast-check's counterexample (seed -1878936233): a title "<a", a `="` in a label, an arrow later on. */
const TAG_LIKE_TITLE = {
  name: '<a',
  direction: 'LR',
  nodes: [
    { id: 'constructor', label: 'constructor', kind: 'client', params: DEFAULT_CLIENT },
    { id: 'node', label: '', kind: 'client', params: DEFAULT_CLIENT },
    { id: '__proto__', label: '=', kind: 'client', params: DEFAULT_CLIENT, shape: 'round' },
    { id: 'edge', label: 'a', kind: 'client', params: DEFAULT_CLIENT },
  ],
  edges: [
    { id: 'constructor-->constructor', source: 'constructor', target: 'constructor', params: DEFAULT_EDGE },
  ],
  groups: [],
  scenario: [],
  sim: { seed: 0, durationSec: 1, warmupSec: 0 },
} satisfies ArchDocument;

/** fast-check's counterexample: a label that starts like a mermaid directive. */
const DIRECTIVE_LIKE_LABEL = {
  ...TAG_LIKE_TITLE,
  name: 'a',
  nodes: [{ id: 'Gr63W_', label: '%%{a', kind: 'client', params: DEFAULT_CLIENT }],
  edges: [],
} satisfies ArchDocument;

describe('Mermaid written by toMermaid', () => {
  it('is accepted by mermaid and reads back when a label starts like a directive', async () => {
    const mermaid = await loadMermaid();
    const text = toMermaid(DIRECTIVE_LIKE_LABEL);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    const back = await parseMermaid(text);
    expect(back.ok && back.document.nodes[0]?.label).toBe('%%{a');
  });

  it('is accepted by mermaid and reads back when the title looks like an HTML tag', async () => {
    const mermaid = await loadMermaid();
    const text = toMermaid(TAG_LIKE_TITLE);
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    const back = await parseMermaid(text);
    expect(back.ok && back.document.name).toBe('<a');
  });

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
