import { absentOf, SERVICE_PARAMS } from '../model/params';
import type { ServiceParams } from '../model/types';
import { sampleMs } from './distributions';
import type { RandomStream } from './random';
import type { Topology } from './topology';
import { ixArray, NO_NODE, type EdgeIx, type IxArray, type NodeIx } from './indices';

const DEFAULT_SYNC = absentOf(SERVICE_PARAMS, 'sessionSync');

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
  /** Per service with `store`: its session store (a cache node), or NO_NODE. */
  private readonly storeOf: IxArray<NodeIx>;
  /** Per user: the node holding the session (sticky: a server; store: a cache), or NO_NODE. */
  private readonly home: IxArray<NodeIx>;
  /** Per user: whether the replicated servers hold a session. */
  private readonly replicated: Uint8Array;
  lost = 0;

  constructor(
    private readonly topology: Topology,
    users: number,
  ) {
    const n = topology.nodeIds.length;
    this.strategy = new Int8Array(n);
    this.storeOf = ixArray<NodeIx>(n).fill(NO_NODE);
    for (let i = 0; i < n; i++) {
      if (topology.kinds[i] !== 'service') continue;
      const sessions = (topology.params[i] as ServiceParams).sessions;
      this.strategy[i] = sessions === undefined ? Strategy.none : Strategy[sessions];
      if (sessions === 'store') {
        const out = Array.from(
          topology.outEdges[i] as IxArray<EdgeIx>,
          (e) => topology.edgeTarget[e] as NodeIx,
        );
        this.storeOf[i] = out.find((node) => topology.kinds[node] === 'cache') ?? NO_NODE;
      }
    }
    this.home = ixArray<NodeIx>(users).fill(NO_NODE);
    this.replicated = new Uint8Array(users);
  }

  /** Whether the node keeps sessions at all (the engine's cheap check on its hot path). */
  keeps(node: NodeIx): boolean {
    return this.strategy[node] !== Strategy.none;
  }

  isReplicated(node: NodeIx): boolean {
    return this.strategy[node] === Strategy.replicated;
  }

  /** Time a write spends copying its session to the peers (replicated sessions). */
  syncDelayMs(node: NodeIx, rng: RandomStream): number {
    return sampleMs((this.topology.params[node] as ServiceParams).sessionSync ?? DEFAULT_SYNC, rng);
  }

  /** A service answered a user's request successfully: the session is read and written where it lives. */
  served(node: NodeIx, user: number): void {
    switch (this.strategy[node]) {
      case Strategy.sticky: {
        const home = this.home[user] as NodeIx;
        if (home !== NO_NODE && home !== node) this.lost++; // the session is on another server: not found here
        this.home[user] = node;
        return;
      }
      case Strategy.replicated:
        this.replicated[user] = 1;
        return;
      case Strategy.store: {
        const store = this.storeOf[node] as NodeIx;
        if (store !== NO_NODE) this.home[user] = store;
        return;
      }
      case Strategy.none:
      case undefined: // a service without sessions keeps no state
        return;
    }
  }

  /**
   * A node went down and lost its memory: sticky sessions on it, sessions in it as a store, or, when it
   * was the last replicated server standing, every replicated session.
   */
  nodeLost(node: NodeIx, isDown: (node: NodeIx) => boolean): void {
    let count = 0;
    for (let user = 0; user < this.home.length; user++) {
      if (this.home[user] === node) {
        this.home[user] = NO_NODE;
        count++;
      }
    }
    if (this.strategy[node] === Strategy.replicated) {
      const survivor = this.topology.nodeIds.some(
        (_, other) =>
          other !== node && this.strategy[other] === Strategy.replicated && !isDown(other as NodeIx),
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
