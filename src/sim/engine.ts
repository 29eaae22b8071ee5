import type { ArchDocument, Distribution, ScenarioStep } from '../model/types';
import { CallPool, CallState } from './call-pool';
import { sampleMs } from './distributions';
import { EventQueue } from './event-queue';
import type { RandomStream } from './random';
import { HealthChecks } from './health-checks';
import { Cause, Metrics } from './metrics';
import type { LiveSnapshot, NodeTotals, RunTotals, SecondRow, SimEvent } from './results';
import type { Simulation } from './simulation';
import { TimeoutQueue } from './timeout-queue';
import { compileTopology, KindCode, type Topology } from './topology';

/** Event type codes of the future event list. */
const Ev = {
  clientArrival: 0,
  callArrive: 1,
  serviceDone: 2,
  response: 3,
  timeoutCheck: 4,
  probe: 5,
  probeResult: 6,
  fault: 7,
} as const;

/** Beyond this many hops a request is failed: a cycle in the topology (A calls B calls A) must end. */
export const MAX_CALL_DEPTH = 32;

/**
 * Creates a run of `doc` (DESIGN.md §3). The engine is a discrete-event simulation in continuous time:
 * requests are individual, each hop is a call record, and each node kind has its behaviour below.
 */
export function createSimulation(doc: ArchDocument, options: { readonly seed?: number } = {}): Simulation {
  return new Engine(doc, options.seed ?? doc.sim.seed);
}

class Engine implements Simulation {
  private readonly t: Topology;
  private readonly queue = new EventQueue();
  private readonly calls = new CallPool();
  private readonly metrics: Metrics;
  private readonly health: HealthChecks;
  private readonly timeouts: TimeoutQueue;
  private readonly durationMs: number;
  private nowMs = 0;
  private events = 0;
  private faultOrder = 0;
  private nextSecondMs = 1000;
  private rows: SecondRow[] = [];
  private simEvents: SimEvent[] = [];
  // Per node state.
  private readonly failed: Uint8Array;
  private readonly busy: Int32Array;
  private readonly waiting: Int32Array[];
  private readonly waitHead: Int32Array;
  private readonly waitLength: Int32Array;
  /** Time of each node's last busy/queue change, for the time-average areas. */
  private readonly lastChange: Float64Array;
  /** Next target of each node's round-robin over its outgoing edges. */
  private readonly nextTarget: Int32Array;

  constructor(doc: ArchDocument, seed: number) {
    const t = compileTopology(doc, seed);
    this.t = t;
    const n = t.nodeIds.length;
    this.durationMs = doc.sim.durationSec * 1000;
    this.metrics = new Metrics(t);
    this.failed = Uint8Array.from(t.startsFailed);
    this.busy = new Int32Array(n);
    this.waiting = t.nodeIds.map(() => new Int32Array(16));
    this.waitHead = new Int32Array(n);
    this.waitLength = new Int32Array(n);
    this.lastChange = new Float64Array(n);
    this.nextTarget = new Int32Array(n);
    this.timeouts = new TimeoutQueue(n);
    this.health = new HealthChecks(t, {
      schedule: (atMs, edge) => this.queue.push(atMs, Ev.probe, edge, 0),
      scheduleResult: (atMs, edge, success) => this.queue.push(atMs, Ev.probeResult, edge, success ? 1 : 0),
      isFailed: (node) => this.failed[node] === 1,
      changed: (edge, healthy) =>
        this.note(healthy ? 'hc-up' : 'hc-down', t.edgeTarget[edge] as number, t.edgeSource[edge] as number),
    });
    for (let i = 0; i < n; i++) {
      const client = t.client[i];
      if (client && client.ratePerSec > 0) this.queue.push(this.interArrivalMs(i), Ev.clientArrival, i, 0);
    }
    this.health.start();
    for (const step of doc.scenario) this.schedule(step);
  }

  get nowSec(): number {
    return this.nowMs / 1000;
  }
  get durationSec(): number {
    return this.durationMs / 1000;
  }
  get done(): boolean {
    return this.nowMs >= this.durationMs;
  }
  get eventCount(): number {
    return this.events;
  }

  advance(untilSec: number, maxEvents = Infinity): number {
    const untilMs = Math.min(untilSec * 1000, this.durationMs);
    const queue = this.queue;
    let processed = 0;
    while (processed < maxEvents && queue.size > 0 && queue.peekTime() <= untilMs) {
      queue.pop();
      const time = queue.poppedTime;
      if (time >= this.nextSecondMs) this.closeSecondsUntil(time);
      this.nowMs = time;
      this.dispatch(queue.poppedType, queue.poppedArg, queue.poppedArg2);
      processed++;
    }
    if (processed < maxEvents || queue.size === 0 || queue.peekTime() > untilMs) {
      // Nothing else happens before untilMs: time moves on to it.
      if (untilMs > this.nowMs) {
        if (untilMs >= this.nextSecondMs) this.closeSecondsUntil(untilMs);
        this.nowMs = untilMs;
      }
    }
    this.events += processed;
    return processed;
  }

  schedule(step: ScenarioStep): void {
    const node = this.t.nodeIds.indexOf(step.target);
    if (node < 0) throw new Error(`scenario step targets unknown node "${step.target}"`);
    const atMs = step.atSec * 1000;
    if (atMs < this.nowMs) throw new Error(`cannot schedule at ${step.atSec}s: the run is already at ${this.nowSec}s`);
    this.queue.pushFirst(atMs, this.faultOrder++, Ev.fault, node, step.action === 'fail' ? 1 : 0);
  }

  takeRows(): SecondRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  takeEvents(): SimEvent[] {
    const events = this.simEvents;
    this.simEvents = [];
    return events;
  }

  live(): LiveSnapshot {
    const t = this.t;
    const nodes: Record<string, LiveSnapshot['nodes'][string]> = Object.create(null) as Record<string, LiveSnapshot['nodes'][string]>;
    t.nodeIds.forEach((id, i) => {
      nodes[id] = { health: this.failed[i] ? 'failed' : 'up', busy: this.busy[i] as number, queued: this.waitLength[i] as number };
    });
    return { nowSec: this.nowSec, nodes, lbViews: this.health.views() };
  }

  totals(): RunTotals {
    const m = this.metrics;
    return m.totals(m.requests - m.ok - m.failed, this.nowSec);
  }

  nodeTotals(): Readonly<Record<string, NodeTotals>> {
    return this.metrics.nodeTotals();
  }

  /** Counts the requests whose client record is still open: an independent check of conservation. */
  countOpenRequests(): number {
    const calls = this.calls;
    let open = 0;
    for (let c = 0; c < calls.capacity; c++) if (calls.state[c] === CallState.root) open++;
    return open;
  }

  private dispatch(type: number, arg: number, arg2: number): void {
    switch (type) {
      case Ev.clientArrival:
        return this.onClientArrival(arg);
      case Ev.callArrive:
        return this.arrive(arg);
      case Ev.serviceDone:
        if (this.calls.gen[arg] === arg2) this.afterService(arg);
        return;
      case Ev.response:
        if (this.calls.gen[arg] === arg2) this.deliverResponse(arg);
        return;
      case Ev.timeoutCheck:
        return this.onTimeoutCheck(arg);
      case Ev.probe:
        return this.health.probe(arg, this.nowMs);
      case Ev.probeResult:
        return this.health.result(arg, arg2 === 1, this.nowMs);
      case Ev.fault:
        return arg2 === 1 ? this.failNode(arg) : this.recoverNode(arg);
    }
  }

  // ---- Clients ---------------------------------------------------------------------------------------

  private interArrivalMs(client: number): number {
    const params = this.t.client[client];
    if (!params) return Infinity;
    const meanMs = 1000 / params.ratePerSec;
    if (params.arrival === 'constant') return meanMs;
    return -meanMs * Math.log((this.t.arrivalRng[client] as RandomStream).nextOpenZero());
  }

  private onClientArrival(client: number): void {
    this.queue.push(this.nowMs + this.interArrivalMs(client), Ev.clientArrival, client, 0);
    // A failed client sends nothing, but its arrival clock keeps running so recovery resumes the process.
    if (this.failed[client]) return;
    const calls = this.calls;
    const root = calls.alloc();
    calls.state[root] = CallState.root;
    calls.node[root] = client;
    calls.parent[root] = -1;
    calls.edge[root] = -1;
    calls.aux[root] = 0;
    calls.depth[root] = 0;
    calls.start[root] = this.nowMs;
    this.metrics.recordRequest();
    this.sendAttempt(root);
  }

  private sendAttempt(root: number): void {
    const client = this.calls.node[root] as number;
    const edge = this.pickRoundRobin(client);
    if (edge < 0) {
      this.resolveRoot(root, Cause.refused);
      return;
    }
    const params = this.t.client[client];
    if (params && params.timeoutMs !== Infinity) {
      const deadline = this.nowMs + params.timeoutMs;
      if (this.timeouts.push(client, root, this.calls.gen[root] as number, this.calls.aux[root] as number, deadline)) {
        this.queue.push(deadline, Ev.timeoutCheck, client, 0);
      }
    }
    this.send(root, edge, this.calls.aux[root] as number);
  }

  private onTimeoutCheck(client: number): void {
    const timeouts = this.timeouts;
    const calls = this.calls;
    while (timeouts.hasExpired(client, this.nowMs)) {
      const root = timeouts.headCall(client);
      const live = calls.gen[root] === timeouts.headGen(client) && calls.aux[root] === timeouts.headAttempt(client);
      timeouts.shift(client);
      // The attempt still out there is abandoned: its late answer no longer matches the root's attempt.
      if (live) this.attemptFailed(root, Cause.timeout);
    }
    if (timeouts.length(client) > 0) this.queue.push(timeouts.headDeadline(client), Ev.timeoutCheck, client, 0);
    else timeouts.idle(client);
  }

  private attemptFailed(root: number, cause: number): void {
    const calls = this.calls;
    const params = this.t.client[calls.node[root] as number];
    const attempt = calls.aux[root] as number;
    if (params && attempt < params.retries) {
      calls.aux[root] = attempt + 1;
      this.sendAttempt(root);
    } else {
      this.resolveRoot(root, cause);
    }
  }

  private resolveRoot(root: number, cause: number): void {
    if (cause === Cause.ok) this.metrics.recordClientOk(this.nowMs - (this.calls.start[root] as number));
    else this.metrics.recordClientFailure(cause);
    this.calls.release(root);
  }

  // ---- Calls between nodes ---------------------------------------------------------------------------

  /** Sends a new call from `parent` over `edge`; `aux` is the attempt number when the parent is a root. */
  private send(parent: number, edge: number, aux: number): void {
    const calls = this.calls;
    const child = calls.alloc();
    calls.state[child] = CallState.wireIn;
    calls.node[child] = this.t.edgeTarget[edge] as number;
    calls.parent[child] = parent;
    calls.parentGen[child] = calls.gen[parent] as number;
    calls.edge[child] = edge;
    calls.aux[child] = aux;
    calls.depth[child] = (calls.depth[parent] as number) + 1;
    this.metrics.recordEdgeRequest(edge);
    if (this.t.edgeLatencyIsZero[edge]) {
      this.arrive(child);
    } else {
      const latency = sampleMs(this.t.edgeLatency[edge] as Distribution, this.t.edgeRng[edge] as RandomStream);
      this.queue.push(this.nowMs + latency, Ev.callArrive, child, 0);
    }
  }

  private arrive(call: number): void {
    const calls = this.calls;
    const node = calls.node[call] as number;
    calls.start[call] = this.nowMs;
    this.metrics.recordArrival(node);
    if (this.failed[node]) return this.respond(call, Cause.refused);
    if ((calls.depth[call] as number) > MAX_CALL_DEPTH) return this.respond(call, Cause.rejected);
    const behaviour = this.t.behaviour[node];
    if (behaviour === KindCode.lb) {
      const edge = this.health.pick(node);
      if (edge < 0) return this.respond(call, Cause.rejected); // no healthy target: 503
      calls.state[call] = CallState.proxying;
      return this.send(call, edge, 0);
    }
    // A client is a source of traffic, not a server: a call to one is answered at once.
    if (behaviour === KindCode.client) return this.respond(call, Cause.ok);
    if ((this.busy[node] as number) < (this.t.workers[node] as number)) {
      this.beginService(node, call);
    } else if ((this.waitLength[node] as number) < (this.t.queueCapacity[node] as number)) {
      this.enqueue(node, call);
    } else {
      this.respond(call, Cause.rejected);
    }
  }

  private beginService(node: number, call: number): void {
    this.touch(node);
    this.busy[node] = (this.busy[node] as number) + 1;
    const calls = this.calls;
    calls.state[call] = CallState.serving;
    calls.aux[call] = 0;
    const duration = sampleMs(this.t.service[node] as Distribution, this.t.serviceRng[node] as RandomStream);
    this.queue.push(this.nowMs + duration, Ev.serviceDone, call, calls.gen[call] as number);
  }

  /** After its own work a node calls each downstream node in turn, holding its worker, then answers. */
  private afterService(call: number): void {
    const node = this.calls.node[call] as number;
    const out = this.t.outEdges[node] as Int32Array;
    if (out.length === 0) return this.respond(call, Cause.ok);
    this.calls.state[call] = CallState.waiting;
    this.calls.aux[call] = 0;
    this.send(call, out[0] as number, 0);
  }

  /** Finishes a call at its node with an outcome and sends the answer back over its edge. */
  private respond(call: number, cause: number): void {
    const calls = this.calls;
    const node = calls.node[call] as number;
    const state = calls.state[call];
    if (cause === Cause.ok) this.metrics.recordNodeOk(node, this.nowMs - (calls.start[call] as number));
    else this.metrics.recordNodeError(node, cause);
    if (state === CallState.serving || state === CallState.waiting) this.releaseWorker(node);
    calls.state[call] = CallState.wireOut;
    calls.outcome[call] = cause;
    const edge = calls.edge[call] as number;
    if (cause !== Cause.ok) this.metrics.recordEdgeError(edge);
    if (this.t.edgeLatencyIsZero[edge]) {
      this.deliverResponse(call);
    } else {
      const latency = sampleMs(this.t.edgeLatency[edge] as Distribution, this.t.edgeRng[edge] as RandomStream);
      this.queue.push(this.nowMs + latency, Ev.response, call, calls.gen[call] as number);
    }
  }

  /** The answer of `child` reaches its caller. */
  private deliverResponse(child: number): void {
    const calls = this.calls;
    const parent = calls.parent[child] as number;
    const parentGen = calls.parentGen[child] as number;
    const cause = calls.outcome[child] as number;
    const attempt = calls.aux[child] as number;
    calls.release(child);
    // The caller gave up (timeout) or was reset by a crash: nobody is listening any more.
    if (calls.gen[parent] !== parentGen) return;
    const state = calls.state[parent];
    if (state === CallState.root) {
      if (attempt !== calls.aux[parent]) return; // the answer to an attempt already timed out
      if (cause === Cause.ok) this.resolveRoot(parent, Cause.ok);
      else this.attemptFailed(parent, cause);
    } else if (state === CallState.proxying) {
      this.respond(parent, cause);
    } else if (state === CallState.waiting) {
      if (cause !== Cause.ok) return this.respond(parent, cause);
      const out = this.t.outEdges[calls.node[parent] as number] as Int32Array;
      const step = (calls.aux[parent] as number) + 1;
      if (step >= out.length) return this.respond(parent, Cause.ok);
      calls.aux[parent] = step;
      this.send(parent, out[step] as number, 0);
    }
  }

  // ---- Workers and queues ----------------------------------------------------------------------------

  private enqueue(node: number, call: number): void {
    this.touch(node);
    this.calls.state[call] = CallState.queued;
    let ring = this.waiting[node] as Int32Array;
    const length = this.waitLength[node] as number;
    if (length === ring.length) ring = this.growRing(node);
    ring[((this.waitHead[node] as number) + length) % ring.length] = call;
    this.waitLength[node] = length + 1;
  }

  private releaseWorker(node: number): void {
    this.touch(node);
    this.busy[node] = (this.busy[node] as number) - 1;
    const length = this.waitLength[node] as number;
    if (length > 0) {
      const ring = this.waiting[node] as Int32Array;
      const head = this.waitHead[node] as number;
      const next = ring[head] as number;
      this.waitHead[node] = (head + 1) % ring.length;
      this.waitLength[node] = length - 1;
      this.beginService(node, next);
    }
  }

  private growRing(node: number): Int32Array {
    const old = this.waiting[node] as Int32Array;
    const head = this.waitHead[node] as number;
    const ring = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) ring[i] = old[(head + i) % old.length] as number;
    this.waiting[node] = ring;
    this.waitHead[node] = 0;
    return ring;
  }

  /** Integrates a node's busy workers and queue length up to now, before either changes. */
  private touch(node: number): void {
    const since = this.lastChange[node] as number;
    if (this.nowMs > since) {
      this.metrics.addAreas(node, this.busy[node] as number, this.waitLength[node] as number, this.nowMs - since);
      this.lastChange[node] = this.nowMs;
    }
  }

  private pickRoundRobin(node: number): number {
    const out = this.t.outEdges[node] as Int32Array;
    if (out.length === 0) return -1;
    const i = this.nextTarget[node] as number;
    this.nextTarget[node] = (i + 1) % out.length;
    return out[i] as number;
  }

  // ---- Faults ----------------------------------------------------------------------------------------

  /**
   * A crash: the node refuses new connections, and every request it holds (queued, in service, waiting on
   * a downstream call or being proxied) is answered at once with a connection reset.
   */
  private failNode(node: number): void {
    if (this.failed[node]) return;
    this.touch(node);
    this.failed[node] = 1;
    this.note('fail', node);
    const calls = this.calls;
    for (let c = 0; c < calls.capacity; c++) {
      const state = calls.state[c];
      if (calls.node[c] !== node) continue;
      if (state === CallState.queued || state === CallState.serving || state === CallState.waiting || state === CallState.proxying) {
        // Nothing is waiting to be dequeued any more; the worker is released without starting the next.
        calls.state[c] = CallState.wireIn;
        this.respond(c, Cause.refused);
      }
    }
    this.busy[node] = 0;
    this.waitLength[node] = 0;
    this.waitHead[node] = 0;
  }

  private recoverNode(node: number): void {
    if (!this.failed[node]) return;
    this.touch(node);
    this.failed[node] = 0;
    this.note('recover', node);
  }

  private note(type: SimEvent['type'], node: number, by = -1): void {
    const event: SimEvent = { t: this.nowSec, type, target: this.t.nodeIds[node] as string };
    this.simEvents.push(by >= 0 ? { ...event, by: this.t.nodeIds[by] as string } : event);
  }

  // ---- Per-second rows -------------------------------------------------------------------------------

  /** Closes every whole second that ends at or before `timeMs`. */
  private closeSecondsUntil(timeMs: number): void {
    const n = this.t.nodeIds.length;
    while (this.nextSecondMs <= timeMs) {
      const boundary = this.nextSecondMs;
      for (let i = 0; i < n; i++) {
        const since = this.lastChange[i] as number;
        if (boundary > since) {
          this.metrics.addAreas(i, this.busy[i] as number, this.waitLength[i] as number, boundary - since);
          this.lastChange[i] = boundary;
        }
      }
      this.rows.push(this.metrics.closeSecond(boundary / 1000 - 1));
      this.nextSecondMs = boundary + 1000;
    }
  }
}
