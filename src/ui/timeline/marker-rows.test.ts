import { describe, expect, it } from 'vitest';
import { MARKER_ROWS, MARKER_SEC_PER_CHAR, layoutMarkers, markerRowsUsed } from './marker-rows';

const marker = (t: number, text: string) => ({ t, text, colour: '#000' });

/** Whether two laid-out labels in the same row would be drawn over each other. */
const overlap = (a: { t: number; text: string }, b: { t: number }) =>
  b.t < a.t + a.text.length * MARKER_SEC_PER_CHAR && b.t >= a.t;

describe('chart marker labels', () => {
  it('give a failover and its recovery four labels that do not overlap', () => {
    const laid = layoutMarkers([
      marker(26, 'Server 1 failed'),
      marker(30, 'Server 1 marked down'),
      marker(53, 'Server 1 recovered'),
      marker(56, 'Server 1 marked up'),
    ]);
    expect(laid.every((m) => m.labelled)).toBe(true);
    for (const a of laid)
      for (const b of laid) if (a !== b && a.row === b.row) expect(overlap(a, b)).toBe(false);
  });

  it('let a short label share a row with one that ended before it', () => {
    const [first, second] = layoutMarkers([marker(0, 'a'), marker(10, 'b')]);
    expect(first?.row).toBe(0);
    expect(second?.row).toBe(0);
  });

  it('drop the label, not the line, when every row is taken', () => {
    const many = Array.from({ length: MARKER_ROWS + 1 }, (_, i) => marker(i, `Server ${i} failed`));
    const laid = layoutMarkers(many);
    expect(laid.filter((m) => m.labelled)).toHaveLength(MARKER_ROWS);
    expect(laid).toHaveLength(MARKER_ROWS + 1);
  });

  it('leave out a repeat of a label still close by', () => {
    const laid = layoutMarkers([marker(0, 'Client load'), marker(5, 'Client load')]);
    expect(laid.map((m) => m.labelled)).toEqual([true, false]);
  });
});

describe('the band of label rows above a chart', () => {
  it('is as many rows as the labels take, and none without labels', () => {
    expect(markerRowsUsed([])).toBe(0);
    expect(markerRowsUsed(layoutMarkers([marker(0, 'Server 1 failed')]))).toBe(1);
    const failover = layoutMarkers([
      marker(26, 'Server 1 failed'),
      marker(30, 'Server 1 marked down'),
      marker(53, 'Server 1 recovered'),
      marker(56, 'Server 1 marked up'),
    ]);
    expect(markerRowsUsed(failover)).toBe(Math.max(...failover.map((m) => m.row)) + 1);
    expect(markerRowsUsed(failover)).toBeGreaterThan(1);
  });

  it('does not count a line whose label was left out', () => {
    expect(markerRowsUsed([{ row: 3, labelled: false }, { row: 0 }])).toBe(1);
  });
});
