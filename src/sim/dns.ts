import { absentOf, DNS_PARAMS } from '../model/params';
import type { DnsParams } from '../model/types';
import type { LoadBalancers } from './load-balancers';
import { DEFAULT_USERS, type Topology } from './topology';
import { ixArray, NO_EDGE, type EdgeIx, type IxArray, type NodeIx } from './indices';

const DEFAULT_TTL_MS = absentOf(DNS_PARAMS, 'ttlMs');

/**
 * DNS / global traffic management (DESIGN.md §3). A DNS node answers with one of its targets (regions):
 * `failover`, the first healthy one in order; `latency`, the one in the client's own region when healthy.
 * Health comes from the same checks as a load balancer's. Each user's resolver keeps an answer for the
 * TTL and uses it even after that region fails: that is why a region failover takes detection plus TTL.
 * Cached answers also keep working while the DNS service itself is down.
 */
export class Dns {
  private readonly answers: Map<NodeIx, { edge: IxArray<EdgeIx>; expires: Float64Array }>;
  /** Per user: the client node it belongs to. */
  private readonly clientOfUser: Int32Array;

  constructor(
    private readonly topology: Topology,
    private readonly lbs: LoadBalancers,
  ) {
    this.answers = new Map();
    topology.kinds.forEach((kind, node) => {
      if (kind === 'dns')
        this.answers.set(node as NodeIx, {
          edge: ixArray<EdgeIx>(topology.totalUsers).fill(NO_EDGE),
          expires: new Float64Array(topology.totalUsers),
        });
    });
    this.clientOfUser = new Int32Array(topology.totalUsers);
    topology.client.forEach((params, node) => {
      if (!params) return;
      const start = topology.userOffset[node] as number;
      this.clientOfUser.fill(node, start, start + (params.users ?? DEFAULT_USERS));
    });
  }

  /** The user's cached answer, if still valid; NO_EDGE otherwise. */
  cached(dns: NodeIx, user: number, nowMs: number): EdgeIx {
    const answers = this.answers.get(dns);
    if (!answers) return NO_EDGE;
    return (answers.expires[user] as number) > nowMs ? (answers.edge[user] as EdgeIx) : NO_EDGE;
  }

  /** Resolves afresh for a user and caches the answer for the TTL; NO_EDGE when no target is healthy. */
  resolve(dns: NodeIx, user: number, nowMs: number): EdgeIx {
    const params = this.topology.params[dns] as DnsParams;
    const out = this.topology.outEdges[dns] as IxArray<EdgeIx>;
    let chosen = NO_EDGE;
    if (params.dnsPolicy === 'latency') {
      const home = this.topology.nodeGroup[this.clientOfUser[user] as number] as number;
      for (const edge of out) {
        if (
          this.lbs.isEligible(edge, nowMs) &&
          home >= 0 &&
          this.inGroup(this.topology.edgeTarget[edge] as NodeIx, home)
        )
          chosen = edge;
      }
    }
    if (chosen === NO_EDGE)
      chosen = Array.from(out).find((edge) => this.lbs.isEligible(edge, nowMs)) ?? NO_EDGE;
    const answers = this.answers.get(dns);
    if (answers && chosen !== NO_EDGE) {
      answers.edge[user] = chosen;
      answers.expires[user] = nowMs + (params.ttlMs ?? DEFAULT_TTL_MS);
    }
    return chosen;
  }

  private inGroup(node: NodeIx, group: number): boolean {
    const groupId = this.topology.groupIds[group] as string;
    return (this.topology.groupMembers.get(groupId) ?? []).includes(node);
  }
}
