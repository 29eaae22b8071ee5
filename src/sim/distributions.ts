import type { Distribution } from '../model/types';
import type { RandomStream } from './random';

/**
 * Draws a duration in milliseconds from a distribution. Results are never negative: a normal
 * distribution is clamped at 0, which is what a latency can be at least.
 */
export function sampleMs(d: Distribution, rng: RandomStream): number {
  // The common cases first, in a function small enough to be inlined into its callers: a double
  // returned from a call that is not inlined is boxed, once per event (docs/ENGINE-NOTES.md).
  if (d.type === 'exp') return -d.meanMs * Math.log(rng.nextOpenZero());
  if (d.type === 'const') return d.valueMs;
  return sampleOther(d, rng);
}

function sampleOther(d: Distribution, rng: RandomStream): number {
  switch (d.type) {
    case 'const':
      return d.valueMs;
    case 'exp':
      return -d.meanMs * Math.log(rng.nextOpenZero());
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * rng.next();
    case 'normal':
      return Math.max(0, d.meanMs + d.sdMs * standardNormal(rng));
    case 'lognormal':
      return d.medianMs * Math.exp(d.sigma * standardNormal(rng));
    case 'pareto':
      return d.scaleMs / Math.pow(rng.nextOpenZero(), 1 / d.shape);
    case 'erlang': {
      // The sum of k exponentials: one logarithm of the product of k uniforms.
      let product = 1;
      for (let i = 0; i < d.k; i++) product *= rng.nextOpenZero();
      return (-d.meanMs / d.k) * Math.log(product);
    }
  }
}

/** A standard normal variate by the Box–Muller transform (one of the pair; the other is dropped). */
function standardNormal(rng: RandomStream): number {
  return Math.sqrt(-2 * Math.log(rng.nextOpenZero())) * Math.cos(2 * Math.PI * rng.next());
}

/** True when every draw is exactly zero: such an edge needs no event in the queue. */
export function isZero(d: Distribution): boolean {
  return d.type === 'const' && d.valueMs === 0;
}
