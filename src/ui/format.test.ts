import { describe, expect, it } from 'vitest';
import {
  formatAgeMs,
  formatAvailability,
  formatAxisTick,
  formatClock,
  formatCount,
  formatFactor,
  formatMoney,
  formatMs,
  formatPercent,
  formatPerSec,
  formatRate,
  formatShare,
  formatSpanMs,
} from './format';

describe('y-axis ticks', () => {
  it('write thousands short enough for the axis: seconds for milliseconds, k for the rest', () => {
    expect(formatAxisTick(750, 'ms')).toBe('750\u00a0ms');
    expect(formatAxisTick(1500, 'ms')).toBe('1.5\u00a0s');
    expect(formatAxisTick(2000, 'ms')).toBe('2\u00a0s');
    expect(formatAxisTick(1500, '/s')).toBe('1.5k\u00a0/s');
    expect(formatAxisTick(6000, '/s')).toBe('6k\u00a0/s');
    expect(formatAxisTick(1150, '/s')).toBe('1.2k\u00a0/s');
    expect(formatAxisTick(45, '%')).toBe('45\u00a0%');
    // Number and unit stay on one line.
    expect(formatAxisTick(800, 'ms')).not.toMatch(/ /);
  });
});

describe('the interface writes figures with their units', () => {
  it('times, rates and shares, and never NaN or Infinity', () => {
    expect(formatClock(63.24)).toBe('t = 63.2 s');
    expect(formatRate(201)).toBe('201.0');
    expect(formatMs(12.44)).toBe('12.4 ms');
    expect(formatMs(1240)).toBe('1.24 s');
    expect(formatMs(NaN)).toBe('0.0 ms');
    expect(formatShare(0.253)).toBe('25.3 %');
    expect(formatPercent(Infinity)).toBe('0.0 %');
    expect(formatAvailability(0.99334)).toBe('99.334 %');
    expect(formatMoney(0.925)).toBe('$0.93');
    expect(formatFactor(1.25)).toBe('×1.25');
  });

  it('counts with thousands separators, rounded', () => {
    expect(formatCount(24_013.4)).toBe('24,013');
    expect(formatCount(-Infinity)).toBe('0');
    expect(formatPerSec(407.2)).toBe('407 req/s');
    expect(formatPerSec(1500, 'msg/s')).toBe('1,500 msg/s');
  });

  it('ages and configured durations as the canvas writes them', () => {
    expect(formatAgeMs(12.4)).toBe('12 ms');
    expect(formatAgeMs(12.5)).toBe('13 ms');
    expect(formatAgeMs(1500)).toBe('1.5 s');
    expect(formatAgeMs(-1)).toBe('0 s');
    expect(formatSpanMs(30_000)).toBe('30 s');
    expect(formatSpanMs(1500)).toBe('1.5 s');
    expect(formatSpanMs(250)).toBe('250 ms');
  });
});
