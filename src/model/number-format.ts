/**
 * Numbers as text, for the interface and the reports alike, in one place. Grouped numbers use one
 * cached `Intl.NumberFormat` each: `toLocaleString` makes a new one per call, and the canvas writes a
 * figure for every node and edge on every update (README "Speed"). Decimals are written by `toFixed` and
 * `toPrecision`, which round the number's exact binary value (1.005 → "1.00"); Intl rounds its shortest
 * decimal form (→ "1.01"), so switching would change figures on screen and in reports. Always English
 * ("24,013"), like the rest of the app's text. The interface's named formats (with units) are in
 * src/ui/format.ts.
 */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const GROUPED_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Exactly `digits` decimals, no grouping: "12.40". */
export const formatFixed = (value: number, digits: number): string => value.toFixed(digits);

/** At most `digits` decimals, trailing zeros dropped, no grouping: "12.5", "3", "0.125". */
export const formatTrimmed = (value: number, digits: number): string => String(+value.toFixed(digits));

/** `digits` significant digits, trailing zeros kept: "0.050". */
export const formatPrecision = (value: number, digits: number): string => value.toPrecision(digits);

/** At most `digits` significant digits, trailing zeros dropped: "1.23", "12300". */
export const formatSignificant = (value: number, digits: number): string =>
  String(Number(value.toPrecision(digits)));

/** A whole number with thousands separators: "24,013" (rounded). */
export const formatGrouped = (value: number): string => GROUPED.format(Math.round(value));

/** A number with thousands separators and up to three decimals: "1,234.5". */
export const formatGroupedDecimal = (value: number): string => GROUPED_DECIMAL.format(value);

/** A share as a percentage the way reports and the command line write it, without a space: "99.334%". */
export const formatSharePercent = (share: number, digits: number): string =>
  `${formatFixed(share * 100, digits)}%`;
