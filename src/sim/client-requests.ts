import { absentOf, CLIENT_PARAMS } from '../model/params';
import type { ClientParams } from '../model/types';
import { CallState } from './call-pool';
import { sampleMs } from './distributions';
import { Ev, type EngineContext } from './engine-context';
import { NO_CALL, NO_EDGE, type CallIx, type EdgeIx, type IxArray, type NodeIx } from './indices';
import type { KeySampler } from './keys';
import { Cause } from './metrics';
import type { RandomStream } from './random';
import { DEFAULT_USERS } from './topology';

/** Think time of a closed-loop user when the client does not say (README "Closed-loop users"). */
const DEFAULT_THINK = absentOf(CLIENT_PARAMS, 'think');

/**
 * The client side of every request (DESIGN.md §3): a root record per request, one attempt at a time,
 * timeouts per attempt, retries after full-jitter exponential backoff within the retry budget, and the
 * circuit breaker. Latency is measured here, from first send to final answer. A closed-loop client
 * (`arrival=closed`) is a fixed population of users: each sends, waits for the final answer (or the
 * failure after its retries), thinks, and sends again.
 */
export class ClientRequests {
  /** Next target of each client's round-robin over its outgoing edges. */
  private readonly clientNext: Int32Array;

  constructor(private readonly engine: EngineContext) {
    this.clientNext = new Int32Array(engine.topology.nodeIds.length);
  }

  scheduleArrival(client: NodeIx): void {
    const engine = this.engine;
    if (engine.topology.closedLoop[client]) return; // its users send, not an arrival process
    const clients = engine.clients;
    const perMs = (clients.ratePerSec[client] as number) / 1000;
    // Poisson arrivals (the common case) are drawn here, as Clients.nextArrivalMs would: a double returned
    // from a call that is not inlined is boxed, once per request (docs/ENGINE-NOTES.md).
    const at =
      clients.poisson[client] === 1 && perMs > 0
        ? engine.nowMs - Math.log((engine.topology.arrivalRng[client] as RandomStream).nextOpenZero()) / perMs
        : clients.nextArrivalMs(client, engine.nowMs);
    // Infinity (no more requests) takes no sequence number, as it scheduled no event before the clock.
    engine.arrivals.set(client, at, at === Infinity ? Infinity : engine.queue.takeSeq());
  }

  /** A closed-loop client's users start thinking at t = 0: each sends its first request after one think time. */
  startUsers(client: number): void {
    const users = (this.engine.topology.client[client] as ClientParams).users ?? DEFAULT_USERS;
    for (let user = 0; user < users; user++) this.thinkThenSend(client, user);
  }

  private thinkThenSend(client: number, user: number): void {
    const think = (this.engine.topology.client[client] as ClientParams).think ?? DEFAULT_THINK;
    const at = this.engine.nowMs + sampleMs(think, this.engine.topology.arrivalRng[client] as RandomStream);
    this.engine.queue.push(at, Ev.userArrival, client, user);
  }

  /** A closed-loop user has thought: it sends its next request (a failed client's users think again). */
  onUserArrival(client: NodeIx, user: number): void {
    if (this.engine.faults.isDown(client)) return this.thinkThenSend(client, user);
    this.newRequest(client, (this.engine.topology.userOffset[client] as number) + user);
  }

  /** A client's arrival process fires: a new request, and the next arrival scheduled. */
  onClientArrival(client: NodeIx): void {
    this.scheduleArrival(client);
    // A failed client sends nothing, but its arrival clock keeps running so recovery resumes the process.
    if (this.engine.faults.isDown(client)) return;
    this.newRequest(client, this.engine.clients.userOf(client));
  }

  private newRequest(client: NodeIx, user: number): void {
    const calls = this.engine.calls;
    const root = calls.alloc();
    calls.move(root, CallState.root);
    calls.node[root] = client;
    calls.parent[root] = NO_CALL;
    calls.edge[root] = NO_EDGE;
    calls.attempt[root] = 0;
    calls.depth[root] = 0;
    calls.key[root] = user;
    calls.write[root] = this.engine.clients.writes(client) ? 1 : 0;
    const sampler = this.engine.topology.keySampler[client] as KeySampler | null;
    calls.dataKey[root] =
      sampler === null ? -1 : sampler.sample(this.engine.topology.keyRng[client] as RandomStream);
    calls.start[root] = this.engine.nowMs;
    this.engine.metrics.recordRequest();
    this.engine.clients.deposit(client);
    this.sendAttempt(root);
  }

  sendAttempt(root: CallIx): void {
    const calls = this.engine.calls;
    const client = calls.node[root] as NodeIx;
    this.engine.metrics.recordAttempt();
    if (!this.engine.clients.breakerAdmits(client, this.engine.nowMs))
      return this.resolveRoot(root, Cause.rejected);
    const edge = this.pickRoundRobin(client);
    if (edge === NO_EDGE) return this.attemptFailed(root, Cause.refused);
    const timeoutMs = this.engine.clients.timeoutMs[client] as number;
    if (timeoutMs !== Infinity)
      this.engine.watch(client, root, calls.attempt[root] as number, this.engine.nowMs + timeoutMs);
    this.engine.send(root, edge, calls.attempt[root] as number);
  }

  /** An attempt failed: retry after a backoff when retries and budget allow, else fail the request. */
  attemptFailed(root: CallIx, cause: number): void {
    const calls = this.engine.calls;
    const client = calls.node[root] as NodeIx;
    this.breakerRecord(client, false);
    const attempt = (calls.attempt[root] as number) + 1;
    if (
      attempt > (this.engine.topology.client[client] as { retries: number }).retries ||
      !this.engine.clients.mayRetry(client)
    ) {
      return this.resolveRoot(root, cause);
    }
    // A new attempt number voids the answer of the one that failed, should it still arrive.
    calls.attempt[root] = attempt;
    const wait = this.engine.clients.backoffMs(client, attempt);
    if (wait > 0) {
      calls.move(root, CallState.backoff);
      this.engine.queue.push(this.engine.nowMs + wait, Ev.retry, root, calls.gen[root] as number);
    } else {
      this.sendAttempt(root);
    }
  }

  resolveRoot(root: CallIx, cause: number): void {
    const calls = this.engine.calls;
    const client = calls.node[root] as NodeIx;
    if (cause === Cause.ok) {
      this.breakerRecord(client, true);
      this.engine.metrics.recordClientOk(this.engine.nowMs - (calls.start[root] as number));
    } else {
      this.engine.metrics.recordClientFailure(cause);
    }
    if (this.engine.topology.closedLoop[client])
      this.thinkThenSend(
        client,
        (calls.key[root] as number) - (this.engine.topology.userOffset[client] as number),
      );
    calls.release(root);
  }

  private breakerRecord(client: NodeIx, ok: boolean): void {
    const change = this.engine.clients.breakerRecord(client, ok, this.engine.nowMs);
    if (change)
      this.engine.note(
        change === 'open' ? 'breaker-open' : 'breaker-close',
        this.engine.topology.nodeIds[client] as string,
      );
  }

  /** A client with several targets sends to each in turn. */
  private pickRoundRobin(node: NodeIx): EdgeIx {
    const out = this.engine.topology.outEdges[node] as IxArray<EdgeIx>;
    if (out.length <= 1) return out.length === 1 ? (out[0] as EdgeIx) : NO_EDGE;
    const i = this.clientNext[node] as number;
    this.clientNext[node] = (i + 1) % out.length;
    return out[i] as EdgeIx;
  }
}
