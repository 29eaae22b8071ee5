/**
 * The future event list: a binary min-heap ordered by (time, sequence), kept in typed arrays so the hot
 * loop allocates nothing. An event is a time, a type code and two integer arguments. Ties in time are
 * broken by sequence number, which makes the order of simultaneous events part of the run's definition
 * (and so deterministic).
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private types = new Int32Array(1024);
  private args = new Int32Array(1024);
  private args2 = new Int32Array(1024);
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Sequence number of the earliest event; Infinity when empty (it breaks ties with the arrival clock's requests). */
  peekSeq(): number {
    return this.count > 0 ? (this.seqs[0] as number) : Infinity;
  }

  /**
   * The sequence number the next {@link push} would use, taken for an event kept outside the heap (a
   * client's next arrival, src/sim/arrival-clock.ts) so that it orders among these events as if it were one.
   */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Adds an event after every event already queued for the same time. */
  push(time: number, type: number, arg: number, arg2: number): void {
    this.append(time, this.nextSeq++, type, arg, arg2);
  }

  /**
   * Adds an event before every ordinary event at the same time: faults happen "at" their time, before
   * whatever else was due then, whether they were scheduled up front or during the run.
   */
  pushFirst(time: number, order: number, type: number, arg: number, arg2: number): void {
    this.append(time, order - 1e15, type, arg, arg2);
  }

  /**
   * Writes the event in the first free slot and sifts it up. Kept small so that it is inlined where
   * events are scheduled: the time never crosses a call as an argument, which would box the double on
   * every event (docs/ENGINE-NOTES.md); {@link siftUp} reads it back from the array.
   */
  private append(time: number, seq: number, type: number, arg: number, arg2: number): void {
    const i = this.count;
    if (i === this.times.length) this.grow();
    this.times[i] = time;
    this.seqs[i] = seq;
    this.types[i] = type;
    this.args[i] = arg;
    this.args2[i] = arg2;
    this.count = i + 1;
    if (i > 0) this.siftUp(i);
  }

  // The popped event's fields, read after pop(): no object is allocated per event.
  poppedTime = 0;
  poppedType = 0;
  poppedArg = 0;
  poppedArg2 = 0;

  /** Removes the earliest event into the popped* fields. The queue must not be empty. */
  pop(): void {
    const times = this.times;
    const seqs = this.seqs;
    const types = this.types;
    const args = this.args;
    const args2 = this.args2;
    this.poppedTime = times[0] as number;
    this.poppedType = types[0] as number;
    this.poppedArg = args[0] as number;
    this.poppedArg2 = args2[0] as number;
    const n = --this.count;
    if (n === 0) return;
    // Sift the last element down from the root.
    const t = times[n] as number;
    const s = seqs[n] as number;
    const ty = types[n] as number;
    const a = args[n] as number;
    const a2 = args2[n] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      let ct = times[left] as number;
      if (right < n) {
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (seqs[right] as number) < (seqs[left] as number))) {
          child = right;
          ct = rt;
        }
      }
      if (ct > t || (ct === t && (seqs[child] as number) > s)) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      types[i] = types[child] as number;
      args[i] = args[child] as number;
      args2[i] = args2[child] as number;
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    types[i] = ty;
    args[i] = a;
    args2[i] = a2;
  }

  /** Moves the event in slot `from` up to its place in the heap. */
  private siftUp(from: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const types = this.types;
    const args = this.args;
    const args2 = this.args2;
    const time = times[from] as number;
    const seq = seqs[from] as number;
    const type = types[from] as number;
    const arg = args[from] as number;
    const arg2 = args2[from] as number;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      types[i] = types[parent] as number;
      args[i] = args[parent] as number;
      args2[i] = args2[parent] as number;
      i = parent;
    }
    if (i === from) return;
    times[i] = time;
    seqs[i] = seq;
    types[i] = type;
    args[i] = arg;
    args2[i] = arg2;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.seqs = grown(this.seqs, (n) => new Float64Array(n));
    this.types = grown(this.types, (n) => new Int32Array(n));
    this.args = grown(this.args, (n) => new Int32Array(n));
    this.args2 = grown(this.args2, (n) => new Int32Array(n));
  }
}
