import { CallState as CALL_STATES } from './call-pool';
import { Ev as EVENT_TYPES, type EngineContext } from './engine-context';
import { Cause as CAUSES } from './metrics';

// Module-local copies of imported constant tables: see engine.ts.
const CallState = { ...CALL_STATES };
const Cause = { ...CAUSES };
const Ev = { ...EVENT_TYPES };

/**
 * The client side of every request (DESIGN.md §3): a root record per request, one attempt at a time,
 * timeouts per attempt, retries after full-jitter exponential backoff within the retry budget, and the
 * circuit breaker. Latency is measured here, from first send to final answer.
 */
export class ClientRequests {
  /** Next target of each client's round-robin over its outgoing edges. */
  private readonly clientNext: Int32Array;

  constructor(private readonly e: EngineContext) {
    this.clientNext = new Int32Array(e.t.nodeIds.length);
  }

  scheduleArrival(client: number): void {
    const at = this.e.clients.nextArrivalMs(client, this.e.nowMs);
    if (at !== Infinity)
      this.e.queue.push(at, Ev.clientArrival, client, this.e.clients.arrivalGen[client] as number);
  }

  /** A client's arrival process fires: a new request, and the next arrival scheduled. */
  onClientArrival(client: number): void {
    this.scheduleArrival(client);
    // A failed client sends nothing, but its arrival clock keeps running so recovery resumes the process.
    if (this.e.faults.isDown(client)) return;
    const calls = this.e.calls;
    const root = calls.alloc();
    calls.state[root] = CallState.root;
    calls.node[root] = client;
    calls.parent[root] = -1;
    calls.edge[root] = -1;
    calls.aux[root] = 0;
    calls.depth[root] = 0;
    calls.key[root] = this.e.clients.userOf(client);
    calls.write[root] = this.e.clients.writes(client) ? 1 : 0;
    calls.start[root] = this.e.nowMs;
    this.e.metrics.recordRequest();
    this.e.clients.deposit(client);
    this.sendAttempt(root);
  }

  sendAttempt(root: number): void {
    const calls = this.e.calls;
    const client = calls.node[root] as number;
    this.e.metrics.recordAttempt();
    if (!this.e.clients.breakerAdmits(client, this.e.nowMs)) return this.resolveRoot(root, Cause.rejected);
    const edge = this.pickRoundRobin(client);
    if (edge < 0) return this.attemptFailed(root, Cause.refused);
    const timeoutMs = (this.e.t.client[client] as { timeoutMs: number }).timeoutMs;
    if (timeoutMs !== Infinity)
      this.e.watch(client, root, calls.aux[root] as number, this.e.nowMs + timeoutMs);
    this.e.send(root, edge, calls.aux[root] as number);
  }

  /** An attempt failed: retry after a backoff when retries and budget allow, else fail the request. */
  attemptFailed(root: number, cause: number): void {
    const calls = this.e.calls;
    const client = calls.node[root] as number;
    this.breakerRecord(client, false);
    const attempt = (calls.aux[root] as number) + 1;
    if (
      attempt > (this.e.t.client[client] as { retries: number }).retries ||
      !this.e.clients.mayRetry(client)
    ) {
      return this.resolveRoot(root, cause);
    }
    // A new attempt number voids the answer of the one that failed, should it still arrive.
    calls.aux[root] = attempt;
    const wait = this.e.clients.backoffMs(client, attempt);
    if (wait > 0) {
      calls.state[root] = CallState.backoff;
      this.e.queue.push(this.e.nowMs + wait, Ev.retry, root, calls.gen[root] as number);
    } else {
      this.sendAttempt(root);
    }
  }

  resolveRoot(root: number, cause: number): void {
    if (cause === Cause.ok) {
      this.breakerRecord(this.e.calls.node[root] as number, true);
      this.e.metrics.recordClientOk(this.e.nowMs - (this.e.calls.start[root] as number));
    } else {
      this.e.metrics.recordClientFailure(cause);
    }
    this.e.calls.release(root);
  }

  private breakerRecord(client: number, ok: boolean): void {
    const change = this.e.clients.breakerRecord(client, ok, this.e.nowMs);
    if (change)
      this.e.note(change === 'open' ? 'breaker-open' : 'breaker-close', this.e.t.nodeIds[client] as string);
  }

  /** A client with several targets sends to each in turn. */
  private pickRoundRobin(node: number): number {
    const out = this.e.t.outEdges[node] as Int32Array;
    if (out.length <= 1) return out.length === 1 ? (out[0] as number) : -1;
    const i = this.clientNext[node] as number;
    this.clientNext[node] = (i + 1) % out.length;
    return out[i] as number;
  }
}
