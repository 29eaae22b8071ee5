/**
 * Log-bucket latency histograms (DESIGN.md §4). A value's bucket is its binary exponent plus the top six
 * bits of its mantissa, read straight from the IEEE-754 bits: 64 buckets per power of two, so a bucket's
 * midpoint is within 0.8% of any value in it. Values are milliseconds from 2^-10 (about 1 µs) to 2^24
 * (about 4.6 hours); values outside are clamped into the end buckets.
 */
const MIN_EXPONENT = -10;
const MAX_EXPONENT = 24;
const SUB_BITS = 6;
export const BUCKET_COUNT = (MAX_EXPONENT - MIN_EXPONENT) << SUB_BITS;
const FIRST_KEY = (1023 + MIN_EXPONENT) << SUB_BITS;

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
// Index of the high word of the double in `words`, which depends on the platform's byte order.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bucket of a value in milliseconds. */
export function bucketOf(valueMs: number): number {
  float[0] = valueMs;
  const key = ((words[HIGH] as number) >>> (20 - SUB_BITS)) - FIRST_KEY;
  return key < 0 ? 0 : key >= BUCKET_COUNT ? BUCKET_COUNT - 1 : key;
}

/** The value a bucket stands for: the midpoint of its range. */
export function bucketValue(bucket: number): number {
  const exponent = (bucket >> SUB_BITS) + MIN_EXPONENT;
  const sub = bucket & ((1 << SUB_BITS) - 1);
  return Math.pow(2, exponent) * (1 + (sub + 0.5) / (1 << SUB_BITS));
}

/**
 * Many histograms in one typed array (one per node, say), each with its own count, sum and the range of
 * buckets touched since the last clear, so clearing and reading cost only what was used.
 */
export class HistogramSet {
  readonly counts: Float64Array;
  readonly totals: Float64Array;
  readonly sums: Float64Array;
  private readonly low: Int32Array;
  private readonly high: Int32Array;

  constructor(readonly size: number) {
    this.counts = new Float64Array(size * BUCKET_COUNT);
    this.totals = new Float64Array(size);
    this.sums = new Float64Array(size);
    this.low = new Int32Array(size).fill(BUCKET_COUNT);
    this.high = new Int32Array(size).fill(-1);
  }

  record(which: number, valueMs: number): void {
    const bucket = bucketOf(valueMs);
    const counts = this.counts;
    counts[which * BUCKET_COUNT + bucket] = (counts[which * BUCKET_COUNT + bucket] as number) + 1;
    this.totals[which] = (this.totals[which] as number) + 1;
    this.sums[which] = (this.sums[which] as number) + valueMs;
    if (bucket < (this.low[which] as number)) this.low[which] = bucket;
    if (bucket > (this.high[which] as number)) this.high[which] = bucket;
  }

  count(which: number): number {
    return this.totals[which] as number;
  }

  /** Mean of the recorded values (exact, from the running sum); 0 when empty. */
  mean(which: number): number {
    const n = this.totals[which] as number;
    return n > 0 ? (this.sums[which] as number) / n : 0;
  }

  /** The q-quantile (0 < q ≤ 1) as a bucket midpoint; 0 when empty. */
  quantile(which: number, q: number): number {
    const n = this.totals[which] as number;
    if (n === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * n));
    const base = which * BUCKET_COUNT;
    let seen = 0;
    const high = this.high[which] as number;
    for (let b = this.low[which] as number; b <= high; b++) {
      seen += this.counts[base + b] as number;
      if (seen >= rank) return bucketValue(b);
    }
    return bucketValue(high);
  }

  /**
   * The p50, p95 and p99 of histogram `which` in one pass over its buckets (each exactly what
   * {@link quantile} gives): rows of every node are summarised each simulated second.
   */
  summaryQuantiles(which: number): { p50: number; p95: number; p99: number } {
    const n = this.totals[which] as number;
    if (n === 0) return { p50: 0, p95: 0, p99: 0 };
    const r50 = Math.max(1, Math.ceil(0.5 * n));
    const r95 = Math.max(1, Math.ceil(0.95 * n));
    const r99 = Math.max(1, Math.ceil(0.99 * n));
    const base = which * BUCKET_COUNT;
    const high = this.high[which] as number;
    let p50 = -1;
    let p95 = -1;
    let seen = 0;
    for (let b = this.low[which] as number; b <= high; b++) {
      seen += this.counts[base + b] as number;
      if (seen < r50) continue;
      if (p50 < 0) p50 = b;
      if (seen < r95) continue;
      if (p95 < 0) p95 = b;
      if (seen >= r99) return { p50: bucketValue(p50), p95: bucketValue(p95), p99: bucketValue(b) };
    }
    return {
      p50: bucketValue(p50 < 0 ? high : p50),
      p95: bucketValue(p95 < 0 ? high : p95),
      p99: bucketValue(high),
    };
  }

  /**
   * The q-quantile of histogram `which` of this set and of `other` taken together (the closed seconds of
   * a run and the second in progress), without merging them.
   */
  quantileWith(other: HistogramSet, which: number, q: number): number {
    const n = (this.totals[which] as number) + (other.totals[which] as number);
    if (n === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * n));
    const base = which * BUCKET_COUNT;
    const low = Math.min(this.low[which] as number, other.low[which] as number);
    const high = Math.max(this.high[which] as number, other.high[which] as number);
    let seen = 0;
    for (let b = low; b <= high; b++) {
      seen += (this.counts[base + b] as number) + (other.counts[base + b] as number);
      if (seen >= rank) return bucketValue(b);
    }
    return bucketValue(high);
  }

  /** The mean of histogram `which` of this set and of `other` taken together; 0 when both are empty. */
  meanWith(other: HistogramSet, which: number): number {
    const n = (this.totals[which] as number) + (other.totals[which] as number);
    return n > 0 ? ((this.sums[which] as number) + (other.sums[which] as number)) / n : 0;
  }

  /** Adds histogram `which` of `other` (same size) into this set's histogram `which`. */
  addFrom(other: HistogramSet, which: number): void {
    const low = other.low[which] as number;
    const high = other.high[which] as number;
    if (high < low) return;
    const base = which * BUCKET_COUNT;
    for (let b = low; b <= high; b++)
      this.counts[base + b] = (this.counts[base + b] as number) + (other.counts[base + b] as number);
    this.totals[which] = (this.totals[which] as number) + (other.totals[which] as number);
    this.sums[which] = (this.sums[which] as number) + (other.sums[which] as number);
    if (low < (this.low[which] as number)) this.low[which] = low;
    if (high > (this.high[which] as number)) this.high[which] = high;
  }

  clear(which: number): void {
    const low = this.low[which] as number;
    const high = this.high[which] as number;
    if (high >= low) this.counts.fill(0, which * BUCKET_COUNT + low, which * BUCKET_COUNT + high + 1);
    this.totals[which] = 0;
    this.sums[which] = 0;
    this.low[which] = BUCKET_COUNT;
    this.high[which] = -1;
  }
}
