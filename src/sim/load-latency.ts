import type { LoadLatency } from '../model/types';

/** Load-latency model codes, compiled per node; 0 means the model is off and costs one array read. */
export const LoadModel = { none: 0, linear: 1, poly: 2, exp: 3 } as const;

/**
 * The factor a load-dependent service time is multiplied by (README "Load-dependent latency") at
 * utilization `u` = busy workers / workers as the work starts (the worker it takes counts as busy):
 * 1 + k·u, 1 + k·uⁿ or e^(k·u). Contention (locks, GC, cache thrashing) makes work slower as more of it
 * runs at once: the ingredient of a death spiral.
 */
export function loadFactor(model: number, k: number, n: number, u: number): number {
  switch (model) {
    case LoadModel.linear:
      return 1 + k * u;
    case LoadModel.poly:
      return 1 + k * Math.pow(u, n);
    case LoadModel.exp:
      return Math.exp(k * u);
    default:
      return 1;
  }
}

/** Compiles a node's `load_latency` into its code and coefficients. */
export function compileLoadLatency(spec: LoadLatency | undefined): { model: number; k: number; n: number } {
  if (!spec) return { model: LoadModel.none, k: 0, n: 1 };
  return { model: LoadModel[spec.type], k: spec.k, n: spec.type === 'poly' ? spec.n : 1 };
}
