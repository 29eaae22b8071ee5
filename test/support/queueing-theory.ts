/**
 * Queueing theory as an oracle for the engine (docs/ENGINE-NOTES.md). Rates are per millisecond and times
 * in milliseconds, like the engine's internals.
 */

/** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c;
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}

/** Mean response time W of M/M/c. */
export function mmcMeanResponse(lambda: number, mu: number, c: number): number {
  const waitProbability = erlangC(c, lambda / mu);
  return waitProbability / (c * mu - lambda) + 1 / mu;
}

/** P(W > t) for M/M/c: service Exp(μ) plus, with probability C, a wait Exp(cμ − λ). */
function mmcResponseSurvival(lambda: number, mu: number, c: number, t: number): number {
  const waitProbability = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  const noWait = Math.exp(-mu * t);
  const withWait =
    Math.abs(theta - mu) < 1e-12
      ? (1 + mu * t) * Math.exp(-mu * t)
      : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - waitProbability) * noWait + waitProbability * withWait;
}

/** The q-quantile of M/M/c response time, by bisection. */
export function mmcResponseQuantile(lambda: number, mu: number, c: number, q: number): number {
  let low = 0;
  let high = 1000 / mu;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mmcResponseSurvival(lambda, mu, c, mid) > 1 - q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
