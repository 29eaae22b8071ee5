import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../../src/model/presets';
import { documentFromJson, documentToJson } from '../../src/share/document-json';
import { documentArbitrary } from '../mermaid/arbitraries';

describe('document JSON', () => {
  it('round-trips random documents exactly, Infinity as "inf", keys sorted', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        const json = documentToJson(doc);
        expect(json).not.toContain('Infinity');
        const back = documentFromJson(json);
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.document).toStrictEqual(doc);
        expect(documentToJson(back.document)).toBe(json);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the preset canonically', () => {
    const json = documentToJson(ACTIVE_ACTIVE.document);
    expect(json.indexOf('"classDefs"')).toBeLessThan(json.indexOf('"direction"'));
    expect(JSON.parse(json).nodes[4].params.queueCapacity).toBe(1000);
  });

  it('refuses unknown keys, __proto__, wrong types and bad JSON with a position', () => {
    const good = JSON.parse(documentToJson(ACTIVE_ACTIVE.document));
    const withProto = JSON.stringify(good).replace('"name":', '"__proto__":{"polluted":true},"name":');
    const check = (text: string) => {
      const result = documentFromJson(text);
      return result.ok ? [] : result.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
    };
    expect(check(withProto)).toEqual(['1:1 classDefs.0: unknown key "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(check(JSON.stringify({ ...good, extra: 1 }))).toEqual(['1:1 document: unknown key "extra"']);
    expect(check(JSON.stringify({ ...good, direction: 'XY' }))).toEqual([
      '1:1 direction: expected one of LR, RL, TB, BT',
    ]);
    expect(check('{\n  "name": "x",\n  oops\n}')[0]).toMatch(/^3:3 invalid JSON/);
    const badInf = JSON.stringify(good).replace('"queueCapacity":1000', '"queueCapacity":"infinity"');
    expect(check(badInf)).toEqual(['1:1 nodes.DB.params.queueCapacity: expected a number or "inf"']);
  });
});
