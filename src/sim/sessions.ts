import type { Distribution, ServiceParams } from '../model/types';
import { sampleMs } from './distributions';
import type { RandomStream } from './random';
import type { Topology } from './topology';

const DEFAULT_SYNC: Distribution = { type: 'exp', meanMs: 1 };

const Strategy = { none: 0, sticky: 1, replicated: 2, store: 3 } as const;

/**
 * Users' session state (DESIGN.md §3) and how much of it is lost.
 *
 * - `sticky`: a user's session lives on the server that last served it. When that server crashes, its
 *   sessions are lost; when a user is served by another server (the load balancer is not sticky, or the
 *   home server is gone) the session is not there: also lost.
 * - `replicated`: every server of the strategy holds every session; each write pays `sessionSync`. Lost
 *   only when the last of those servers goes down.
 * - `store`: sessions live in the first cache downstream of the service; lost when that cache crashes.
 */
export class Sessions {
  private readonly strategy: Int8Array;
  /** Per service with `store`: its session store (a cache node), or -1. */
  private readonly storeOf: Int32Array;
  /** Per user: the node holding the session (sticky: a server; store: a cache), or -1. */
  private readonly home: Int32Array;
  /** Per user: whether the replicated servers hold a session. */
  private readonly replicated: Uint8Array;
  lost = 0;

  constructor(
    private readonly t: Topology,
    users: number,
  ) {
    const n = t.nodeIds.length;
    this.strategy = new Int8Array(n);
    this.storeOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (t.kinds[i] !== 'service') continue;
      const sessions = (t.params[i] as ServiceParams).sessions;
      this.strategy[i] = sessions === undefined ? Strategy.none : Strategy[sessions];
      if (sessions === 'store') {
        const out = Array.from(t.outEdges[i] as Int32Array, (e) => t.edgeTarget[e] as number);
        this.storeOf[i] = out.find((node) => t.kinds[node] === 'cache') ?? -1;
      }
    }
    this.home = new Int32Array(users).fill(-1);
    this.replicated = new Uint8Array(users);
  }

  /** Whether the node keeps sessions at all (the engine's cheap check on its hot path). */
  keeps(node: number): boolean {
    return this.strategy[node] !== Strategy.none;
  }

  isReplicated(node: number): boolean {
    return this.strategy[node] === Strategy.replicated;
  }

  /** Time a write spends copying its session to the peers (replicated sessions). */
  syncDelayMs(node: number, rng: RandomStream): number {
    return sampleMs((this.t.params[node] as ServiceParams).sessionSync ?? DEFAULT_SYNC, rng);
  }

  /** A service answered a user's request successfully: the session is read and written where it lives. */
  served(node: number, user: number): void {
    switch (this.strategy[node]) {
      case Strategy.sticky: {
        const home = this.home[user] as number;
        if (home >= 0 && home !== node) this.lost++; // the session is on another server: not found here
        this.home[user] = node;
        return;
      }
      case Strategy.replicated:
        this.replicated[user] = 1;
        return;
      case Strategy.store: {
        const store = this.storeOf[node] as number;
        if (store >= 0) this.home[user] = store;
        return;
      }
    }
  }

  /**
   * A node went down and lost its memory: sticky sessions on it, sessions in it as a store, or, when it
   * was the last replicated server standing, every replicated session.
   */
  nodeLost(node: number, isDown: (node: number) => boolean): void {
    let count = 0;
    for (let user = 0; user < this.home.length; user++) {
      if (this.home[user] === node) {
        this.home[user] = -1;
        count++;
      }
    }
    if (this.strategy[node] === Strategy.replicated) {
      const survivor = this.t.nodeIds.some(
        (_, other) => other !== node && this.strategy[other] === Strategy.replicated && !isDown(other),
      );
      if (!survivor) {
        for (let user = 0; user < this.replicated.length; user++) {
          if (this.replicated[user]) {
            this.replicated[user] = 0;
            count++;
          }
        }
      }
    }
    this.lost += count;
  }
}
