import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { documentArbitrary } from './arbitraries';

describe('document → Mermaid → document', () => {
  it('is the identity for random documents', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (doc) => {
        const text = toMermaid(doc);
        const result = await parseMermaid(text);
        if (!result.ok) throw new Error(`${JSON.stringify(result.errors)}\n${text}`);
        expect(result.document).toStrictEqual(doc);
      }),
      { numRuns: 300 },
    );
  });
});
