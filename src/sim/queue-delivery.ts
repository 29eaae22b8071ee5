import { CallState as CALL_STATES } from './call-pool';
import type { EngineContext } from './engine-context';
import { Cause as CAUSES } from './metrics';

// Module-local copies of imported constant tables: see engine.ts.
const CallState = { ...CALL_STATES };
const Cause = { ...CAUSES };

/**
 * Message queues' side of the engine (DESIGN.md §3): producers are answered once the broker has stored
 * their message; consumers pull one message per free worker; an unacknowledged delivery reappears at its
 * visibility timeout; failed attempts go back to the queue or, after too many, to the dead-letter queue.
 */
export class QueueDelivery {
  /** Next consumer of each message queue's round-robin. */
  private readonly queueNext: Int32Array;

  constructor(private readonly e: EngineContext) {
    this.queueNext = new Int32Array(e.t.nodeIds.length);
  }

  /** The broker has stored a producer's message: the producer gets its acknowledgement now. */
  accepted(q: number, call: number): void {
    const calls = this.e.calls;
    this.e.messages.add(q, calls.key[call] as number, calls.write[call] as number, this.e.nowMs);
    this.e.respond(call, Cause.ok);
    this.deliver(q);
  }

  /**
   * Consumers pull: each visible message goes to the next consumer (round-robin) that is up and has a
   * worker not already taken by a delivery, until messages or free consumers run out.
   */
  deliver(q: number): void {
    if (this.e.faults.isDown(q)) return;
    const out = this.e.t.outEdges[q] as Int32Array;
    const messages = this.e.messages;
    const calls = this.e.calls;
    while (messages.hasVisible(q)) {
      let edge = -1;
      for (let k = 0; k < out.length && edge < 0; k++) {
        const i = ((this.queueNext[q] as number) + k) % out.length;
        const e = out[i] as number;
        const consumer = this.e.t.edgeTarget[e] as number;
        if (
          !this.e.faults.isDown(consumer) &&
          (this.e.lbs.active[e] as number) < (this.e.t.workers[consumer] as number)
        ) {
          edge = e;
          this.queueNext[q] = (i + 1) % out.length;
        }
      }
      if (edge < 0) return;
      const delivery = calls.alloc();
      const m = messages.takeVisible(q, delivery);
      calls.state[delivery] = CallState.delivering;
      calls.node[delivery] = q;
      calls.parent[delivery] = -1;
      calls.edge[delivery] = -1;
      calls.depth[delivery] = 0;
      calls.start[delivery] = this.e.nowMs;
      calls.aux[delivery] = m;
      calls.extra[delivery] = messages.genOf(m);
      calls.key[delivery] = messages.keyOf(m);
      calls.write[delivery] = messages.writeOf(m);
      this.e.watch(q, delivery, m, this.e.nowMs + (messages.visibilityMs[q] as number));
      this.e.send(delivery, edge, 0);
    }
  }

  /**
   * A consumer answered a delivery. OK: the message is acknowledged (a second acknowledgement of the same
   * message is a duplicate). Reset by a crash: the broker does not hear of it; the message reappears at its
   * visibility timeout. Any other error: a failed attempt, visible again or dead-lettered.
   */
  deliveryAnswered(delivery: number, cause: number): void {
    const calls = this.e.calls;
    const messages = this.e.messages;
    const q = calls.node[delivery] as number;
    const m = calls.aux[delivery] as number;
    const gen = calls.extra[delivery] as number;
    if (cause === Cause.refused) {
      calls.state[delivery] = CallState.orphaned;
      return;
    }
    if (cause === Cause.ok) {
      if (messages.isStored(m, gen)) {
        this.e.metrics.recordNodeOk(q, this.e.nowMs - messages.enqueuedAtOf(m));
        messages.ack(q, m);
      } else {
        messages.duplicates++;
      }
    } else if (messages.inFlightWith(m, gen, delivery)) {
      messages.failed(q, m);
    }
    calls.release(delivery);
    this.deliver(q);
  }

  /** A delivery was not acknowledged in time: the message becomes visible to consumers again. */
  visibilityExpired(delivery: number): void {
    const calls = this.e.calls;
    const q = calls.node[delivery] as number;
    const m = calls.aux[delivery] as number;
    if (this.e.messages.inFlightWith(m, calls.extra[delivery] as number, delivery))
      this.e.messages.makeVisible(q, m);
    // A delivery still being processed stays, so that its late acknowledgement is counted.
    if (calls.state[delivery] === CallState.orphaned) calls.release(delivery);
    this.deliver(q);
  }
}
