/**
 * The bench's reference loops (bench/) are what the engine's speed is measured against: if one of them
 * simulated something other than M/M/1, every ratio `npm run bench` prints would be meaningless. Each must
 * give M/M/1's mean response time (ρ = 0.8, mean service 1: W = 5, docs/ENGINE-NOTES.md) and serve every
 * request.
 */
import { describe, expect, it } from 'vitest';
import { runFloorMm1 } from '../bench/floor-mm1';
import { runTightMm1 } from '../bench/tight-mm1';

describe('bench reference loops simulate M/M/1', () => {
  it.each([
    ['tight loop', runTightMm1],
    ['engine-shaped floor', runFloorMm1],
  ] as const)('%s: W within 3%% of 5 at ρ = 0.8 over 1 M requests', (_name, run) => {
    const result = run(0.8, 1_000_000, 3);
    expect(result.requests).toBe(1_000_000);
    expect(result.meanResponse).toBeGreaterThan(5 * 0.97);
    expect(result.meanResponse).toBeLessThan(5 * 1.03);
  });
});
