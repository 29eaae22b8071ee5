import type { ScenarioStep } from '../model/types';
import { formatTrimmed } from '../model/number-format';
import { stepStrengths } from '../model/step-text';
import { CallState } from './call-pool';
import type { ClientRequests } from './client-requests';
import { Ev, type EngineContext } from './engine-context';
import { resolveTarget, type ResolvedTarget } from './faults';
import type { CallIx, IxArray, NodeIx } from './indices';
import { Cause } from './metrics';
import type { QueueDelivery } from './queue-delivery';
import { KindCode } from './topology';

/**
 * Scenario steps and their consequences (DESIGN.md §2): crashes reset what a node held, a hang holds what
 * it gets, recovery restarts a hung process, a crashed database primary fails over to a replica after
 * detection plus promotion, and load steps change a client's rate.
 */
export class ScenarioSteps {
  /** Per database: bumped on crash and recovery, to void a failover scheduled before. */
  private readonly failoverGen: Int32Array;
  /** Per database: a replica took over while the old primary was down. */
  private readonly failedOver: Uint8Array;
  /** Per database: when its primary last crashed, for the failover time. */
  private readonly crashedAt: Float64Array;

  constructor(
    private readonly engine: EngineContext,
    private readonly requests: ClientRequests,
    private readonly delivery: QueueDelivery,
  ) {
    this.failoverGen = new Int32Array(engine.topology.nodeIds.length);
    this.failedOver = new Uint8Array(engine.topology.nodeIds.length);
    this.crashedAt = new Float64Array(engine.topology.nodeIds.length);
  }

  applyStep(step: ScenarioStep): void {
    const target = resolveTarget(this.engine.topology, step.target);
    if (!target) return;
    this.applyResolved(step, target);
    // Replication between peers pauses over cut links and crashed peers, and resumes when they are back.
    if (step.action === 'fail' || step.action === 'recover' || step.action === 'partition')
      this.engine.peers?.linksChanged(this.engine.nowMs);
  }

  private applyResolved(step: ScenarioStep, target: ResolvedTarget): void {
    const faults = this.engine.faults;
    switch (step.action) {
      case 'fail':
        for (const node of target.nodes) {
          if (step.mode === 'hang') faults.hung[node] = 1;
          else this.crash(node);
        }
        for (const edge of target.edges) faults.edgeCut[edge] = 1;
        this.engine.note(step.mode === 'hang' ? 'hang' : 'fail', step.target);
        return;
      case 'recover':
        for (const node of target.nodes) this.recover(node);
        for (const edge of target.edges) faults.recoverEdge(edge);
        this.engine.note('recover', step.target);
        // Recovered queues and consumers pull again.
        for (const node of target.nodes) {
          if (this.engine.topology.isQueue[node]) this.delivery.deliver(node);
          for (const q of this.engine.topology.upstreamQueues[node] as IxArray<NodeIx>)
            this.delivery.deliver(q);
        }
        return;
      case 'degrade':
        for (const node of target.nodes) {
          faults.degradeNode(node, step);
          this.applyCapacity(node);
        }
        for (const edge of target.edges) faults.degradeEdge(edge, step);
        this.engine.note('degrade', step.target, undefined, stepStrengths(step));
        return;
      case 'flush':
        for (const node of target.nodes) this.engine.caches.flush(node);
        this.engine.note('flush', step.target);
        return;
      case 'partition':
        for (const edge of target.edges) faults.edgeCut[edge] = 1;
        this.engine.note('partition', step.target);
        return;
      case 'load':
        for (const node of target.nodes) {
          if (!this.engine.topology.client[node] || step.ratePerSec === undefined) continue;
          this.engine.clients.ratePerSec[node] = step.ratePerSec;
          // The next request at the new rate replaces the one drawn at the old rate.
          this.requests.scheduleArrival(node);
        }
        this.engine.note('load', step.target, undefined, stepStrengths(step));
        return;
      default: {
        // A new action (src/model/faults.ts `ACTIONS`) must say here what it does.
        const unknown: never = step.action;
        throw new Error(`unknown scenario action ${String(unknown)}`);
      }
    }
  }

  /**
   * A crash: the node refuses new connections, and every request it holds (queued, in service, waiting on
   * a downstream call, proxied or held) is answered at once with a connection reset.
   */
  private crash(node: NodeIx): void {
    if (this.engine.faults.crashed[node]) return;
    this.engine.faults.crashed[node] = 1;
    this.engine.faults.hung[node] = 0;
    this.resetCalls(node);
    this.engine.sessions.nodeLost(node, (other) => this.engine.faults.isDown(other));
    this.engine.caches.flush(node); // a cache keeps its entries in memory
    if (this.engine.topology.kinds[node] === 'database') {
      this.failoverGen[node] = (this.failoverGen[node] as number) + 1;
      this.crashedAt[node] = this.engine.nowMs;
      const takeoverMs = this.engine.replication.primaryLost(node, this.engine.nowMs);
      if (takeoverMs !== Infinity)
        this.engine.queue.push(takeoverMs, Ev.failover, node, this.failoverGen[node] as number);
    }
  }

  private recover(node: NodeIx): void {
    const faults = this.engine.faults;
    faults.clearDegradation(node);
    this.applyCapacity(node);
    if (faults.hung[node]) {
      // A hung process is restarted: what it held is reset, and what it kept in memory is gone.
      faults.hung[node] = 0;
      this.resetCalls(node);
      this.engine.sessions.nodeLost(node, (other) => this.engine.faults.isDown(other));
    }
    if (this.engine.topology.kinds[node] === 'database') {
      this.failoverGen[node] = (this.failoverGen[node] as number) + 1;
      // After a failover the old primary comes back as a replica; before one, it is the primary again.
      if (this.failedOver[node]) {
        this.failedOver[node] = 0;
        this.engine.replication.rejoined(node);
      }
    }
    faults.crashed[node] = 0;
  }

  /**
   * Sets the workers a node has in force from its parameters and its `workers=` degradation (at least
   * one). Work already running finishes; waiting work starts only while fewer than that are busy.
   */
  private applyCapacity(node: NodeIx): void {
    const t = this.engine.topology;
    const params = t.params[node] as { workers?: number };
    if (t.behaviour[node] !== KindCode.worker || params.workers === undefined) return;
    const workers = Math.max(
      1,
      Math.round(params.workers * (this.engine.faults.workerShare[node] as number)),
    );
    if (workers === t.workers[node]) return;
    this.engine.pools.integrate(node, this.engine.nowMs);
    t.workers[node] = workers;
    if (!this.engine.faults.isDown(node)) this.engine.startWaiting(node);
  }

  private resetCalls(node: NodeIx): void {
    const calls = this.engine.calls;
    for (let c = 0; c < calls.capacity; c++) {
      if (calls.node[c] !== node) continue;
      const state = calls.state[c];
      if (
        state === CallState.queued ||
        state === CallState.serving ||
        state === CallState.waiting ||
        state === CallState.proxying ||
        state === CallState.held
      ) {
        // Reset, not answered from service: no waiting call may start on a worker of the crashed node.
        calls.move(c as CallIx, CallState.reset);
        this.engine.respond(c as CallIx, Cause.refused);
      }
    }
    this.engine.pools.clear(node, this.engine.nowMs);
  }

  /** The failover scheduled at a primary's crash is due: a replica becomes the primary. */
  failover(node: NodeIx, gen: number): void {
    if (this.failoverGen[node] !== gen || !this.engine.faults.crashed[node]) return;
    // The database answers again, with one replica fewer.
    this.engine.faults.crashed[node] = 0;
    this.failedOver[node] = 1;
    this.engine.replication.promoted(node);
    const failoverSec = (this.engine.nowMs - (this.crashedAt[node] as number)) / 1000;
    this.engine.note(
      'promote',
      this.engine.topology.nodeIds[node] as string,
      undefined,
      `replica promoted to primary, ${formatTrimmed(failoverSec, 3)} s after the crash`,
    );
  }
}
