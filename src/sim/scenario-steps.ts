import type { ScenarioStep } from '../model/types';
import { CallState as CALL_STATES } from './call-pool';
import type { ClientRequests } from './client-requests';
import { Ev as EVENT_TYPES, type EngineContext } from './engine-context';
import { resolveTarget, type ResolvedTarget } from './faults';
import { Cause as CAUSES } from './metrics';
import type { QueueDelivery } from './queue-delivery';

// Module-local copies of imported constant tables: see engine.ts.
const CallState = { ...CALL_STATES };
const Cause = { ...CAUSES };
const Ev = { ...EVENT_TYPES };

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
    private readonly e: EngineContext,
    private readonly requests: ClientRequests,
    private readonly delivery: QueueDelivery,
  ) {
    this.failoverGen = new Int32Array(e.t.nodeIds.length);
    this.failedOver = new Uint8Array(e.t.nodeIds.length);
    this.crashedAt = new Float64Array(e.t.nodeIds.length);
  }

  applyStep(step: ScenarioStep): void {
    const target = resolveTarget(this.e.t, step.target);
    if (!target) return;
    this.applyResolved(step, target);
    // Replication between peers pauses over cut links and crashed peers, and resumes when they are back.
    if (step.action === 'fail' || step.action === 'recover' || step.action === 'partition')
      this.e.peers?.linksChanged(this.e.nowMs);
  }

  private applyResolved(step: ScenarioStep, target: ResolvedTarget): void {
    const faults = this.e.faults;
    switch (step.action) {
      case 'fail':
        for (const node of target.nodes) {
          if (step.mode === 'hang') faults.hung[node] = 1;
          else this.crash(node);
        }
        for (const edge of target.edges) faults.edgeCut[edge] = 1;
        this.e.note(step.mode === 'hang' ? 'hang' : 'fail', step.target);
        return;
      case 'recover':
        for (const node of target.nodes) this.recover(node);
        for (const edge of target.edges) faults.recoverEdge(edge);
        this.e.note('recover', step.target);
        // Recovered queues and consumers pull again.
        for (const node of target.nodes) {
          if (this.e.t.isQueue[node]) this.delivery.deliver(node);
          for (const q of this.e.t.upstreamQueues[node] as Int32Array) this.delivery.deliver(q);
        }
        return;
      case 'degrade':
        for (const node of target.nodes) faults.degradeNode(node, step);
        for (const edge of target.edges) faults.degradeEdge(edge, step);
        this.e.note('degrade', step.target, undefined, describeDegradation(step));
        return;
      case 'partition':
        for (const edge of target.edges) faults.edgeCut[edge] = 1;
        this.e.note('partition', step.target);
        return;
      case 'load':
        for (const node of target.nodes) {
          if (!this.e.t.client[node] || step.ratePerSec === undefined) continue;
          this.e.clients.ratePerSec[node] = step.ratePerSec;
          this.e.clients.arrivalGen[node] = (this.e.clients.arrivalGen[node] as number) + 1;
          this.requests.scheduleArrival(node);
        }
        this.e.note(
          'load',
          step.target,
          undefined,
          step.ratePerSec === undefined ? undefined : `${step.ratePerSec} req/s`,
        );
        return;
    }
  }

  /**
   * A crash: the node refuses new connections, and every request it holds (queued, in service, waiting on
   * a downstream call, proxied or held) is answered at once with a connection reset.
   */
  private crash(node: number): void {
    if (this.e.faults.crashed[node]) return;
    this.e.faults.crashed[node] = 1;
    this.e.faults.hung[node] = 0;
    this.resetCalls(node);
    this.e.sessions.nodeLost(node, (other) => this.e.faults.isDown(other));
    if (this.e.t.kinds[node] === 'database') {
      this.failoverGen[node] = (this.failoverGen[node] as number) + 1;
      this.crashedAt[node] = this.e.nowMs;
      const takeoverMs = this.e.replication.primaryLost(node, this.e.nowMs);
      if (takeoverMs !== Infinity)
        this.e.queue.push(takeoverMs, Ev.failover, node, this.failoverGen[node] as number);
    }
  }

  private recover(node: number): void {
    const faults = this.e.faults;
    faults.clearDegradation(node);
    if (faults.hung[node]) {
      // A hung process is restarted: what it held is reset, and what it kept in memory is gone.
      faults.hung[node] = 0;
      this.resetCalls(node);
      this.e.sessions.nodeLost(node, (other) => this.e.faults.isDown(other));
    }
    if (this.e.t.kinds[node] === 'database') {
      this.failoverGen[node] = (this.failoverGen[node] as number) + 1;
      // After a failover the old primary comes back as a replica; before one, it is the primary again.
      if (this.failedOver[node]) {
        this.failedOver[node] = 0;
        this.e.replication.rejoined(node);
      }
    }
    faults.crashed[node] = 0;
  }

  private resetCalls(node: number): void {
    const calls = this.e.calls;
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
        // Released together below: no waiting call may start on a worker of the crashed node.
        calls.state[c] = CallState.wireIn;
        this.e.respond(c, Cause.refused);
      }
    }
    this.e.pools.clear(node, this.e.nowMs);
  }

  /** The failover scheduled at a primary's crash is due: a replica becomes the primary. */
  failover(node: number, gen: number): void {
    if (this.failoverGen[node] !== gen || !this.e.faults.crashed[node]) return;
    // The database answers again, with one replica fewer.
    this.e.faults.crashed[node] = 0;
    this.failedOver[node] = 1;
    this.e.replication.promoted(node);
    const failoverSec = (this.e.nowMs - (this.crashedAt[node] as number)) / 1000;
    this.e.note(
      'promote',
      this.e.t.nodeIds[node] as string,
      undefined,
      `replica promoted to primary, ${+failoverSec.toFixed(3)} s after the crash`,
    );
  }
}

function describeDegradation(step: ScenarioStep): string | undefined {
  const parts: string[] = [];
  if (step.factor !== undefined) parts.push(`×${step.factor} slower`);
  if (step.errorRate !== undefined) parts.push(`${+(step.errorRate * 100).toFixed(2)}% errors`);
  if (step.addedLatencyMs !== undefined) parts.push(`+${step.addedLatencyMs} ms`);
  if (step.loss !== undefined) parts.push(`${+(step.loss * 100).toFixed(2)}% loss`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
