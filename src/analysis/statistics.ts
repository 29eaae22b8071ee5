/**
 * Statistics over replications (README.md, "Replications"): sample mean, 95% confidence intervals from
 * Student's t, and paired and unpaired (Welch) comparisons. Pure numbers, no dependency: the t quantile
 * inverts the t distribution function, computed from the regularised incomplete beta function.
 */

/** A sample's mean with its two-sided confidence interval. */
export interface Interval {
  /** Number of values. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 in the denominator; 0 for one value). */
  readonly sd: number;
  /** Half the interval's width: t × sd / √n (0 for one value: no interval can be drawn from one run). */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
  /** The interval's confidence level, e.g. 0.95. */
  readonly level: number;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast only below the mean; use the symmetry above it.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p. Bisection on
 * the distribution function (it is monotonic), to 1e-12: a few hundred microseconds, called once per
 * interval.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`the quantile needs 0 < p < 1, not ${p}`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be above 0, not ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Mean and `level` confidence interval of the values (Student t with n − 1 degrees of freedom). */
export function confidenceInterval(values: readonly number[], level = 0.95): Interval {
  const n = values.length;
  if (n === 0) throw new RangeError('a confidence interval needs at least one value');
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n === 1) return { n, mean, sd: 0, halfWidth: 0, low: mean, high: mean, level };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const halfWidth = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, halfWidth, low: mean - halfWidth, high: mean + halfWidth, level };
}

/** The outcome of comparing B with A: B − A, its interval and whether it excludes zero. */
export interface Difference {
  /** Mean of B minus mean of A. */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  /** Two-sided p-value of "no difference". */
  readonly pValue: number;
  /** True when the interval excludes 0 (p below 1 − level). */
  readonly significant: boolean;
  readonly level: number;
  readonly method: 'paired' | 'welch';
}

/**
 * Paired comparison: run i of A and run i of B share a seed, so their difference cancels the noise both
 * see (the same arrivals, the same service times). A t interval on the per-seed differences.
 */
export function pairedDifference(a: readonly number[], b: readonly number[], level = 0.95): Difference {
  if (a.length !== b.length) throw new RangeError('paired samples must have the same length');
  const diffs = b.map((value, i) => value - (a[i] as number));
  const interval = confidenceInterval(diffs, level);
  const pValue = twoSidedP(interval.mean, interval.sd / Math.sqrt(diffs.length), diffs.length - 1);
  return {
    difference: interval.mean,
    low: interval.low,
    high: interval.high,
    pValue,
    significant: diffs.length > 1 && pValue < 1 - level,
    level,
    method: 'paired',
  };
}

/** Unpaired comparison of independent samples: Welch's t interval (no equal-variance assumption). */
export function welchDifference(a: readonly number[], b: readonly number[], level = 0.95): Difference {
  const ia = confidenceInterval(a, level);
  const ib = confidenceInterval(b, level);
  const va = ia.sd ** 2 / ia.n;
  const vb = ib.sd ** 2 / ib.n;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (ia.n - 1) + vb ** 2 / (ib.n - 1));
  const difference = ib.mean - ia.mean;
  const usable = ia.n > 1 && ib.n > 1 && se > 0;
  const half = usable ? studentTQuantile(1 - (1 - level) / 2, df) * se : 0;
  const pValue = usable ? twoSidedP(difference, se, df) : difference === 0 ? 1 : 0;
  return {
    difference,
    low: difference - half,
    high: difference + half,
    pValue,
    significant: ia.n > 1 && ib.n > 1 && pValue < 1 - level,
    level,
    method: 'welch',
  };
}

/** P(|T| ≥ |estimate / se|); a zero standard error means every pair differed by the same amount. */
function twoSidedP(estimate: number, se: number, df: number): number {
  if (!(se > 0)) return estimate === 0 ? 1 : 0;
  if (!(df > 0)) return 1;
  return 2 * (1 - studentTCdf(Math.abs(estimate / se), df));
}
