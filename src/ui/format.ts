import { formatFixed, formatGrouped } from '../model/number-format';

/**
 * Number formats of the interface, all in this file: always finite, always with a unit. They write
 * numbers through src/model/number-format.ts (cached grouped formats), which the reports share.
 */

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

/** "63.2 s" */
export const formatSec = (sec: number, digits = 1): string => `${formatFixed(finite(sec), digits)} s`;

/** The simulated clock: "t = 63.2 s". */
export const formatClock = (sec: number): string => `t = ${formatSec(sec)}`;

/** Requests per second without unit (the label carries it): "201.0". */
export const formatRate = (perSec: number): string => formatFixed(finite(perSec), 1);

/** "12.4 ms", or "1.24 s" above a second. */
export const formatMs = (ms: number): string => {
  const v = finite(ms);
  return v >= 1000 ? `${formatFixed(v / 1000, 2)} s` : `${formatFixed(v, 1)} ms`;
};

/** A percentage: 25.3 → "25.3 %". */
export const formatPercent = (percent: number, digits = 1): string =>
  `${formatFixed(finite(percent), digits)} %`;

/** A share as a percentage: 0.253 → "25.3 %". */
export const formatShare = (share: number, digits = 1): string => formatPercent(finite(share) * 100, digits);

/** A count with thousands separators: "24,013". */
export const formatCount = (n: number): string => formatGrouped(finite(n));

/** a / b as a percentage, 0 when b is 0 (charts never show NaN). */
export const percentOf = (a: number, b: number): number =>
  b > 0 && Number.isFinite(a / b) ? (a / b) * 100 : 0;

/** A per-second count for the canvas: "407 req/s". */
export const formatPerSec = (perSec: number, unit = 'req/s'): string => `${formatCount(perSec)} ${unit}`;

/** A multiple: "×1.25". */
export const formatFactor = (factor: number): string => `×${formatFixed(finite(factor), 2)}`;

/** "$0.93" */
export const formatMoney = (amount: number): string => `$${formatFixed(finite(amount), 2)}`;

/** An availability with enough digits to tell 99.3% from 99.9%: "99.334 %". */
export const formatAvailability = (share: number): string => formatShare(share, 3);

/** An age or wait, as the canvas writes it: "12 ms", "1.5 s" (0 or less, or unknown: "0 s"). */
export function formatAgeMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  return ms < 1000 ? `${formatFixed(ms, 0)} ms` : `${formatFixed(ms / 1000, 1)} s`;
}

/** A configured duration: "30 s", "1.5 s", "250 ms". */
export function formatSpanMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : formatAgeMs(ms);
}

/**
 * A y-axis tick that fits the axis' 52 px: thousands of milliseconds as seconds, other thousands as `k`
 * ("1.5k /s"), so a tick never wraps onto two lines.
 */
export function formatAxisTick(value: number, unit: string): string {
  // A no-break space: recharts breaks tick text onto lines at ordinary spaces.
  if (Math.abs(value) < 1000) return `${value}\u00a0${unit}`;
  // Rounded as Math.round rounds (1150 → 1.2), not as toFixed does on the binary 1.15 (→ 1.1).
  const thousands = Math.round(value / 100) / 10;
  return unit === 'ms' ? `${thousands}\u00a0s` : `${thousands}k\u00a0${unit}`;
}

export {
  formatFixed,
  formatGroupedDecimal,
  formatPrecision,
  formatSignificant,
  formatTrimmed,
} from '../model/number-format';
