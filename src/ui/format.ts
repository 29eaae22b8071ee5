/** Number formats of the interface: always finite, always with a unit. */

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

/** "63.2 s" */
export const formatSec = (sec: number, digits = 1): string => `${finite(sec).toFixed(digits)} s`;

/** The simulated clock: "t = 63.2 s". */
export const formatClock = (sec: number): string => `t = ${formatSec(sec)}`;

/** Requests per second without unit (the label carries it): "201.0". */
export const formatRate = (perSec: number): string => finite(perSec).toFixed(1);

/** "12.4 ms", or "1.24 s" above a second. */
export const formatMs = (ms: number): string => {
  const v = finite(ms);
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
};

/** A share as a percentage: 0.253 → "25.3 %". */
export const formatShare = (share: number, digits = 1): string =>
  `${(finite(share) * 100).toFixed(digits)} %`;

/**
 * One formatter for every count: `toLocaleString` builds a new one on each call, and the canvas formats
 * a count for every node and edge on every update (README "Speed").
 */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: "24,013". */
export const formatCount = (n: number): string => COUNT_FORMAT.format(Math.round(finite(n)));

/** a / b as a percentage, 0 when b is 0 (charts never show NaN). */
export const percentOf = (a: number, b: number): number =>
  b > 0 && Number.isFinite(a / b) ? (a / b) * 100 : 0;

/** A per-second count for the canvas: "407 req/s". */
export const formatPerSec = (perSec: number, unit = 'req/s'): string => `${formatCount(perSec)} ${unit}`;
