import { RandomStream } from '../src/sim/random';

/**
 * A deliberately tight, single-purpose M/M/1 simulator (docs/ENGINE-NOTES.md's reference): the next arrival and
 * the next departure in two locals, the queue as a counter, response times from a FIFO of arrival times.
 * It is the ceiling a general engine is measured against in the same process run.
 */
export function runTightMm1(
  rho: number,
  requests: number,
  seed: number,
): { requests: number; meanResponse: number } {
  const rng = new RandomStream(seed, 'tight');
  const arrivals = new Float64Array(1 << 20);
  const mask = arrivals.length - 1;
  let head = 0;
  let tail = 0;
  let now: number;
  let nextArrival = -Math.log(rng.nextOpenZero()) / rho;
  let nextDeparture = Infinity;
  let inSystem = 0;
  let done = 0;
  let sum = 0;
  let arrived = 0;
  while (done < requests) {
    if (nextArrival <= nextDeparture) {
      now = nextArrival;
      arrivals[tail++ & mask] = now;
      arrived++;
      if (inSystem++ === 0) nextDeparture = now - Math.log(rng.nextOpenZero());
      nextArrival = arrived < requests ? now - Math.log(rng.nextOpenZero()) / rho : Infinity;
    } else {
      now = nextDeparture;
      sum += now - (arrivals[head++ & mask] as number);
      done++;
      nextDeparture = --inSystem > 0 ? now - Math.log(rng.nextOpenZero()) : Infinity;
    }
  }
  return { requests: done, meanResponse: sum / done };
}
