import type { KeySpace } from '../model/types';
import type { RandomStream } from './random';

/**
 * Draws the data key each request names (README "Keyed caches"): uniform over 0..n-1, or Zipf with
 * exponent s (P(key k) ∝ 1/(k+1)^s, key 0 the hottest). The Zipf draw is Hörmann and Derflinger's
 * rejection-inversion (ACM TOMACS 1996): O(1) memory and time per draw for any n, so a key space of
 * millions costs nothing up front.
 */
export class KeySampler {
  readonly size: number;
  private readonly zipf: ZipfSampler | null;

  constructor(space: KeySpace) {
    this.size = space.n;
    this.zipf = space.type === 'zipf' ? new ZipfSampler(space.n, space.s) : null;
  }

  /** A key in 0..size-1. */
  sample(rng: RandomStream): number {
    if (this.zipf === null) return Math.floor(rng.next() * this.size);
    return this.zipf.sample(rng) - 1;
  }
}

/** Zipf ranks 1..n by rejection-inversion; `s` > 0. */
class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly shortcut: number;

  constructor(
    private readonly n: number,
    private readonly s: number,
  ) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.shortcut = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  sample(rng: RandomStream): number {
    for (;;) {
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.shortcut || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  /** h(x) = x^-s. */
  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  /** H(x) = ∫ h: (x^(1-s) - 1)/(1-s), written to stay exact near s = 1. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1Over((1 - this.s) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1; // rounding at the far end
    return Math.exp(log1pOver(t) * x);
  }
}

/** log(1+x)/x, continuous at 0. */
function log1pOver(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** (e^x - 1)/x, continuous at 0. */
function expm1Over(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}
