import { describe, expect, it } from 'vitest';
import { formatAxisTick } from './chart-data';

describe('y-axis ticks', () => {
  it('write thousands short enough for the axis: seconds for milliseconds, k for the rest', () => {
    expect(formatAxisTick(750, 'ms')).toBe('750\u00a0ms');
    expect(formatAxisTick(1500, 'ms')).toBe('1.5\u00a0s');
    expect(formatAxisTick(2000, 'ms')).toBe('2\u00a0s');
    expect(formatAxisTick(1500, '/s')).toBe('1.5k\u00a0/s');
    expect(formatAxisTick(6000, '/s')).toBe('6k\u00a0/s');
    expect(formatAxisTick(45, '%')).toBe('45\u00a0%');
    // Number and unit stay on one line.
    expect(formatAxisTick(800, 'ms')).not.toMatch(/ /);
  });
});
