import { describe, expect, it } from 'vitest';
import { formatGrouped, formatGroupedDecimal, formatTrimmed } from '../src/model/number-format';

/**
 * The cached grouped formats write what `toLocaleString('en-US')` wrote per call, so that no figure on
 * screen or in a report changes: checked on values of every size and sign and many seeded random ones.
 */
function values(): number[] {
  const chosen = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.125,
    1.005,
    12.25,
    999.95,
    1e-7,
    0.1 + 0.2,
    123456.789,
  ];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const random: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const v = next() * 10 ** Math.floor(next() * 12 - 5);
    random.push(i % 7 === 0 ? -v : v, Math.round(v * 1000) / 1000);
  }
  return [...chosen, ...random, 1e15, 2 ** 53];
}

describe('numbers as text', () => {
  const all = values();

  it("formatGrouped is Math.round(v).toLocaleString('en-US')", () => {
    for (const v of all) expect(formatGrouped(v), String(v)).toBe(Math.round(v).toLocaleString('en-US'));
    expect(formatGrouped(24_013.4)).toBe('24,013');
    expect(formatGrouped(1_234_567.5)).toBe('1,234,568');
  });

  it("formatGroupedDecimal is toLocaleString('en-US')", () => {
    for (const v of all) expect(formatGroupedDecimal(v), String(v)).toBe(v.toLocaleString('en-US'));
    expect(formatGroupedDecimal(1234.5)).toBe('1,234.5');
  });

  it('formatTrimmed drops trailing zeros and the float noise of a multiplication', () => {
    expect(formatTrimmed(0.1 * 3 * 100, 2)).toBe('30');
    expect(formatTrimmed(12.5, 2)).toBe('12.5');
    expect(formatTrimmed(0.12345, 3)).toBe('0.123');
  });
});
