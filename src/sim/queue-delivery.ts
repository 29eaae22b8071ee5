import { CallState } from './call-pool';
import type { EngineContext } from './engine-context';
import { NO_CALL, NO_EDGE, type CallIx, type EdgeIx, type IxArray, type NodeIx } from './indices';
import { Cause } from './metrics';

/**
 * Message queues' side of the engine (DESIGN.md §3): producers are answered once the broker has stored
 * their message; consumers pull one message per free worker; an unacknowledged delivery reappears at its
 * visibility timeout; failed attempts go back to the queue or, after too many, to the dead-letter queue.
 */
export class QueueDelivery {
  /** Next consumer of each message queue's round-robin. */
  private readonly queueNext: Int32Array;

  constructor(private readonly engine: EngineContext) {
    this.queueNext = new Int32Array(engine.topology.nodeIds.length);
  }

  /** The broker has stored a producer's message: the producer gets its acknowledgement now. */
  accepted(q: NodeIx, call: CallIx): void {
    const calls = this.engine.calls;
    this.engine.messages.add(q, calls.key[call] as number, calls.write[call] as number, this.engine.nowMs);
    this.engine.respond(call, Cause.ok);
    this.deliver(q);
  }

  /**
   * Consumers pull: each visible message goes to the next consumer (round-robin) that is up and has a
   * worker not already taken by a delivery, until messages or free consumers run out.
   */
  deliver(q: NodeIx): void {
    if (this.engine.faults.isDown(q)) return;
    const out = this.engine.topology.outEdges[q] as IxArray<EdgeIx>;
    const messages = this.engine.messages;
    const calls = this.engine.calls;
    while (messages.hasVisible(q, this.engine.nowMs)) {
      let edge = NO_EDGE;
      for (let k = 0; k < out.length && edge === NO_EDGE; k++) {
        const i = ((this.queueNext[q] as number) + k) % out.length;
        const e = out[i] as EdgeIx;
        const consumer = this.engine.topology.edgeTarget[e] as NodeIx;
        if (
          !this.engine.faults.isDown(consumer) &&
          (this.engine.lbs.active[e] as number) < (this.engine.topology.workers[consumer] as number)
        ) {
          edge = e;
          this.queueNext[q] = (i + 1) % out.length;
        }
      }
      if (edge === NO_EDGE) return;
      const delivery = calls.alloc();
      const m = messages.takeVisible(q, delivery);
      calls.move(delivery, CallState.delivering);
      calls.node[delivery] = q;
      calls.parent[delivery] = NO_CALL;
      calls.edge[delivery] = NO_EDGE;
      calls.depth[delivery] = 0;
      calls.start[delivery] = this.engine.nowMs;
      calls.message[delivery] = m;
      calls.messageGen[delivery] = messages.genOf(m);
      calls.key[delivery] = messages.keyOf(m);
      calls.write[delivery] = messages.writeOf(m);
      calls.dataKey[delivery] = -1;
      this.engine.watch(q, delivery, m, this.engine.nowMs + (messages.visibilityMs[q] as number));
      this.engine.send(delivery, edge, 0);
    }
  }

  /**
   * A consumer answered a delivery. OK: the message is acknowledged (a second acknowledgement of the same
   * message is a duplicate). Reset by a crash: the broker does not hear of it; the message reappears at its
   * visibility timeout. Any other error: a failed attempt, visible again or dead-lettered.
   */
  deliveryAnswered(delivery: CallIx, cause: number): void {
    const calls = this.engine.calls;
    const messages = this.engine.messages;
    const q = calls.node[delivery] as NodeIx;
    const m = calls.message[delivery] as number;
    const gen = calls.messageGen[delivery] as number;
    if (cause === Cause.refused) {
      return calls.move(delivery, CallState.orphaned);
    }
    if (cause === Cause.ok) {
      if (messages.isStored(m, gen)) {
        this.engine.metrics.recordNodeOk(q, this.engine.nowMs - messages.enqueuedAtOf(m));
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
  visibilityExpired(delivery: CallIx): void {
    const calls = this.engine.calls;
    const q = calls.node[delivery] as NodeIx;
    const m = calls.message[delivery] as number;
    if (this.engine.messages.inFlightWith(m, calls.messageGen[delivery] as number, delivery))
      this.engine.messages.makeVisible(q, m);
    // A delivery still being processed stays, so that its late acknowledgement is counted.
    if (calls.state[delivery] === CallState.orphaned) calls.release(delivery);
    this.deliver(q);
  }
}
