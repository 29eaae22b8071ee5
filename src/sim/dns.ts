import type { DnsParams } from '../model/types';
import type { LoadBalancers } from './load-balancers';
import type { Topology } from './topology';

const DEFAULT_TTL_MS = 60_000;

/**
 * DNS / global traffic management (DESIGN.md §3). A DNS node answers with one of its targets (regions):
 * `failover`, the first healthy one in order; `latency`, the one in the client's own region when healthy.
 * Health comes from the same checks as a load balancer's. Each user's resolver keeps an answer for the
 * TTL and uses it even after that region fails: that is why a region failover takes detection plus TTL.
 * Cached answers also keep working while the DNS service itself is down.
 */
export class Dns {
  private readonly answers: Map<number, { edge: Int32Array; expires: Float64Array }>;
  /** Per user: the client node it belongs to. */
  private readonly clientOfUser: Int32Array;

  constructor(
    private readonly t: Topology,
    private readonly lbs: LoadBalancers,
  ) {
    this.answers = new Map();
    t.kinds.forEach((kind, node) => {
      if (kind === 'dns')
        this.answers.set(node, {
          edge: new Int32Array(t.totalUsers).fill(-1),
          expires: new Float64Array(t.totalUsers),
        });
    });
    this.clientOfUser = new Int32Array(t.totalUsers);
    t.client.forEach((params, node) => {
      if (!params) return;
      const start = t.userOffset[node] as number;
      this.clientOfUser.fill(node, start, start + (params.users ?? 1000));
    });
  }

  /** The user's cached answer, if still valid; -1 otherwise. */
  cached(dns: number, user: number, nowMs: number): number {
    const answers = this.answers.get(dns);
    if (!answers) return -1;
    return (answers.expires[user] as number) > nowMs ? (answers.edge[user] as number) : -1;
  }

  /** Resolves afresh for a user and caches the answer for the TTL; -1 when no target is healthy. */
  resolve(dns: number, user: number, nowMs: number): number {
    const params = this.t.params[dns] as DnsParams;
    const out = this.t.outEdges[dns] as Int32Array;
    let chosen = -1;
    if (params.dnsPolicy === 'latency') {
      const home = this.t.nodeGroup[this.clientOfUser[user] as number] as number;
      for (const edge of out) {
        if (
          this.lbs.isEligible(edge, nowMs) &&
          home >= 0 &&
          this.inGroup(this.t.edgeTarget[edge] as number, home)
        )
          chosen = edge;
      }
    }
    if (chosen < 0) chosen = Array.from(out).find((edge) => this.lbs.isEligible(edge, nowMs)) ?? -1;
    const answers = this.answers.get(dns);
    if (answers && chosen >= 0) {
      answers.edge[user] = chosen;
      answers.expires[user] = nowMs + (params.ttlMs ?? DEFAULT_TTL_MS);
    }
    return chosen;
  }

  private inGroup(node: number, group: number): boolean {
    const groupId = this.t.groupIds[group] as string;
    return (this.t.groupMembers.get(groupId) ?? []).includes(node);
  }
}
