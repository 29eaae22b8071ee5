import type { Distribution } from '../model/types';
import { sampleMs } from './distributions';
import type { FaultState } from './faults';
import { NO_NODE, type NodeIx } from './indices';
import type { RandomStream } from './random';
import { DEFAULT_USERS, type PeerGroupPlan, type Topology } from './topology';

/** A replication message's life: waiting for its delivery event, held while the link is down, delivered. */
const Msg = { free: 0, inFlight: 1, held: 2, delivered: 3 } as const;
const INITIAL_SLOTS = 256;
const INITIAL_MESSAGES = 256;

/**
 * Multi-primary peers (README "Active-active data"): every peer of a group accepts writes and replicates
 * each one to every other peer after the link's lag. The model is exact bookkeeping of causality per key,
 * kept by the simulator with a global view (no peer needs to know it):
 *
 * - each peer holds, per key and per origin peer, the highest write sequence of that origin it has
 *   incorporated (a version vector; a write carries its writer's vector, so it also brings what its
 *   writer had seen);
 * - `live` holds, per key, the writes no other write has seen yet (at most one per origin: an origin's
 *   writes follow one another). Two or more live writes are a conflict: written on different peers, neither
 *   having seen the other.
 *
 * A conflict is settled, and counted, when one peer has incorporated all its live writes and writes the key
 * again (its new write builds on the value its policy kept), or when every peer has incorporated all of
 * them (all keep the same value). Of k live writes, k − 1 are conflicts and k − 1 are lost updates: `lww`
 * keeps the latest write, `first-wins` the earliest; the policy decides which write is lost, not how many.
 * A key is divergent while some peer lacks one of its live writes.
 *
 * With `replication=sync` a write is applied on every peer before it is acknowledged (the engine adds the
 * round trip to the write), so nothing diverges; while a link is down such writes fail instead.
 * A cut link or a crashed peer holds the messages over it; they are sent, each after a fresh lag, when the
 * link is up again (the log is durable: a crash delays replication, it does not lose it).
 */
export class MultiPrimary {
  /** Per node: its group, or -1 when it is not a peer. */
  readonly groupOf: Int32Array;
  /** Per node: its index within its group. */
  private readonly peerOf: Int32Array;
  private readonly groups: PeerKeys[];
  conflicts = 0;
  lostUpdates = 0;
  staleReads = 0;
  /** Per user: whether its client asks for read-your-writes; its last write's group, peer, key slot, sequence. */
  private readonly checksReads: Uint8Array;
  private readonly lastGroup: Int32Array;
  private readonly lastPeer: Int32Array;
  private readonly lastSlot: Int32Array;
  private readonly lastSeq: Int32Array;

  constructor(
    t: Topology,
    private readonly faults: FaultState,
    /** Schedules the delivery event of message `msg` of group `group`. */
    private readonly scheduleDelivery: (atMs: number, msg: number, group: number) => void,
    /** Counts a replication message on its link, for the canvas's traffic on the edge. */
    private readonly countOnLink: (edge: number) => void,
  ) {
    const n = t.nodeIds.length;
    this.groupOf = new Int32Array(n).fill(-1);
    this.peerOf = new Int32Array(n);
    this.groups = t.peerGroups.map((plan, g) => {
      plan.nodes.forEach((node, i) => {
        this.groupOf[node] = g;
        this.peerOf[node] = i;
      });
      return new PeerKeys(plan);
    });
    const users = t.totalUsers;
    this.checksReads = new Uint8Array(users);
    t.client.forEach((params, c) => {
      if (params?.readYourWrites !== true) return;
      const from = t.userOffset[c] as number;
      this.checksReads.fill(1, from, Math.min(users, from + (params.users ?? DEFAULT_USERS)));
    });
    this.lastGroup = new Int32Array(users).fill(-1);
    this.lastPeer = new Int32Array(users);
    this.lastSlot = new Int32Array(users);
    this.lastSeq = new Int32Array(users);
  }

  /** Whether the node is a multi-primary peer. */
  isPeer(node: number): boolean {
    return (this.groupOf[node] as number) >= 0;
  }

  /** Extra time a write holds the peer: with sync replication, the round trip to the slowest peer. */
  syncDelayMs(node: number, rng: RandomStream): number {
    const group = this.groups[this.groupOf[node] as number] as PeerKeys;
    if (!group.plan.sync) return 0;
    const p = this.peerOf[node] as number;
    let slowest = 0;
    for (let q = 0; q < group.n; q++) {
      if (q === p) continue;
      const lag = group.plan.lag[p * group.n + q] as Distribution;
      slowest = Math.max(slowest, sampleMs(lag, rng) + sampleMs(lag, rng));
    }
    return slowest;
  }

  /** Whether a write must fail: sync replication and a peer that cannot acknowledge it. */
  refusesWrite(node: number): boolean {
    const group = this.groups[this.groupOf[node] as number] as PeerKeys;
    if (!group.plan.sync) return false;
    const p = this.peerOf[node] as number;
    for (let q = 0; q < group.n; q++) if (q !== p && !this.linkUp(group, p, q)) return true;
    return false;
  }

  /** A peer of `node` that is up and reachable over a link that is up, to serve its calls; -1 if none. */
  failoverPeer(node: number): NodeIx {
    const group = this.groups[this.groupOf[node] as number] as PeerKeys;
    const p = this.peerOf[node] as number;
    const nodes = group.plan.nodes;
    for (let q = 0; q < group.n; q++) {
      if (q === p) continue;
      const link = group.plan.linkEdge[p * group.n + q] as number;
      const other = nodes[q] as NodeIx;
      if (this.faults.edgeCut[link] === 0 && !this.faults.isDown(other)) return other;
    }
    return NO_NODE;
  }

  /** There and back between two peers of a group: two draws of their link's one-way lag. */
  roundTripMs(node: number, other: number, rng: RandomStream): number {
    const group = this.groups[this.groupOf[node] as number] as PeerKeys;
    const channel = (this.peerOf[node] as number) * group.n + (this.peerOf[other] as number);
    const lag = group.plan.lag[channel] as Distribution;
    return sampleMs(lag, rng) + sampleMs(lag, rng);
  }

  /** A write of `key` by `user` was acknowledged by peer `node` at `nowMs`. */
  wrote(node: number, key: number, user: number, nowMs: number): void {
    const g = this.groupOf[node] as number;
    const group = this.groups[g] as PeerKeys;
    const p = this.peerOf[node] as number;
    const slot = group.slotOf(key);
    const settled = group.write(p, slot, nowMs);
    this.conflicts += settled;
    this.lostUpdates += settled;
    if (user < this.lastGroup.length) {
      this.lastGroup[user] = g;
      this.lastPeer[user] = p;
      this.lastSlot[user] = slot;
      this.lastSeq[user] = group.seqOf(p, slot, p);
    }
    const n = group.n;
    if (group.plan.sync) {
      for (let q = 0; q < n; q++) if (q !== p) group.incorporate(q, slot, group.vectorAt(p, slot), 0);
    } else {
      for (let q = 0; q < n; q++) {
        if (q === p) continue;
        const msg = group.newMessage(p, q, slot, nowMs);
        this.countOnLink(group.plan.linkEdge[p * n + q] as number);
        this.send(g, group, msg, nowMs);
      }
    }
    this.settle(group, slot);
  }

  /** A read by `user` served by peer `node`: stale when the user's own last write has not reached it. */
  read(node: number, user: number): void {
    if (user >= this.checksReads.length || !this.checksReads[user]) return;
    const g = this.groupOf[node] as number;
    if (this.lastGroup[user] !== g) return;
    const p = this.peerOf[node] as number;
    const origin = this.lastPeer[user] as number;
    if (origin === p) return;
    const group = this.groups[g] as PeerKeys;
    if (group.seqOf(p, this.lastSlot[user] as number, origin) < (this.lastSeq[user] as number))
      this.staleReads++;
  }

  /** The delivery event of a message is due. */
  deliver(msg: number, g: number): void {
    const group = this.groups[g] as PeerKeys;
    if (group.msgState[msg] !== Msg.inFlight) return;
    const from = group.msgFrom[msg] as number;
    const to = group.msgTo[msg] as number;
    if (!this.linkUp(group, from, to)) {
      group.msgState[msg] = Msg.held;
      (group.held[from * group.n + to] as number[]).push(msg);
      return;
    }
    const slot = group.msgSlot[msg] as number;
    group.incorporate(to, slot, group.msgVector, msg * group.n);
    group.msgState[msg] = Msg.delivered;
    group.dropDelivered(from * group.n + to);
    this.settle(group, slot);
  }

  /** Links or peers changed (a partition, a crash, a recovery): held messages go out over links now up. */
  linksChanged(nowMs: number): void {
    this.groups.forEach((group, g) => {
      const n = group.n;
      for (let from = 0; from < n; from++) {
        for (let to = 0; to < n; to++) {
          const held = group.held[from * n + to] as number[];
          if (from === to || held.length === 0 || !this.linkUp(group, from, to)) continue;
          group.held[from * n + to] = [];
          for (const msg of held) this.send(g, group, msg, nowMs);
        }
      }
    });
  }

  /** Keys whose value differs between peers right now, over every group. */
  get divergentKeys(): number {
    let sum = 0;
    for (const group of this.groups) sum += group.divergentCount;
    return sum;
  }

  /** Age of the oldest write acknowledged by `node` that some peer has not received yet (0: none). */
  lagMs(node: number, nowMs: number): number {
    const group = this.groups[this.groupOf[node] as number] as PeerKeys;
    const p = this.peerOf[node] as number;
    let oldest = nowMs;
    for (let q = 0; q < group.n; q++) {
      if (q === p) continue;
      oldest = Math.min(oldest, group.oldestPendingMs(p * group.n + q, nowMs));
    }
    return nowMs - oldest;
  }

  /** The largest replication lag over all peers. */
  maxLagMs(nowMs: number): number {
    let max = 0;
    for (let node = 0; node < this.groupOf.length; node++)
      if (this.isPeer(node)) max = Math.max(max, this.lagMs(node, nowMs));
    return max;
  }

  private send(g: number, group: PeerKeys, msg: number, nowMs: number): void {
    const from = group.msgFrom[msg] as number;
    const to = group.msgTo[msg] as number;
    if (!this.linkUp(group, from, to)) {
      group.msgState[msg] = Msg.held;
      (group.held[from * group.n + to] as number[]).push(msg);
      return;
    }
    group.msgState[msg] = Msg.inFlight;
    const channel = from * group.n + to;
    const lag = sampleMs(group.plan.lag[channel] as Distribution, group.plan.rng[channel] as RandomStream);
    this.scheduleDelivery(nowMs + lag, msg, g);
  }

  private settle(group: PeerKeys, slot: number): void {
    const settled = group.settle(slot);
    this.conflicts += settled;
    this.lostUpdates += settled;
  }

  private linkUp(group: PeerKeys, a: number, b: number): boolean {
    const nodes = group.plan.nodes;
    return (
      this.faults.edgeCut[group.plan.linkEdge[a * group.n + b] as number] === 0 &&
      this.faults.crashed[nodes[a] as number] === 0 &&
      this.faults.crashed[nodes[b] as number] === 0
    );
  }
}

/**
 * The per-key state of one group of n peers, in typed arrays indexed by key slot (slots are given to keys
 * as they are first written, so memory follows the keys written, not the key space), and its messages.
 */
class PeerKeys {
  readonly n: number;
  private readonly slots = new Map<number, number>();
  private slotCount = 0;
  /** slot·n·n + peer·n + origin: highest sequence of `origin` that `peer` has incorporated. */
  private vv: Int32Array;
  /** slot·n + origin: sequence of the origin's live write (0: none), and when it was written. */
  private liveSeq: Int32Array;
  private liveTime: Float64Array;
  private divergent: Uint8Array;
  divergentCount = 0;
  // Messages: one per write and target peer.
  msgState: Uint8Array;
  msgFrom: Int32Array;
  msgTo: Int32Array;
  msgSlot: Int32Array;
  msgWrittenMs: Float64Array;
  /** msg·n + origin: the writer's version vector of the key when it wrote. */
  msgVector: Int32Array;
  private freeMessages: number[] = [];
  private messageCount = 0;
  /** Per channel (from·n + to): its messages in the order written, and the index of the oldest still kept. */
  private readonly sent: number[][];
  private readonly sentHead: Int32Array;
  /** Per channel: messages due while the link was down, sent when it is up again. */
  readonly held: number[][];

  constructor(readonly plan: PeerGroupPlan) {
    const n = plan.nodes.length;
    this.n = n;
    this.vv = new Int32Array(INITIAL_SLOTS * n * n);
    this.liveSeq = new Int32Array(INITIAL_SLOTS * n);
    this.liveTime = new Float64Array(INITIAL_SLOTS * n);
    this.divergent = new Uint8Array(INITIAL_SLOTS);
    this.msgState = new Uint8Array(INITIAL_MESSAGES);
    this.msgFrom = new Int32Array(INITIAL_MESSAGES);
    this.msgTo = new Int32Array(INITIAL_MESSAGES);
    this.msgSlot = new Int32Array(INITIAL_MESSAGES);
    this.msgWrittenMs = new Float64Array(INITIAL_MESSAGES);
    this.msgVector = new Int32Array(INITIAL_MESSAGES * n);
    this.sent = Array.from({ length: n * n }, () => []);
    this.sentHead = new Int32Array(n * n);
    this.held = Array.from({ length: n * n }, () => []);
  }

  /** The slot of a key, given on its first write. */
  slotOf(key: number): number {
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    const slot = this.slotCount++;
    if (slot >= this.divergent.length) this.growSlots();
    this.slots.set(key, slot);
    return slot;
  }

  /** Highest sequence of `origin`'s writes to the slot's key that `peer` has incorporated. */
  seqOf(peer: number, slot: number, origin: number): number {
    return this.vv[(slot * this.n + peer) * this.n + origin] as number;
  }

  /** The version vector array and the offset of `peer`'s vector for the slot's key. */
  vectorAt(peer: number, slot: number): Int32Array {
    return this.vv.subarray((slot * this.n + peer) * this.n, (slot * this.n + peer + 1) * this.n);
  }

  /**
   * Peer `p` writes the key. Live writes it has incorporated are settled (its write builds on the value
   * its policy kept from them): returns how many were lost. The new write becomes live.
   */
  write(p: number, slot: number, nowMs: number): number {
    const n = this.n;
    const live = slot * n;
    const vector = (slot * n + p) * n;
    let known = 0;
    for (let o = 0; o < n; o++) {
      const seq = this.liveSeq[live + o] as number;
      if (seq > 0 && (this.vv[vector + o] as number) >= seq) {
        known++;
        this.liveSeq[live + o] = 0;
      }
    }
    const seq = (this.vv[vector + p] as number) + 1;
    this.vv[vector + p] = seq;
    this.liveSeq[live + p] = seq;
    this.liveTime[live + p] = nowMs;
    return known > 1 ? known - 1 : 0;
  }

  /** Peer `to` incorporates a version vector (element-wise maximum). */
  incorporate(to: number, slot: number, vector: Int32Array, offset: number): void {
    const base = (slot * this.n + to) * this.n;
    for (let o = 0; o < this.n; o++) {
      const seq = vector[offset + o] as number;
      if (seq > (this.vv[base + o] as number)) this.vv[base + o] = seq;
    }
  }

  /**
   * When every peer has incorporated every live write of the key, all keep the same one (the latest for
   * lww, the earliest for first-wins) and the others are lost: returns how many. Updates divergence.
   */
  settle(slot: number): number {
    const n = this.n;
    const live = slot * n;
    let liveCount = 0;
    let everywhere = true;
    for (let o = 0; o < n; o++) {
      const seq = this.liveSeq[live + o] as number;
      if (seq === 0) continue;
      liveCount++;
      for (let q = 0; q < n && everywhere; q++)
        if ((this.vv[(slot * n + q) * n + o] as number) < seq) everywhere = false;
    }
    let lost = 0;
    if (everywhere && liveCount > 1) {
      const keep = this.survivor(slot);
      for (let o = 0; o < n; o++) if (o !== keep) this.liveSeq[live + o] = 0;
      lost = liveCount - 1;
    }
    const divergent = liveCount > 0 && !everywhere ? 1 : 0;
    if (divergent !== this.divergent[slot]) {
      this.divergent[slot] = divergent;
      this.divergentCount += divergent ? 1 : -1;
    }
    return lost;
  }

  /** The live write the policy keeps: latest (lww) or earliest (first-wins); ties to the lower peer. */
  private survivor(slot: number): number {
    const live = slot * this.n;
    let best = -1;
    for (let o = 0; o < this.n; o++) {
      if (this.liveSeq[live + o] === 0) continue;
      const time = this.liveTime[live + o] as number;
      const bestTime = best < 0 ? NaN : (this.liveTime[live + best] as number);
      if (best < 0 || (this.plan.firstWins ? time < bestTime : time > bestTime)) best = o;
    }
    return best;
  }

  newMessage(from: number, to: number, slot: number, nowMs: number): number {
    const msg = this.freeMessages.pop() ?? this.messageCount++;
    if (msg >= this.msgState.length) this.growMessages();
    this.msgFrom[msg] = from;
    this.msgTo[msg] = to;
    this.msgSlot[msg] = slot;
    this.msgWrittenMs[msg] = nowMs;
    this.msgVector.set(this.vectorAt(from, slot), msg * this.n);
    (this.sent[from * this.n + to] as number[]).push(msg);
    return msg;
  }

  /** Frees the delivered messages at the head of a channel's list (the rest wait for their turn). */
  dropDelivered(channel: number): void {
    const list = this.sent[channel] as number[];
    let head = this.sentHead[channel] as number;
    while (head < list.length && this.msgState[list[head] as number] === Msg.delivered) {
      const msg = list[head] as number;
      this.msgState[msg] = Msg.free;
      this.freeMessages.push(msg);
      head++;
    }
    if (head > 1024 && head * 2 > list.length) {
      list.splice(0, head);
      head = 0;
    }
    this.sentHead[channel] = head;
  }

  /** When the oldest message of a channel not yet delivered was written (`nowMs` when none). */
  oldestPendingMs(channel: number, nowMs: number): number {
    this.dropDelivered(channel);
    const list = this.sent[channel] as number[];
    const head = this.sentHead[channel] as number;
    return head < list.length ? (this.msgWrittenMs[list[head] as number] as number) : nowMs;
  }

  private growSlots(): void {
    const n = this.n;
    const slots = this.divergent.length * 2;
    this.vv = grown(this.vv, slots * n * n);
    this.liveSeq = grown(this.liveSeq, slots * n);
    this.liveTime = grown(this.liveTime, slots * n);
    this.divergent = grown(this.divergent, slots);
  }

  private growMessages(): void {
    const size = this.msgState.length * 2;
    this.msgState = grown(this.msgState, size);
    this.msgFrom = grown(this.msgFrom, size);
    this.msgTo = grown(this.msgTo, size);
    this.msgSlot = grown(this.msgSlot, size);
    this.msgWrittenMs = grown(this.msgWrittenMs, size);
    this.msgVector = grown(this.msgVector, size * this.n);
  }
}

type TypedArray = Int32Array | Uint8Array | Float64Array;

function grown<A extends TypedArray>(array: A, size: number): A {
  const next = new (array.constructor as new (size: number) => A)(size);
  next.set(array);
  return next;
}
