import type { Distribution } from '../model/types';
import { sampleMs } from './distributions';
import type { RandomStream } from './random';
import { KindCode, type Topology } from './topology';

/** What the health checker needs from the engine. */
export interface HealthCheckHost {
  schedule(atMs: number, edge: number): void;
  scheduleResult(atMs: number, edge: number, success: boolean): void;
  isFailed(node: number): boolean;
  /** A load balancer changed its view of the target of `edge`. */
  changed(edge: number, healthy: boolean): void;
}

/**
 * Active health checks of every load balancer (DESIGN.md §3). Each LB probes each target every interval;
 * a probe succeeds when the target is up and answers within the probe timeout (a network round trip over
 * the edge). After `unhealthy` consecutive failures the LB marks the target down and stops sending it
 * traffic; after `healthy` consecutive successes it marks it up again. Until a target is marked down the
 * LB keeps sending to it, which is what makes a failure cost errors during the detection window.
 * Probes are answered without taking a worker: health endpoints are cheap compared with requests.
 */
export class HealthChecks {
  /** Per edge (meaningful for edges out of load balancers). */
  private readonly healthy: Uint8Array;
  private readonly okStreak: Int32Array;
  private readonly failStreak: Int32Array;
  private readonly nextTarget: Int32Array;

  constructor(
    private readonly t: Topology,
    private readonly host: HealthCheckHost,
  ) {
    const edges = t.edgeIds.length;
    this.healthy = new Uint8Array(edges).fill(1);
    this.okStreak = new Int32Array(edges);
    this.failStreak = new Int32Array(edges);
    this.nextTarget = new Int32Array(t.nodeIds.length);
  }

  /** Schedules every load balancer's first round of probes, one interval after the start. */
  start(): void {
    this.t.nodeIds.forEach((_, node) => {
      const params = this.t.lb[node];
      if (!params) return;
      for (const edge of this.t.outEdges[node] as Int32Array) this.host.schedule(params.hcIntervalMs, edge);
    });
  }

  probe(edge: number, nowMs: number): void {
    const lb = this.t.edgeSource[edge] as number;
    const params = this.t.lb[lb];
    if (!params) return;
    this.host.schedule(nowMs + params.hcIntervalMs, edge);
    const target = this.t.edgeTarget[edge] as number;
    if (this.host.isFailed(target)) {
      // Connection refused: the probe fails at once.
      this.result(edge, false, nowMs);
      return;
    }
    const latency = this.t.edgeLatency[edge] as Distribution;
    const rng = this.t.probeRng[lb] as RandomStream;
    const roundTripMs = this.t.edgeLatencyIsZero[edge] ? 0 : sampleMs(latency, rng) + sampleMs(latency, rng);
    if (roundTripMs > params.hcTimeoutMs) this.host.scheduleResult(nowMs + params.hcTimeoutMs, edge, false);
    else if (roundTripMs > 0) this.host.scheduleResult(nowMs + roundTripMs, edge, true);
    else this.result(edge, true, nowMs);
  }

  result(edge: number, success: boolean, _nowMs: number): void {
    const params = this.t.lb[this.t.edgeSource[edge] as number];
    if (!params) return;
    if (success) {
      this.failStreak[edge] = 0;
      this.okStreak[edge] = (this.okStreak[edge] as number) + 1;
      if (!this.healthy[edge] && (this.okStreak[edge] as number) >= params.hcHealthy) {
        this.healthy[edge] = 1;
        this.host.changed(edge, true);
      }
    } else {
      this.okStreak[edge] = 0;
      this.failStreak[edge] = (this.failStreak[edge] as number) + 1;
      if (this.healthy[edge] && (this.failStreak[edge] as number) >= params.hcUnhealthy) {
        this.healthy[edge] = 0;
        this.host.changed(edge, false);
      }
    }
  }

  /** Round-robin over the targets the LB considers healthy; -1 when there is none. */
  pick(lb: number): number {
    const out = this.t.outEdges[lb] as Int32Array;
    const n = out.length;
    const start = this.nextTarget[lb] as number;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const edge = out[i] as number;
      if (this.healthy[edge]) {
        this.nextTarget[lb] = (i + 1) % n;
        return edge;
      }
    }
    return -1;
  }

  /** How each load balancer sees each of its targets, by node id. */
  views(): Record<string, Record<string, 'healthy' | 'unhealthy'>> {
    const views: Record<string, Record<string, 'healthy' | 'unhealthy'>> = Object.create(null) as Record<
      string,
      Record<string, 'healthy' | 'unhealthy'>
    >;
    this.t.nodeIds.forEach((id, lb) => {
      if (this.t.behaviour[lb] !== KindCode.lb) return;
      const view: Record<string, 'healthy' | 'unhealthy'> = Object.create(null) as Record<string, 'healthy' | 'unhealthy'>;
      for (const edge of this.t.outEdges[lb] as Int32Array) {
        view[this.t.nodeIds[this.t.edgeTarget[edge] as number] as string] = this.healthy[edge] ? 'healthy' : 'unhealthy';
      }
      views[id] = view;
    });
    return views;
  }
}
