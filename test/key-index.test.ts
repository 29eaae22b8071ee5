import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex, NO_SLOT } from '../src/sim/key-index';

/** The keyed cache's key → slot map (src/sim/key-index.ts) against a Map as the oracle. */
describe('key index', () => {
  it('agrees with a Map over any sequence of sets, deletes and lookups, through growth and wrap-around', () => {
    const op = fc.record({
      kind: fc.constantFrom('set', 'delete', 'get'),
      // A narrow key range makes collisions, and probe runs that wrap past the end, frequent.
      key: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 10_000_000 })),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const index = new KeyIndex();
        const oracle = new Map<number, number>();
        ops.forEach(({ kind, key }, n) => {
          if (kind === 'set' && !oracle.has(key)) {
            index.set(key, n);
            oracle.set(key, n);
          } else if (kind === 'delete' && oracle.has(key)) {
            index.delete(key);
            oracle.delete(key);
          }
          expect(index.get(key)).toBe(oracle.get(key) ?? NO_SLOT);
        });
        expect(index.size).toBe(oracle.size);
        for (const [key, slot] of oracle) expect(index.get(key)).toBe(slot);
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('holds 100,000 keys in a table of at most 4 places per key, and clear gives the memory back', () => {
    const index = new KeyIndex();
    for (let k = 0; k < 100_000; k++) index.set(k * 97, k);
    for (let k = 0; k < 100_000; k += 2) index.delete(k * 97);
    for (let k = 0; k < 100_000; k++) expect(index.get(k * 97)).toBe(k % 2 === 0 ? NO_SLOT : k);
    expect(index.bytes).toBeLessThanOrEqual(100_000 * 4 * 8);
    const small = new KeyIndex().bytes;
    index.clear();
    expect(index.bytes).toBe(small);
    expect(index.get(97)).toBe(NO_SLOT);
  });
});
