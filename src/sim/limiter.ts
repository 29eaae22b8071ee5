import type { LimiterParams } from '../model/types';
import { NO_EDGE, type EdgeIx, type IxArray } from './indices';
import type { Metrics } from './metrics';
import type { Topology } from './topology';

/** Burst of a rate limiter that does not say: a tenth of a second's worth, at least one token. */
export function defaultBurst(perSec: number): number {
  return Math.max(1, perSec / 10);
}

/**
 * What a limiter's utilization is measured against (README "Limiter"): a concurrency limit's places
 * (utilization = time-averaged requests in flight / limit), or a rate limit's tokens per millisecond
 * (each admitted request uses one token, so utilization = admitted per second / limit per second).
 */
export function limiterCapacity(params: LimiterParams): number {
  return params.limit.type === 'rate' ? params.limit.perSec / 1000 : params.limit.max;
}

/**
 * Rate limiters and concurrency limiters (README "Limiter"). A rate limit is a token bucket refilled
 * continuously at `limit` tokens/s up to `burst`; a request takes a token or is rejected at once. A
 * concurrency limit admits at most `limit` requests in flight through the node. Buckets are brought up to
 * date lazily when a request arrives, so an idle limiter costs nothing.
 */
export class Limiters {
  /** Tokens per millisecond (0: not a rate limiter). */
  private readonly perMs: Float64Array;
  private readonly burst: Float64Array;
  private readonly tokens: Float64Array;
  private readonly refilledAt: Float64Array;
  /** Most in flight (0: not a concurrency limiter). */
  private readonly maxInFlight: Int32Array;
  readonly inFlight: Int32Array;
  /** Next downstream edge of each limiter's round-robin. */
  private readonly nextEdge: Int32Array;
  /** Time of each concurrency limiter's last in-flight change, for the metrics' busy area. */
  private readonly lastChange: Float64Array;
  /** The metrics' used-capacity area of the second in progress (see {@link limiterCapacity}). */
  private readonly busyArea: Float64Array;

  constructor(
    private readonly t: Topology,
    metrics: Metrics,
  ) {
    const n = t.nodeIds.length;
    this.busyArea = metrics.busyArea;
    this.lastChange = new Float64Array(n);
    this.perMs = new Float64Array(n);
    this.burst = new Float64Array(n);
    this.tokens = new Float64Array(n);
    this.refilledAt = new Float64Array(n);
    this.maxInFlight = new Int32Array(n);
    this.inFlight = new Int32Array(n);
    this.nextEdge = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (t.kinds[i] !== 'limiter') continue;
      const { limit, burst } = t.params[i] as LimiterParams;
      if (limit.type === 'rate') {
        this.perMs[i] = limit.perSec / 1000;
        this.burst[i] = burst ?? defaultBurst(limit.perSec);
        this.tokens[i] = this.burst[i] as number;
      } else {
        this.maxInFlight[i] = limit.max;
      }
    }
  }

  /** Whether a request arriving now passes; an admitted one is counted in flight until {@link release}. */
  admit(node: number, nowMs: number): boolean {
    const perMs = this.perMs[node] as number;
    if (perMs > 0) {
      const since = nowMs - (this.refilledAt[node] as number);
      const tokens = Math.min(this.burst[node] as number, (this.tokens[node] as number) + since * perMs);
      this.refilledAt[node] = nowMs;
      if (tokens < 1) {
        this.tokens[node] = tokens;
        return false;
      }
      this.tokens[node] = tokens - 1;
      // One token used: utilization is tokens used / tokens the rate offers.
      this.busyArea[node] = (this.busyArea[node] as number) + 1;
    } else if ((this.inFlight[node] as number) >= (this.maxInFlight[node] as number)) {
      return false;
    } else {
      this.integrate(node, nowMs);
    }
    this.inFlight[node] = (this.inFlight[node] as number) + 1;
    return true;
  }

  /** An admitted request was answered (or reset): its place is free again. */
  release(node: number, nowMs: number): void {
    if (this.perMs[node] === 0) this.integrate(node, nowMs);
    this.inFlight[node] = (this.inFlight[node] as number) - 1;
  }

  /**
   * Adds a concurrency limiter's requests in flight since its last change, up to `nowMs`, to the
   * metrics' busy area (a rate limiter's area is counted per admission instead).
   */
  integrate(node: number, nowMs: number): void {
    if (this.maxInFlight[node] === 0) return;
    const since = this.lastChange[node] as number;
    if (nowMs > since) {
      this.busyArea[node] =
        (this.busyArea[node] as number) + (this.inFlight[node] as number) * (nowMs - since);
      this.lastChange[node] = nowMs;
    }
  }

  /** The downstream edge for the next admitted request: each in turn (-1 without any). */
  pickEdge(node: number): EdgeIx {
    const out = this.t.outEdges[node] as IxArray<EdgeIx>;
    if (out.length <= 1) return out.length === 1 ? (out[0] as EdgeIx) : NO_EDGE;
    const i = this.nextEdge[node] as number;
    this.nextEdge[node] = (i + 1) % out.length;
    return out[i] as EdgeIx;
  }
}
