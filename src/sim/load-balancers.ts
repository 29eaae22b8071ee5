import { absentOf, LB_PARAMS } from '../model/params';
import type { Distribution, LbParams } from '../model/types';
import { sampleMs } from './distributions';
import type { FaultState } from './faults';
import type { RandomStream } from './random';
import type { SimEventType } from './results';
import { KindCode, type Topology } from './topology';
import { ixArray, NO_EDGE, type EdgeIx, type IxArray, type NodeIx } from './indices';

/** What the load balancers need from the engine. */
export interface LoadBalancerHost {
  scheduleProbe(atMs: number, edge: EdgeIx): void;
  scheduleProbeResult(atMs: number, edge: EdgeIx, success: boolean): void;
  /** Active-passive: backups start taking traffic at `atMs` (the edge is one of the backups). */
  schedulePromotion(atMs: number, backupEdge: EdgeIx): void;
  /** Records an event about the target of `edge`, seen by its load balancer. */
  note(type: SimEventType, edge: EdgeIx): void;
}

const DEFAULT_EJECT_ERRORS = absentOf(LB_PARAMS, 'ejectErrors');
const DEFAULT_EJECT_TIME_MS = absentOf(LB_PARAMS, 'ejectTimeMs');
const DEFAULT_PROMOTE_MS = absentOf(LB_PARAMS, 'promoteMs');
const VIRTUAL_POINTS = 64;

/**
 * Every load balancer of the topology (DESIGN.md §3): active health checks, passive outlier ejection,
 * active-active or active-passive modes, and the choice of a target by policy.
 *
 * Health checks: each LB probes each target every interval; a probe succeeds when the target is up and
 * answers within the probe timeout (a round trip over the edge). After `unhealthy` consecutive failures
 * the LB marks the target down, after `healthy` consecutive successes up again. Until then the LB keeps
 * sending to a dead target, which is why a failure costs errors during the detection window. Probes are
 * answered without taking a worker: health endpoints are cheap next to real requests.
 */
export class LoadBalancers {
  /** Per edge (meaningful for edges out of load balancers). */
  private readonly healthy: Uint8Array;
  private readonly okStreak: Int32Array;
  private readonly failStreak: Int32Array;
  private readonly errorStreak: Int32Array;
  private readonly ejectedUntil: Float64Array;
  /** Requests sent over each edge and not yet answered (least-connections, power of two choices). */
  readonly active: Int32Array;
  private readonly smoothWeight: Float64Array;
  /** Per LB. */
  private readonly nextTarget: Int32Array;
  /** Active-passive: when backups may start taking traffic (Infinity while a primary is up). */
  private readonly backupsFrom: Float64Array;
  private readonly rings: (readonly { point: number; edge: EdgeIx }[] | null)[];
  /** Active-passive: whether each edge leads to a primary (1) or a backup (0). */
  private readonly primary: Uint8Array;
  private readonly scratch: IxArray<EdgeIx>;

  constructor(
    private readonly topology: Topology,
    private readonly faults: FaultState,
    private readonly host: LoadBalancerHost,
  ) {
    const edges = topology.edgeIds.length;
    const nodes = topology.nodeIds.length;
    this.healthy = new Uint8Array(edges).fill(1);
    this.okStreak = new Int32Array(edges);
    this.failStreak = new Int32Array(edges);
    this.errorStreak = new Int32Array(edges);
    this.ejectedUntil = new Float64Array(edges);
    this.active = new Int32Array(edges);
    this.smoothWeight = new Float64Array(edges);
    this.nextTarget = new Int32Array(nodes);
    this.backupsFrom = new Float64Array(nodes).fill(Infinity);
    this.rings = topology.nodeIds.map((_, lb) =>
      topology.lb[lb]?.policy === 'hash' ? hashRing(topology, lb as NodeIx) : null,
    );
    this.primary = primaryEdges(topology);
    this.scratch = ixArray<EdgeIx>(Math.max(1, ...topology.outEdges.map((out) => out.length)));
  }

  /** Schedules every load balancer's first round of probes, one interval after the start. */
  start(): void {
    this.topology.nodeIds.forEach((_, lb) => {
      const params = this.topology.lb[lb];
      if (params)
        for (const edge of this.topology.outEdges[lb] as IxArray<EdgeIx>)
          this.host.scheduleProbe(params.hcIntervalMs, edge);
    });
  }

  probe(edge: EdgeIx, nowMs: number): void {
    const lb = this.topology.edgeSource[edge] as NodeIx;
    const params = this.topology.lb[lb] as LbParams;
    this.host.scheduleProbe(nowMs + params.hcIntervalMs, edge);
    const target = this.topology.edgeTarget[edge] as NodeIx;
    if (this.faults.crashed[target] && !this.faults.edgeCut[edge]) {
      this.result(edge, false, nowMs); // connection refused: the probe fails at once
      return;
    }
    if (this.faults.hung[target] || this.faults.edgeCut[edge]) {
      this.host.scheduleProbeResult(nowMs + params.hcTimeoutMs, edge, false);
      return;
    }
    const latency = this.topology.edgeLatency[edge] as Distribution;
    const rng = this.topology.probeRng[lb] as RandomStream;
    const added = 2 * (this.faults.edgeAddedMs[edge] as number);
    const roundTripMs =
      (this.topology.edgeLatencyIsZero[edge] ? 0 : sampleMs(latency, rng) + sampleMs(latency, rng)) + added;
    if (roundTripMs > params.hcTimeoutMs)
      this.host.scheduleProbeResult(nowMs + params.hcTimeoutMs, edge, false);
    else if (roundTripMs > 0) this.host.scheduleProbeResult(nowMs + roundTripMs, edge, true);
    else this.result(edge, true, nowMs);
  }

  result(edge: EdgeIx, success: boolean, nowMs: number): void {
    const lb = this.topology.edgeSource[edge] as NodeIx;
    const params = this.topology.lb[lb] as LbParams;
    if (success) {
      this.failStreak[edge] = 0;
      this.okStreak[edge] = (this.okStreak[edge] as number) + 1;
      if (!this.healthy[edge] && (this.okStreak[edge] as number) >= params.hcHealthy)
        this.setHealthy(edge, true, nowMs);
    } else {
      this.okStreak[edge] = 0;
      this.failStreak[edge] = (this.failStreak[edge] as number) + 1;
      if (this.healthy[edge] && (this.failStreak[edge] as number) >= params.hcUnhealthy)
        this.setHealthy(edge, false, nowMs);
    }
  }

  /** Passive outlier detection: the LB sees each answer of its targets. */
  answered(edge: EdgeIx, ok: boolean, nowMs: number): void {
    const params = this.topology.lb[this.topology.edgeSource[edge] as NodeIx];
    const threshold = params?.ejectErrors ?? DEFAULT_EJECT_ERRORS;
    if (!params || threshold <= 0) return;
    if (ok) {
      this.errorStreak[edge] = 0;
      return;
    }
    this.errorStreak[edge] = (this.errorStreak[edge] as number) + 1;
    if ((this.errorStreak[edge] as number) >= threshold && (this.ejectedUntil[edge] as number) <= nowMs) {
      this.ejectedUntil[edge] = nowMs + (params.ejectTimeMs ?? DEFAULT_EJECT_TIME_MS);
      this.errorStreak[edge] = 0;
      this.host.note('eject', edge);
    }
  }

  /** Whether the balancer (or DNS node) currently considers the target of `edge` fit for traffic. */
  isEligible(edge: EdgeIx, nowMs: number): boolean {
    return this.healthy[edge] === 1 && (this.ejectedUntil[edge] as number) <= nowMs;
  }

  /** Chooses the edge to send a request over, or NO_EDGE when no target is eligible (a 503). */
  pick(lb: NodeIx, key: number, nowMs: number): EdgeIx {
    const params = this.topology.lb[lb] as LbParams;
    if (params.policy === 'round-robin' && params.mode === 'active-active')
      return this.nextHealthy(lb, nowMs);
    const count = this.eligible(lb, params, nowMs);
    if (count === 0) return NO_EDGE;
    const scratch = this.scratch;
    const rng = this.topology.choiceRng[lb] as RandomStream;
    switch (params.policy) {
      case 'random':
        return scratch[Math.floor(rng.next() * count)] as EdgeIx;
      case 'p2c': {
        const a = scratch[Math.floor(rng.next() * count)] as EdgeIx;
        if (count === 1) return a;
        let b = scratch[Math.floor(rng.next() * (count - 1))] as EdgeIx;
        if (b === a) b = scratch[count - 1] as EdgeIx;
        return (this.active[b] as number) < (this.active[a] as number) ? b : a;
      }
      case 'least-conn': {
        let best = scratch[0] as EdgeIx;
        for (let i = 1; i < count; i++) {
          const e = scratch[i] as EdgeIx;
          if ((this.active[e] as number) < (this.active[best] as number)) best = e;
        }
        return best;
      }
      case 'weighted':
        return this.smoothWeighted(count);
      case 'hash':
        return this.hashed(lb, key, count);
      case 'round-robin':
        return scratch[0] as EdgeIx;
    }
  }

  /** Round-robin's fast path: the first eligible target from the pointer, without listing the others. */
  private nextHealthy(lb: NodeIx, nowMs: number): EdgeIx {
    const out = this.topology.outEdges[lb] as IxArray<EdgeIx>;
    const n = out.length;
    const start = this.nextTarget[lb] as number;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const edge = out[i] as EdgeIx;
      if (this.healthy[edge] && (this.ejectedUntil[edge] as number) <= nowMs) {
        this.nextTarget[lb] = (i + 1) % n;
        return edge;
      }
    }
    return NO_EDGE;
  }

  /** How each load balancer sees each of its targets, by node id. */
  views(nowMs: number): Record<string, Record<string, 'healthy' | 'unhealthy'>> {
    type View = Record<string, 'healthy' | 'unhealthy'>;
    const views = Object.create(null) as Record<string, View>;
    this.topology.nodeIds.forEach((id, lb) => {
      if (this.topology.behaviour[lb] !== KindCode.lb && this.topology.behaviour[lb] !== KindCode.dns) return;
      const view = Object.create(null) as View;
      for (const edge of this.topology.outEdges[lb] as IxArray<EdgeIx>) {
        const up = this.healthy[edge] && (this.ejectedUntil[edge] as number) <= nowMs;
        view[this.topology.nodeIds[this.topology.edgeTarget[edge] as NodeIx] as string] = up
          ? 'healthy'
          : 'unhealthy';
      }
      views[id] = view;
    });
    return views;
  }

  private setHealthy(edge: EdgeIx, healthy: boolean, nowMs: number): void {
    this.healthy[edge] = healthy ? 1 : 0;
    this.host.note(healthy ? 'hc-up' : 'hc-down', edge);
    const lb = this.topology.edgeSource[edge] as NodeIx;
    const params = this.topology.lb[lb] as LbParams;
    if (params.mode !== 'active-passive') return;
    const primaryUp = Array.from(this.topology.outEdges[lb] as IxArray<EdgeIx>).some(
      (e) => this.primary[e] && this.healthy[e],
    );
    if (primaryUp) this.backupsFrom[lb] = Infinity;
    else if (this.backupsFrom[lb] === Infinity) {
      this.backupsFrom[lb] = nowMs + (params.promoteMs ?? DEFAULT_PROMOTE_MS);
      const backup = Array.from(this.topology.outEdges[lb] as IxArray<EdgeIx>).find((e) => !this.primary[e]);
      if (backup !== undefined) this.host.schedulePromotion(this.backupsFrom[lb] as number, backup);
    }
  }

  /** Called at the promotion time scheduled by {@link setHealthy}: backups now take traffic. */
  promoted(backupEdge: EdgeIx): void {
    const lb = this.topology.edgeSource[backupEdge] as NodeIx;
    if (this.backupsFrom[lb] !== Infinity) this.host.note('promote', backupEdge);
  }

  /**
   * Fills `scratch` with the eligible edges in round-robin order from the LB's pointer, and advances the
   * pointer past the first: healthy, not ejected, and of the tier in service (active-passive).
   */
  private eligible(lb: NodeIx, params: LbParams, nowMs: number): number {
    const out = this.topology.outEdges[lb] as IxArray<EdgeIx>;
    const n = out.length;
    const start = this.nextTarget[lb] as number;
    const passive = params.mode === 'active-passive';
    const useBackups = passive && (this.backupsFrom[lb] as number) <= nowMs;
    let count = 0;
    let first = -1;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const edge = out[i] as EdgeIx;
      if (!this.healthy[edge] || (this.ejectedUntil[edge] as number) > nowMs) continue;
      if (passive && (this.primary[edge] === 1) === useBackups) continue;
      if (first < 0) first = i;
      this.scratch[count++] = edge;
    }
    if (first >= 0) this.nextTarget[lb] = (first + 1) % n;
    return count;
  }

  /** Smooth weighted round-robin (as nginx does): deterministic, and spreads a heavy target's turns. */
  private smoothWeighted(count: number): EdgeIx {
    let total = 0;
    let best = NO_EDGE;
    for (let i = 0; i < count; i++) {
      const e = this.scratch[i] as EdgeIx;
      const weight = this.topology.edgeWeight[e] as number;
      total += weight;
      this.smoothWeight[e] = (this.smoothWeight[e] as number) + weight;
      if (best === NO_EDGE || (this.smoothWeight[e] as number) > (this.smoothWeight[best] as number))
        best = e;
    }
    this.smoothWeight[best] = (this.smoothWeight[best] as number) - total;
    return best;
  }

  /** Consistent hashing: the first eligible target clockwise from the key's point on the ring. */
  private hashed(lb: NodeIx, key: number, count: number): EdgeIx {
    const ring = this.rings[lb];
    if (!ring || ring.length === 0) return this.scratch[0] as EdgeIx;
    const point = mix(key);
    let low = 0;
    let high = ring.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ring[mid] as { point: number }).point < point) low = mid + 1;
      else high = mid;
    }
    for (let k = 0; k < ring.length; k++) {
      const edge = (ring[(low + k) % ring.length] as { edge: EdgeIx }).edge;
      for (let i = 0; i < count; i++) if (this.scratch[i] === edge) return edge;
    }
    return this.scratch[0] as EdgeIx;
  }
}

/** With no edge of an LB marked backup, its first target is the primary and the others stand by. */
function primaryEdges(topology: Topology): Uint8Array {
  const primary = new Uint8Array(topology.edgeIds.length);
  for (const out of topology.outEdges) {
    const anyBackup = out.some((e) => topology.edgeBackup[e] === 1);
    out.forEach((e, i) => {
      primary[e] = (anyBackup ? topology.edgeBackup[e] === 0 : i === 0) ? 1 : 0;
    });
  }
  return primary;
}

function hashRing(topology: Topology, lb: NodeIx): { point: number; edge: EdgeIx }[] {
  const ring: { point: number; edge: EdgeIx }[] = [];
  for (const edge of topology.outEdges[lb] as IxArray<EdgeIx>) {
    const id = topology.nodeIds[topology.edgeTarget[edge] as NodeIx] as string;
    for (let v = 0; v < VIRTUAL_POINTS; v++) ring.push({ point: mix(hashText(`${id}#${v}`)), edge });
  }
  return ring.sort((a, b) => a.point - b.point);
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit finaliser, so consecutive user ids land far apart on the ring. */
function mix(x: number): number {
  let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
