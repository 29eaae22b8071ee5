import type { ArchDocument, Distribution, ScenarioStep } from '../model/types';
import { Alerts, describeRule } from './alerts';
import { ArrivalClock } from './arrival-clock';
import { CallPool, CallState, CheckedCallPool } from './call-pool';
import { ClientRequests } from './client-requests';
import { Clients } from './clients';
import { sampleMs } from './distributions';
import { EventQueue } from './event-queue';
import { FaultState, resolveTarget } from './faults';
import { NO_CALL, NO_EDGE, type CallIx, type EdgeIx, type IxArray, type NodeIx } from './indices';
import { CacheMode, Caches, hitRatioOf } from './keyed-cache';
import { Limiters } from './limiter';
import { loadFactor } from './load-latency';
import { Ev, type EngineContext } from './engine-context';
import { LoadBalancers } from './load-balancers';
import { Dns } from './dns';
import { Cause, Metrics } from './metrics';
import type { RandomStream } from './random';
import type {
  LatencyWindow,
  LiveSnapshot,
  NodeTotals,
  RunTotals,
  SecondRow,
  SimEvent,
  SimEventType,
  WindowLatency,
} from './results';
import type { Simulation } from './simulation';
import { MessageStore } from './message-store';
import { MultiPrimary } from './multi-primary';
import { QueueDelivery } from './queue-delivery';
import { Replication } from './replication';
import { ScenarioSteps } from './scenario-steps';
import { Sessions } from './sessions';
import { TimeoutQueue } from './timeout-queue';
import { compileTopology, KindCode, type Topology } from './topology';
import { WorkerPools } from './worker-pools';

/** Beyond this many hops a request is failed: a cycle in the topology (A calls B calls A) must end. */
export const MAX_CALL_DEPTH = 32;
/** A request lost on the network is reported to its caller as dropped after this long (a TCP connect timeout). */
export const LOST_REQUEST_MS = 3000;
/** Default cap on the events of one run: a run that reaches it stops, reported as such, instead of hanging. */
export const DEFAULT_MAX_EVENTS = 2_000_000_000;

export interface SimulationOptions {
  readonly seed?: number;
  /** Stop the run after this many events ("stopped at N events"). */
  readonly maxEvents?: number;
  /** Fail on any call-state change missing from CALL_TRANSITIONS (call-pool.ts); for tests. */
  readonly checkTransitions?: boolean;
  /** Windows whose latency percentiles are kept apart (expectations `during A..B`); absent: none. */
  readonly latencyWindows?: readonly LatencyWindow[];
}

/**
 * Creates a run of `doc` (DESIGN.md §3). The engine is a discrete-event simulation in continuous time:
 * requests are individual, each hop is a call record, and each node kind has its behaviour below.
 */
export function createSimulation(doc: ArchDocument, options: SimulationOptions = {}): Simulation {
  const engine = new Engine(
    doc,
    options.seed ?? doc.sim.seed,
    options.maxEvents ?? DEFAULT_MAX_EVENTS,
    options.checkTransitions === true ? new CheckedCallPool() : new CallPool(),
  );
  if (options.latencyWindows?.length) engine.metrics.keepWindows(options.latencyWindows);
  return engine;
}

/**
 * The event loop and the life of a call (send, arrive, serve, call downstream, respond, deliver the
 * answer); clients, message-queue delivery and scenario steps live in their own modules, which reach the
 * run through {@link EngineContext}.
 */
class Engine implements Simulation, EngineContext {
  readonly topology: Topology;
  readonly queue = new EventQueue();
  readonly arrivals: ArrivalClock;
  readonly metrics: Metrics;
  readonly faults: FaultState;
  readonly lbs: LoadBalancers;
  readonly clients: Clients;
  readonly pools: WorkerPools;
  readonly sessions: Sessions;
  readonly replication: Replication;
  readonly peers: MultiPrimary | null;
  readonly messages: MessageStore;
  readonly caches: Caches;
  private readonly limiters: Limiters;
  private readonly timeouts: TimeoutQueue;
  private readonly dns: Dns;
  private readonly alerts: Alerts;
  private readonly requests: ClientRequests;
  private readonly delivery: QueueDelivery;
  private readonly steps: ScenarioSteps;
  private readonly durationMs: number;
  /** Whole seconds of warm-up, excluded from the run's latency and node figures. */
  private readonly warmupMs: number;
  private readonly scheduled: ScenarioStep[] = [];
  /** Per node: the mean of an exponential service time, NaN for any other distribution (or none). */
  private readonly serviceExpMeanMs: Float64Array;
  nowMs = 0;
  private events = 0;
  private nextSecondMs = 1000;
  private rows: SecondRow[] = [];
  private simEvents: SimEvent[] = [];
  private depthLimitNoted = false;
  /**
   * Whether a caller can give up on work in progress: some timeout is finite, a node starts failed, or a
   * scenario step (a fault) is scheduled. Without any, nothing is ever wasted and the check is skipped.
   */
  private callersMayGiveUp: boolean;
  /** Calls that reached their node over a zero-latency edge while another arrival was being handled. */
  /** Pairs (call, generation); a typed array with a count, since truncating a JS array costs a runtime call. */
  private pendingArrivals = new Int32Array(64);
  private pendingCount = 0;
  private arriving = false;
  stopped: string | undefined;

  constructor(
    doc: ArchDocument,
    seed: number,
    private readonly maxEvents: number,
    readonly calls: CallPool,
  ) {
    const topology = compileTopology(doc, seed);
    this.topology = topology;
    this.callersMayGiveUp =
      topology.startsFailed.some((failed) => failed === 1) ||
      topology.callTimeoutMs.some((ms) => ms !== Infinity) ||
      topology.client.some((client) => client !== null && client.timeoutMs !== Infinity);
    const n = topology.nodeIds.length;
    this.arrivals = new ArrivalClock(
      n,
      topology.nodeIds.flatMap((_, i) => (topology.client[i] && !topology.closedLoop[i] ? [i as NodeIx] : [])),
    );
    this.serviceExpMeanMs = Float64Array.from(topology.service, (d) => (d?.type === 'exp' ? d.meanMs : NaN));
    this.durationMs = doc.sim.durationSec * 1000;
    this.warmupMs = Math.floor(doc.sim.warmupSec) * 1000;
    this.metrics = new Metrics(topology);
    this.faults = new FaultState(topology);
    this.pools = new WorkerPools(n, this.metrics);
    this.timeouts = new TimeoutQueue(n);
    this.clients = new Clients(topology);
    this.sessions = new Sessions(topology, topology.totalUsers);
    this.replication = new Replication(topology, topology.totalUsers);
    this.messages = new MessageStore(topology);
    this.messages.onExpired = (q) => this.metrics.recordNodeError(q, Cause.shed);
    const peers =
      topology.peerGroups.length > 0
        ? new MultiPrimary(
            topology,
            this.faults,
            (atMs, msg, group) => this.queue.push(atMs, Ev.replicate, msg, group),
            (edge) => this.metrics.recordEdgeRequest(edge as EdgeIx),
          )
        : null;
    this.peers = peers;
    this.alerts = new Alerts(doc.alerts ?? []);
    this.caches = new Caches(topology, seed);
    this.limiters = new Limiters(topology, this.metrics);
    this.metrics.nodeRunExtras = (node) => {
      if (this.caches.mode[node] === CacheMode.none) return undefined;
      const run = this.caches.run(node);
      return { hitRatio: hitRatioOf(run), evictions: run.evictions };
    };
    const stateExtras = (node: NodeIx) =>
      peers?.isPeer(node)
        ? { replicationLagMs: peers.lagMs(node, this.nowMs) }
        : this.replication.replicates(node)
          ? { replicationLagMs: this.replication.lagMs(node, this.nowMs) }
          : topology.isQueue[node]
            ? {
                backlog: this.messages.stored[node] as number,
                oldestAgeMs: this.messages.oldestAgeMs(node, this.nowMs),
              }
            : undefined;
    this.metrics.nodeExtras = (node) => {
      if (this.caches.mode[node] === CacheMode.none) return stateExtras(node);
      const second = this.caches.takeSecond(node);
      return {
        cacheHits: second.hits,
        cacheMisses: second.misses,
        hitRatio: hitRatioOf(second),
        cacheEntries: second.entries,
        evictions: second.evictions,
      };
    };
    this.metrics.stateCounters = () => ({
      sessionsLost: this.sessions.lost,
      writesLost: this.replication.writesLost,
      staleReads: this.replication.staleReads + (peers?.staleReads ?? 0),
      duplicates: this.messages.duplicates,
      redeliveries: this.messages.redeliveries,
      deadLettered: this.messages.deadLettered,
      conflicts: peers?.conflicts ?? 0,
      lostUpdates: peers?.lostUpdates ?? 0,
    });
    if (peers)
      this.metrics.peerGauges = () => ({
        divergentKeys: peers.divergentKeys,
        replicationLagMs: peers.maxLagMs(this.nowMs),
      });
    this.lbs = new LoadBalancers(topology, this.faults, {
      scheduleProbe: (atMs, edge) => this.queue.push(atMs, Ev.probe, edge, 0),
      scheduleProbeResult: (atMs, edge, success) =>
        this.queue.push(atMs, Ev.probeResult, edge, success ? 1 : 0),
      schedulePromotion: (atMs, edge) => this.queue.push(atMs, Ev.promote, edge, 0),
      note: (type, edge) =>
        this.note(
          type,
          topology.nodeIds[topology.edgeTarget[edge] as NodeIx] as string,
          topology.nodeIds[topology.edgeSource[edge] as NodeIx],
        ),
    });
    this.dns = new Dns(topology, this.lbs);
    this.requests = new ClientRequests(this);
    this.delivery = new QueueDelivery(this);
    this.steps = new ScenarioSteps(this, this.requests, this.delivery);
    for (let i = 0; i < n; i++) {
      if (topology.closedLoop[i]) this.requests.startUsers(i as NodeIx);
      else if (topology.client[i]) this.requests.scheduleArrival(i as NodeIx);
    }
    this.lbs.start();
    for (const step of doc.scenario) this.schedule(step);
  }

  get nowSec(): number {
    return this.nowMs / 1000;
  }
  get durationSec(): number {
    return this.durationMs / 1000;
  }
  get done(): boolean {
    return this.stopped !== undefined || this.nowMs >= this.durationMs;
  }
  get eventCount(): number {
    return this.events;
  }

  advance(untilSec: number, maxEvents = Infinity): number {
    const untilMs = Math.min(untilSec * 1000, this.durationMs);
    const budget = Math.min(maxEvents, this.maxEvents - this.events);
    const processed = this.runEvents(untilMs, budget);
    this.events += processed;
    const nextMs = Math.min(this.queue.peekTime(), this.arrivals.nextTime);
    if (this.events >= this.maxEvents && nextMs <= untilMs && this.stopped === undefined) {
      this.stopped = `stopped at ${this.events} events`;
      this.note('stopped', '', undefined, this.stopped);
    } else if (processed < budget && untilMs > this.nowMs) {
      // Nothing else happens before untilMs: time moves on to it.
      if (untilMs >= this.nextSecondMs) this.closeSecondsUntil(untilMs);
      this.nowMs = untilMs;
    }
    return processed;
  }

  /**
   * The event loop: runs at most `budget` events due by `untilMs`. A function of its own, apart from the
   * bookkeeping of {@link advance}: V8 then optimises it whole on its calls, where a loop inside a longer
   * function is entered through on-stack replacement every slice and left through a deoptimisation at the
   * code after it, which had no type feedback (docs/ENGINE-NOTES.md).
   */
  private runEvents(untilMs: number, budget: number): number {
    const queue = this.queue;
    const arrivals = this.arrivals;
    let processed = 0;
    while (processed < budget) {
      // A client's next request counts as an event, taken in the order it would have had in the queue.
      if (arrivals.isBefore(queue.peekTime(), queue.peekSeq())) {
        const time = arrivals.nextTime;
        if (time > untilMs) break;
        if (time >= this.nextSecondMs) this.closeSecondsUntil(time);
        this.nowMs = time;
        this.requests.onClientArrival(arrivals.nextClient as NodeIx);
      } else {
        if (queue.size === 0 || queue.peekTime() > untilMs) break;
        queue.pop();
        const time = queue.poppedTime;
        if (time >= this.nextSecondMs) this.closeSecondsUntil(time);
        this.nowMs = time;
        this.dispatch(queue.poppedType, queue.poppedArg, queue.poppedArg2);
      }
      processed++;
    }
    return processed;
  }

  schedule(step: ScenarioStep): void {
    if (!resolveTarget(this.topology, step.target))
      throw new Error(`scenario step targets unknown "${step.target}"`);
    this.callersMayGiveUp = true;
    const atMs = step.atSec * 1000;
    if (atMs < this.nowMs)
      throw new Error(`cannot schedule at ${step.atSec}s: the run is already at ${this.nowSec}s`);
    this.queue.pushFirst(atMs, this.scheduled.length, Ev.step, this.scheduled.length, 0);
    this.scheduled.push(step);
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
    type NodeLive = LiveSnapshot['nodes'][string];
    const nodes = Object.create(null) as Record<string, NodeLive>;
    this.topology.nodeIds.forEach((id, i) => {
      nodes[id] = {
        health: this.faults.health(i as NodeIx),
        busy: this.pools.busy[i] as number,
        queued: this.pools.waitLength[i] as number,
      };
    });
    return { nowSec: this.nowSec, nodes, lbViews: this.lbs.views(this.nowMs) };
  }

  totals(): RunTotals {
    const m = this.metrics;
    return m.totals(m.requests - m.ok - m.failed, this.nowSec);
  }

  nodeTotals(): Readonly<Record<string, NodeTotals>> {
    return this.metrics.nodeTotals();
  }

  windowLatencies(): readonly WindowLatency[] {
    return this.metrics.windowLatencies();
  }

  /** Counts the requests whose client record is still open: an independent check of conservation. */
  countOpenRequests(): number {
    const calls = this.calls;
    let open = 0;
    for (let c = 0; c < calls.capacity; c++) {
      if (calls.state[c] === CallState.root || calls.state[c] === CallState.backoff) open++;
    }
    return open;
  }

  private dispatch(type: number, arg: number, arg2: number): void {
    const calls = this.calls;
    switch (type) {
      case Ev.callArrive:
        if (calls.gen[arg] === arg2) this.arrive(arg as CallIx);
        return;
      case Ev.serviceDone:
        if (calls.gen[arg] === arg2) this.afterService(arg as CallIx);
        return;
      case Ev.response:
        if (calls.gen[arg] === arg2) this.deliverResponse(arg as CallIx);
        return;
      case Ev.timeoutCheck:
        return this.onTimeoutCheck(arg as NodeIx);
      case Ev.probe:
        return this.lbs.probe(arg as EdgeIx, this.nowMs);
      case Ev.probeResult:
        return this.lbs.result(arg as EdgeIx, arg2 === 1, this.nowMs);
      case Ev.step:
        return this.steps.applyStep(this.scheduled[arg] as ScenarioStep);
      case Ev.retry:
        if (calls.gen[arg] === arg2 && calls.state[arg] === CallState.backoff) {
          calls.move(arg as CallIx, CallState.root);
          this.requests.sendAttempt(arg as CallIx);
        }
        return;
      case Ev.promote:
        return this.lbs.promoted(arg as EdgeIx);
      case Ev.failover:
        return this.steps.failover(arg as NodeIx, arg2);
      case Ev.replicate:
        return (this.peers as MultiPrimary).deliver(arg, arg2);
      case Ev.userArrival:
        return this.requests.onUserArrival(arg as NodeIx, arg2);
    }
  }

  /** Starts the timeout of `call`'s current attempt, step or delivery (`tag`), owned by `node`. */
  watch(node: NodeIx, call: CallIx, tag: number, deadlineMs: number): void {
    if (this.timeouts.push(node, call, this.calls.gen[call] as number, tag, deadlineMs)) {
      this.queue.push(deadlineMs, Ev.timeoutCheck, node, 0);
    }
  }

  private onTimeoutCheck(node: NodeIx): void {
    const timeouts = this.timeouts;
    const calls = this.calls;
    while (timeouts.hasExpired(node, this.nowMs)) {
      const call = timeouts.headCall(node);
      const live = this.isWatched(node);
      timeouts.shift(node);
      if (!live) continue;
      // The call still out there is abandoned: its late answer no longer matches.
      const state = calls.state[call];
      if (state === CallState.root) this.requests.attemptFailed(call, Cause.timeout);
      else if (state === CallState.waiting) this.respond(call, Cause.timeout);
      else if (state === CallState.delivering || state === CallState.orphaned)
        this.delivery.visibilityExpired(call);
    }
    // Most calls are answered long before their deadline: dropping them now means the next check is for
    // a call still waiting, instead of one check event per call.
    while (timeouts.length(node) > 0 && !this.isWatched(node)) timeouts.shift(node);
    if (timeouts.length(node) > 0) this.queue.push(timeouts.headDeadline(node), Ev.timeoutCheck, node, 0);
    else timeouts.idle(node);
  }

  /** Whether the call at the head of a node's timeout FIFO is still the attempt, step or delivery it watches. */
  private isWatched(node: NodeIx): boolean {
    const calls = this.calls;
    const call = this.timeouts.headCall(node);
    if (calls.gen[call] !== this.timeouts.headGen(node)) return false;
    const state = calls.state[call];
    const current =
      state === CallState.waiting
        ? calls.step[call]
        : state === CallState.delivering || state === CallState.orphaned
          ? calls.message[call]
          : calls.attempt[call];
    return current === this.timeouts.headTag(node);
  }

  /** Sends a new call from `parent` over `edge`, as part of the parent's `attempt` (0 unless a root's). */
  send(parent: CallIx, edge: EdgeIx, attempt: number): void {
    const calls = this.calls;
    const faults = this.faults;
    const child = calls.alloc();
    calls.move(child, CallState.wireIn);
    calls.node[child] = this.topology.edgeTarget[edge] as NodeIx;
    calls.parent[child] = parent;
    calls.parentGen[child] = calls.gen[parent] as number;
    calls.edge[child] = edge;
    calls.attempt[child] = attempt;
    calls.depth[child] = (calls.depth[parent] as number) + 1;
    calls.key[child] = calls.key[parent] as number;
    calls.write[child] = calls.write[parent] as number;
    calls.dataKey[child] = calls.dataKey[parent] as number;
    this.metrics.recordEdgeRequest(edge);
    this.lbs.active[edge] = (this.lbs.active[edge] as number) + 1;
    const loss = faults.edgeLoss[edge] as number;
    if (faults.edgeCut[edge] || (loss > 0 && (this.topology.lossRng[edge] as RandomStream).next() < loss)) {
      return this.lose(child);
    }
    if (this.topology.edgeLatencyIsZero[edge] && faults.edgeAddedMs[edge] === 0) return this.arriveNow(child);
    this.queue.push(this.nowMs + this.latencyMs(edge), Ev.callArrive, child, calls.gen[child] as number);
  }

  /**
   * An arrival over a zero-latency edge, handled at once but never nested inside another arrival: a
   * chain of such hops (load balancers, DNS nodes, a service calling many clients) runs as a loop here
   * instead of as a recursion as deep as the chain, which a long chain or a cycle would overflow.
   */
  private arriveNow(call: CallIx): void {
    if (this.arriving) {
      if (this.pendingCount + 2 > this.pendingArrivals.length) {
        const grown = new Int32Array(this.pendingArrivals.length * 2);
        grown.set(this.pendingArrivals);
        this.pendingArrivals = grown;
      }
      this.pendingArrivals[this.pendingCount++] = call;
      this.pendingArrivals[this.pendingCount++] = this.calls.gen[call] as number;
      return;
    }
    this.arriving = true;
    this.arrive(call);
    // Arrivals handled here may queue more: the count is read afresh on every turn. (No try/finally: an
    // exception here is an engine bug that ends the run, and the guard costs on every request.)
    if (this.pendingCount > 0) this.arrivePending();
    this.arriving = false;
  }

  private arrivePending(): void {
    for (let i = 0; i < this.pendingCount; i += 2) {
      const next = this.pendingArrivals[i] as CallIx;
      if (this.calls.gen[next] === this.pendingArrivals[i + 1]) this.arrive(next);
    }
    this.pendingCount = 0;
  }

  private latencyMs(edge: EdgeIx): number {
    const topology = this.topology;
    if (topology.edgeLatencyIsZero[edge]) return this.faults.edgeAddedMs[edge] as number;
    const rng = topology.edgeRng[edge] as RandomStream;
    let latency =
      sampleMs(topology.edgeLatency[edge] as Distribution, rng) + (this.faults.edgeAddedMs[edge] as number);
    for (const region of topology.edgeRegionLatency[edge] as readonly Distribution[])
      latency += sampleMs(region, rng);
    return latency;
  }

  /** A request or answer lost on the network: the caller learns it only when its connection gives up. */
  private lose(call: CallIx): void {
    const calls = this.calls;
    calls.move(call, CallState.wireOut);
    calls.outcome[call] = Cause.dropped;
    this.metrics.recordEdgeError(calls.edge[call] as EdgeIx);
    this.queue.push(this.nowMs + LOST_REQUEST_MS, Ev.response, call, calls.gen[call] as number);
  }

  private arrive(call: CallIx): void {
    const calls = this.calls;
    const topology = this.topology;
    const node = calls.node[call] as NodeIx;
    calls.start[call] = this.nowMs;
    this.metrics.recordArrival(node);
    // The common case first: a worker node that is up, reached within the hop limit (what the checks
    // below find for it, in fewer steps).
    if (
      topology.behaviour[node] === KindCode.worker &&
      (calls.depth[call] as number) <= MAX_CALL_DEPTH &&
      ((this.faults.crashed[node] as number) |
        (this.faults.hung[node] as number) |
        (topology.isQueue[node] as number)) ===
        0
    )
      return this.arriveAtWorker(node, call);
    this.arriveOther(node, call);
  }

  /** A call reaches a worker node that is up (not a queue): served, queued, shed or rejected. */
  private arriveAtWorker(node: NodeIx, call: CallIx): void {
    const topology = this.topology;
    const pools = this.pools;
    if ((pools.busy[node] as number) < (topology.workers[node] as number)) {
      this.beginService(node, call);
    } else if ((pools.waitLength[node] as number) < (topology.queueCapacity[node] as number)) {
      if (
        topology.queuePolicy[node] &&
        (pools.waitLength[node] as number) >= (topology.shedAt[node] as number)
      )
        return this.respond(call, Cause.shed);
      this.calls.move(call, CallState.queued);
      pools.enqueue(node, call, this.nowMs);
    } else {
      this.respond(call, Cause.rejected);
    }
  }

  private arriveOther(node: NodeIx, call: CallIx): void {
    const calls = this.calls;
    const topology = this.topology;
    // The hop limit comes first: DNS nodes answering with each other would otherwise loop for ever.
    if ((calls.depth[call] as number) > MAX_CALL_DEPTH) {
      if (!this.depthLimitNoted) {
        this.depthLimitNoted = true;
        this.note(
          'depth-limit',
          topology.nodeIds[node] as string,
          undefined,
          `more than ${MAX_CALL_DEPTH} hops: a cycle?`,
        );
      }
      return this.respond(call, Cause.rejected);
    }
    if (topology.behaviour[node] === KindCode.dns) return this.resolveName(node, call);
    if (this.faults.crashed[node]) {
      if (this.peers?.isPeer(node) && this.toOtherPeer(call, node)) return;
      return this.respond(call, Cause.refused);
    }
    if (this.faults.hung[node]) return calls.move(call, CallState.held);
    const behaviour = topology.behaviour[node];
    if (behaviour === KindCode.lb) {
      const edge = this.lbs.pick(node, calls.key[call] as number, this.nowMs);
      if (edge === NO_EDGE) return this.respond(call, Cause.rejected); // no eligible target: a 503
      calls.move(call, CallState.proxying);
      return this.send(call, edge, 0);
    }
    if (behaviour === KindCode.limiter) return this.throughLimiter(node, call);
    // A client is a source of traffic, not a server: a call to one is answered at once.
    if (behaviour === KindCode.client) return this.respond(call, Cause.ok);
    // A bounded message queue rejects producers once it holds `bound` messages, and sheds them (`shed`)
    // once it holds that many (README "Load shedding").
    if (topology.isQueue[node]) {
      const stored = this.messages.stored[node] as number;
      if (stored >= (this.messages.bound[node] as number)) return this.respond(call, Cause.rejected);
      // Messages the broker is still storing count too, so the backlog never passes `shed`.
      const storing = (this.pools.busy[node] as number) + (this.pools.waitLength[node] as number);
      if (stored + storing >= (this.messages.shedAt[node] as number)) return this.respond(call, Cause.shed);
    }
    this.arriveAtWorker(node, call);
  }

  /** A limiter forwards what its limit admits to its downstream node(s) in turn and rejects the rest at once. */
  private throughLimiter(node: NodeIx, call: CallIx): void {
    if (!this.limiters.admit(node, this.nowMs)) return this.respond(call, Cause.rejected);
    const edge = this.limiters.pickEdge(node);
    if (edge === NO_EDGE) {
      this.limiters.release(node, this.nowMs);
      return this.respond(call, Cause.rejected);
    }
    this.calls.move(call, CallState.proxying);
    this.send(call, edge, 0);
  }

  private beginService(node: NodeIx, call: CallIx): void {
    const topology = this.topology;
    this.pools.take(node, this.nowMs);
    const calls = this.calls;
    calls.move(call, CallState.serving);
    const rng = topology.serviceRng[node] as RandomStream;
    // Exponential service (the common case) is drawn here, as sampleMs would: a double returned from a
    // call that is not inlined is boxed, once per request (docs/ENGINE-NOTES.md).
    const expMeanMs = this.serviceExpMeanMs[node] as number;
    const drawn =
      expMeanMs === expMeanMs
        ? -expMeanMs * Math.log(rng.nextOpenZero())
        : sampleMs(topology.service[node] as Distribution, rng);
    let duration = drawn * (this.faults.slowFactor[node] as number);
    const model = topology.loadModel[node] as number;
    if (model !== 0) {
      const u = (this.pools.busy[node] as number) / (topology.workers[node] as number);
      duration *= loadFactor(model, topology.loadK[node] as number, topology.loadN[node] as number, u);
    }
    if (calls.write[call]) duration += this.stateWriteDelayMs(node, rng);
    this.queue.push(this.nowMs + duration, Ev.serviceDone, call, calls.gen[call] as number);
  }

  /** What keeping state costs a write: copying a session to peers, or waiting for a synchronous replica. */
  private stateWriteDelayMs(node: NodeIx, rng: RandomStream): number {
    if (this.sessions.isReplicated(node)) return this.sessions.syncDelayMs(node, rng);
    if (this.peers?.isPeer(node)) return this.peers.syncDelayMs(node, rng);
    if (this.replication.replicates(node)) return this.replication.syncDelayMs(node, rng);
    return 0;
  }

  /** After its own work a node calls each downstream node in turn, holding its worker, then answers. */
  private afterService(call: CallIx): void {
    const calls = this.calls;
    const node = calls.node[call] as NodeIx;
    if (this.faults.hung[node]) return calls.move(call, CallState.held);
    const errorRate = this.faults.errorRate[node] as number;
    if (errorRate > 0 && (this.topology.faultRng[node] as RandomStream).next() < errorRate)
      return this.respond(call, Cause.error);
    if (this.topology.isQueue[node]) return this.delivery.accepted(node, call);
    // A synchronous peer that cannot reach every other peer refuses the write (consistency over availability).
    if (this.peers !== null && calls.write[call] && this.peers.isPeer(node) && this.peers.refusesWrite(node))
      return this.respond(call, Cause.error);
    const cacheMode = this.caches.mode[node] as number;
    if (cacheMode !== CacheMode.none && this.caches.lookup(node, calls.dataKey[call] as number, this.nowMs))
      return this.respond(call, Cause.ok);
    const out = this.topology.outEdges[node] as IxArray<EdgeIx>;
    const first = this.skipWayBack(call, out, 0);
    if (first >= out.length) return this.workDone(call, node);
    calls.move(call, CallState.waiting);
    this.callDownstream(call, node, first, out);
  }

  /**
   * `step`, or the step after it when that one is the way straight back to the caller over a both-way
   * link (`A <--> B`: B calls A, but not with the request A sent it; README.md, "Links").
   */
  private skipWayBack(call: CallIx, out: IxArray<EdgeIx>, step: number): number {
    const edge = this.calls.edge[call] as EdgeIx;
    if (edge < 0 || step >= out.length) return step;
    return out[step] === this.topology.edgeReverse[edge] ? step + 1 : step;
  }

  private callDownstream(call: CallIx, node: NodeIx, step: number, out: IxArray<EdgeIx>): void {
    this.calls.step[call] = step;
    const timeoutMs = this.topology.callTimeoutMs[node] as number;
    if (timeoutMs !== Infinity) this.watch(node, call, step, this.nowMs + timeoutMs);
    this.send(call, out[step] as EdgeIx, 0);
  }

  /** Finishes a call at its node with an outcome and sends the answer back over its edge. */
  respond(call: CallIx, cause: number): void {
    const calls = this.calls;
    const node = calls.node[call] as NodeIx;
    const state = calls.state[call];
    if (cause === Cause.ok) {
      // A queue's own latency is end to end (enqueue to acknowledgement), recorded when a consumer acks.
      if (!this.topology.isQueue[node])
        this.metrics.recordNodeOk(node, this.nowMs - (calls.start[call] as number));
      if (this.topology.usersMatter) this.servedWithState(node, call);
      if (this.callersMayGiveUp && this.topology.behaviour[node] === KindCode.worker && this.callerGone(call))
        this.metrics.recordWasted(node);
    } else {
      this.metrics.recordNodeError(node, cause);
    }
    if (state === CallState.serving || state === CallState.waiting) {
      this.pools.release(node, this.nowMs);
      if ((this.pools.waitLength[node] as number) > 0) this.startWaiting(node);
    } else if (state === CallState.proxying && this.topology.behaviour[node] === KindCode.limiter) {
      this.limiters.release(node, this.nowMs);
    }
    calls.move(call, CallState.wireOut);
    calls.outcome[call] = cause;
    const edge = calls.edge[call] as EdgeIx;
    if (this.faults.edgeCut[edge]) return this.lose(call);
    if (cause !== Cause.ok) this.metrics.recordEdgeError(edge);
    if (this.topology.edgeLatencyIsZero[edge] && this.faults.edgeAddedMs[edge] === 0)
      return this.deliverResponse(call);
    this.queue.push(this.nowMs + this.latencyMs(edge), Ev.response, call, calls.gen[call] as number);
  }

  /**
   * A call to a crashed multi-primary peer is served by another peer reachable over a link that is up
   * (the connection fails over), after the round trip between them. False when there is none.
   */
  private toOtherPeer(call: CallIx, node: NodeIx): boolean {
    const peers = this.peers as MultiPrimary;
    const other = peers.failoverPeer(node);
    if (other < 0) return false;
    const calls = this.calls;
    // Still on its way (wireIn), now to the other peer.
    calls.node[call] = other;
    calls.depth[call] = (calls.depth[call] as number) + 1;
    const delay = peers.roundTripMs(node, other, this.topology.serviceRng[node] as RandomStream);
    this.queue.push(this.nowMs + delay, Ev.callArrive, call, calls.gen[call] as number);
    return true;
  }

  /**
   * Starts waiting calls on free workers: the oldest first, or the newest with `queue_order=lifo`; a call
   * that waited longer than `max_wait` is shed instead of served (README "Load shedding").
   */
  startWaiting(node: NodeIx): void {
    const t = this.topology;
    const pools = this.pools;
    const calls = this.calls;
    const policy = t.queuePolicy[node] === 1;
    while (
      (pools.waitLength[node] as number) > 0 &&
      (pools.busy[node] as number) < (t.workers[node] as number)
    ) {
      const next = pools.dequeue(node, this.nowMs, policy && t.lifo[node] === 1);
      if (policy && this.nowMs - (calls.start[next] as number) > (t.maxWaitMs[node] as number))
        this.respond(next, Cause.shed);
      else this.beginService(node, next);
    }
  }

  /**
   * Whether nobody waits any more for the work `call` just finished: somewhere up its chain of callers a
   * call was given up (timed out, retried, reset by a crash, held by a hung node). That work is wasted.
   */
  private callerGone(call: CallIx): boolean {
    const calls = this.calls;
    let c = call;
    for (;;) {
      const parent = calls.parent[c] as CallIx;
      if (parent === NO_CALL) return false;
      if (calls.gen[parent] !== calls.parentGen[c]) return true;
      const state = calls.state[parent];
      if (state === CallState.root) return calls.attempt[parent] !== calls.attempt[c];
      if (
        state === CallState.wireOut ||
        state === CallState.reset ||
        state === CallState.backoff ||
        state === CallState.held ||
        state === CallState.orphaned
      )
        return true;
      c = parent;
    }
  }

  /** A node's work and its downstream calls are done: a keyed cache keeps the answer, and the call is answered. */
  private workDone(call: CallIx, node: NodeIx): void {
    if (this.caches.mode[node] === CacheMode.keyed)
      this.caches.fill(node, this.calls.dataKey[call] as number, this.nowMs);
    this.respond(call, Cause.ok);
  }

  /** A request answered successfully reads and writes the state the node keeps. */
  private servedWithState(node: NodeIx, call: CallIx): void {
    const calls = this.calls;
    const user = calls.key[call] as number;
    if (this.sessions.keeps(node)) this.sessions.served(node, user);
    if (this.peers?.isPeer(node)) {
      if (calls.write[call]) this.peers.wrote(node, this.keyOf(call), user, this.nowMs);
      else this.peers.read(node, user);
    }
    if (this.replication.replicates(node)) {
      if (calls.write[call])
        this.replication.wrote(node, user, this.nowMs, this.topology.serviceRng[node] as RandomStream);
      else this.replication.read(node, user, this.nowMs);
    }
  }

  /**
   * The data key a write names: the request's key (client `keys`), else its user's own record, numbered
   * below zero so the two never share a key (README "Active-active data").
   */
  private keyOf(call: CallIx): number {
    const key = this.calls.dataKey[call] as number;
    return key >= 0 ? key : -1 - (this.calls.key[call] as number);
  }

  /** The answer of `child` reaches its caller. */
  private deliverResponse(child: CallIx): void {
    const calls = this.calls;
    const parent = calls.parent[child] as CallIx;
    const parentGen = calls.parentGen[child] as number;
    const cause = calls.outcome[child] as number;
    const attempt = calls.attempt[child] as number;
    const edge = calls.edge[child] as EdgeIx;
    calls.release(child);
    this.lbs.active[edge] = (this.lbs.active[edge] as number) - 1;
    // The caller gave up (timeout) or was reset by a crash: nobody is listening any more.
    if (calls.gen[parent] !== parentGen) return;
    const state = calls.state[parent];
    if (state === CallState.root) {
      if (attempt !== calls.attempt[parent]) return; // the answer to an attempt already timed out
      if (cause === Cause.ok) this.requests.resolveRoot(parent, Cause.ok);
      else this.requests.attemptFailed(parent, cause);
    } else if (state === CallState.proxying) {
      this.lbs.answered(edge, cause === Cause.ok, this.nowMs);
      this.respond(parent, cause);
    } else if (state === CallState.delivering) {
      this.delivery.deliveryAnswered(parent, cause);
    } else if (state === CallState.waiting) {
      const node = calls.node[parent] as NodeIx;
      if (this.faults.hung[node]) return calls.move(parent, CallState.held);
      if (cause !== Cause.ok) return this.respond(parent, cause);
      const out = this.topology.outEdges[node] as IxArray<EdgeIx>;
      const step = this.skipWayBack(parent, out, (calls.step[parent] as number) + 1);
      if (step >= out.length) return this.workDone(parent, node);
      this.callDownstream(parent, node, step, out);
    }
  }

  /**
   * A request passing a DNS node goes where the user's cached answer points, even to a failed region and
   * even while the DNS service is down; without a valid answer it is resolved afresh.
   */
  private resolveName(node: NodeIx, call: CallIx): void {
    const calls = this.calls;
    const user = calls.key[call] as number;
    let edge = this.dns.cached(node, user, this.nowMs);
    if (edge === NO_EDGE) {
      if (this.faults.crashed[node]) return this.respond(call, Cause.refused);
      if (this.faults.hung[node]) return calls.move(call, CallState.held);
      edge = this.dns.resolve(node, user, this.nowMs);
      if (edge === NO_EDGE) return this.respond(call, Cause.rejected);
    }
    calls.move(call, CallState.proxying);
    this.send(call, edge, 0);
  }

  /** Records an event for the event log and the chart markers. */
  note(type: SimEventType, target: string, by?: string, detail?: string): void {
    this.simEvents.push({
      t: this.nowSec,
      type,
      target,
      ...(by !== undefined ? { by } : {}),
      ...(detail !== undefined ? { detail } : {}),
    });
  }

  /** Closes every whole second that ends at or before `timeMs`. */
  private closeSecondsUntil(timeMs: number): void {
    const n = this.topology.nodeIds.length;
    while (this.nextSecondMs <= timeMs) {
      const boundary = this.nextSecondMs;
      for (let i = 0; i < n; i++) {
        this.pools.integrate(i as NodeIx, boundary);
        this.limiters.integrate(i, boundary);
      }
      const row = this.metrics.closeSecond(boundary / 1000 - 1);
      this.rows.push(row);
      for (const change of this.alerts.evaluate(row)) {
        this.simEvents.push({
          t: change.t,
          type: change.firing ? 'alert-firing' : 'alert-resolved',
          target: change.rule.id,
          detail: describeRule(change.rule),
        });
      }
      if (boundary === this.warmupMs) {
        this.metrics.endWarmup();
        this.caches.endWarmup();
      }
      this.nextSecondMs = boundary + 1000;
    }
  }
}
