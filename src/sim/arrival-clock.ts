import type { NodeIx } from './indices';

/**
 * The next request of every open-loop client, kept beside the future event list instead of in it: one
 * arrival per request is the commonest event of a run, and a time in a typed array is cheaper to set and
 * to read than a heap entry to push and pop (docs/ENGINE-NOTES.md, "What made the difference").
 *
 * Each arrival carries the sequence number the event list would have given it (`EventQueue.takeSeq`),
 * so arrivals and events at the same instant keep the order they had when arrivals were events: the run is
 * the same bit for bit. A client has at most one arrival pending; setting another replaces it (a `load` step
 * changing the rate). The earliest is found by scanning the clients, which costs less than a heap for the
 * few clients a document has.
 */
export class ArrivalClock {
  private readonly times: Float64Array;
  private readonly seqs: Float64Array;
  /** The open-loop clients, scanned for the earliest arrival. */
  private readonly clients: Int32Array;
  /** The client whose arrival is earliest (-1 when none is pending), and that arrival. */
  nextClient = -1;
  nextTime = Infinity;
  nextSeq = Infinity;

  constructor(nodeCount: number, clients: readonly NodeIx[]) {
    this.times = new Float64Array(nodeCount).fill(Infinity);
    this.seqs = new Float64Array(nodeCount).fill(Infinity);
    this.clients = Int32Array.from(clients);
  }

  /** Sets `client`'s next arrival (replacing any it had); Infinity: none. */
  set(client: NodeIx, time: number, seq: number): void {
    this.times[client] = time;
    this.seqs[client] = seq;
    if (client === this.nextClient) this.findNext();
    else if (time < this.nextTime || (time === this.nextTime && seq < this.nextSeq)) {
      this.nextClient = client;
      this.nextTime = time;
      this.nextSeq = seq;
    }
  }

  /** Whether the next arrival comes before an event at (`time`, `seq`). */
  isBefore(time: number, seq: number): boolean {
    return this.nextTime < time || (this.nextTime === time && this.nextSeq < seq);
  }

  private findNext(): void {
    let best = -1;
    let bestTime = Infinity;
    let bestSeq = Infinity;
    const clients = this.clients;
    for (let i = 0; i < clients.length; i++) {
      const c = clients[i] as number;
      const time = this.times[c] as number;
      if (time < bestTime || (time === bestTime && (this.seqs[c] as number) < bestSeq)) {
        best = c;
        bestTime = time;
        bestSeq = this.seqs[c] as number;
      }
    }
    this.nextClient = bestTime === Infinity ? -1 : best;
    this.nextTime = bestTime;
    this.nextSeq = bestSeq;
  }
}
