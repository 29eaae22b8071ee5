import { KINDS, type CapacityRole } from '../model/kinds';
import { absentOf, DATABASE_PARAMS } from '../model/params';
import type { ArchDocument, EdgeSpec, LbParams, NodeSpec, WorkerParams } from '../model/types';
import { callEdges, type CallEdge } from '../model/call-edges';
import { isPeerLink, peerGroupsOf } from '../model/peers';
import { meanOf } from '../model/units';
import { labelIn } from '../model/labels';
import { waitCycles, waitCycleWarning } from './wait-cycles';

/** One node's load in one situation: offered rate against what its workers can do. */
export interface NodeLoad {
  readonly id: string;
  readonly label: string;
  /** Requests per second offered to the node. */
  readonly offeredPerSec: number;
  /** Requests per second its workers can complete (Infinity for nodes without workers). */
  readonly capacityPerSec: number;
  /** offered / capacity: above 1 the queue grows without bound. */
  readonly utilization: number;
}

export interface CapacitySituation {
  /** `normal`, or the id of the node or group that failed. */
  readonly failed: string | null;
  readonly loads: readonly NodeLoad[];
  /** Plain sentences for every node above 100%: "Server 2 alone would run at 130%: …". */
  readonly warnings: readonly string[];
}

/**
 * The N+1 capacity check (issue "Insight"): for the normal state and for each single failure of a node or
 * a group, the offered load of every node against its capacity, λ / (workers / mean holding time). It is
 * first-order arithmetic from means, no queueing: a worker is held for its own service time plus the
 * round trips of its downstream calls; a load balancer splits over the targets left; a queue's consumers
 * share its messages. The simulation is the judge; this says where to look.
 */
export function capacityCheck(doc: ArchDocument): CapacitySituation[] {
  const normal = situation(doc, null, new Set());
  // Pools that wait on each other can deadlock at any load: said once, with the normal state.
  const rings = waitCycles(doc).map((cycle) => waitCycleWarning(doc, cycle));
  const situations: CapacitySituation[] = [{ ...normal, warnings: [...rings, ...normal.warnings] }];
  for (const node of doc.nodes) {
    if (node.kind === 'client') continue;
    situations.push(situation(doc, node.id, new Set([node.id])));
  }
  for (const group of doc.groups) {
    const members = new Set(doc.nodes.filter((n) => inGroup(doc, n, group.id)).map((n) => n.id));
    if (members.size > 0) situations.push(situation(doc, group.id, members));
  }
  return situations;
}

function situation(doc: ArchDocument, failed: string | null, down: ReadonlySet<string>): CapacitySituation {
  const calls = callGraph(doc);
  const arrivals = offeredArrivals(doc, calls, down);
  const responseMs = responseTimes(calls);
  const loads = doc.nodes
    .filter((node) => !down.has(node.id) && hasWorkers(KINDS[node.kind].capacity))
    .map((node): NodeLoad => {
      // Servers and brokers hold a worker pool (the kind registry allows those roles only then).
      const params = node.params as WorkerParams;
      // A node reached over both ways of a link holds its worker for a time that depends on the way in
      // (it does not call back its caller): the mean over its arrivals, weighted by their rates.
      let offeredPerSec = 0;
      let busyMsPerSec = 0;
      for (const [via, rate] of arrivals.get(node.id) ?? []) {
        offeredPerSec += rate;
        busyMsPerSec += rate * responseMs(node.id, via);
      }
      const holdMs = offeredPerSec > 0 ? busyMsPerSec / offeredPerSec : responseMs(node.id, null);
      const capacityPerSec = holdMs > 0 ? (params.workers * 1000) / holdMs : Infinity;
      return {
        id: node.id,
        label: node.label,
        offeredPerSec,
        capacityPerSec,
        utilization: offeredPerSec / capacityPerSec,
      };
    });
  const warnings = loads
    .filter((load) => load.utilization > 1)
    .map((load) => {
      const who = failed === null ? load.label : `${load.label}${down.size === 1 ? ' alone' : ''}`;
      const when = failed === null ? '' : ` without ${labelIn(doc, failed)}`;
      return `${who} would run at ${Math.round(load.utilization * 100)}%${when}: its queue grows without bound.`;
    });
  return { failed, loads, warnings };
}

/** The calls of a document (both ways of a two-headed link included) by caller, as the engine makes them. */
interface CallGraph {
  readonly byId: ReadonlyMap<string, NodeSpec>;
  readonly out: ReadonlyMap<string, readonly CallEdge[]>;
}

function callGraph(doc: ArchDocument): CallGraph {
  const out = new Map<string, CallEdge[]>(doc.nodes.map((n) => [n.id, []]));
  // A replication link between peers carries no calls (README "Active-active data").
  for (const edge of callEdges(doc)) if (!isPeerLink(doc, edge)) out.get(edge.source)?.push(edge);
  return { byId: new Map(doc.nodes.map((n) => [n.id, n])), out };
}

/** Whether `edge` is the way straight back over the both-way link a request came in by (never called). */
function isWayBack(edge: CallEdge, via: CallEdge | null): boolean {
  return via !== null && (edge.reverseOf === via.id || via.reverseOf === edge.id);
}

/** The calls a node makes for a request that came in over `via`: a server skips the way back (engine too). */
function callsOf(calls: CallGraph, node: NodeSpec, via: CallEdge | null): readonly CallEdge[] {
  const out = calls.out.get(node.id) ?? [];
  if (KINDS[node.kind].capacity !== 'server' || !out.some((edge) => isWayBack(edge, via))) return out;
  return out.filter((edge) => !isWayBack(edge, via));
}

/**
 * Requests per second offered to each node, by the call they arrive over (null: a failed peer's calls
 * served here), following the traffic from the clients.
 */
function offeredArrivals(
  doc: ArchDocument,
  calls: CallGraph,
  down: ReadonlySet<string>,
): Map<string, Map<CallEdge | null, number>> {
  const arrivals = new Map<string, Map<CallEdge | null, number>>();
  const peersOf = new Map(
    peerGroupsOf(doc).flatMap((group) => group.members.map((id) => [id, group.members])),
  );
  // Push each client's traffic down the graph; a path longer than the engine's call depth is cut, as there.
  const push = (id: string, via: CallEdge | null, rate: number, depth: number): void => {
    if (rate <= 0 || depth > 32) return;
    const node = calls.byId.get(id);
    if (!node) return;
    // A failed peer's calls are served by a peer that is up, as in the engine.
    const otherPeer = down.has(id) ? peersOf.get(id)?.find((peer) => !down.has(peer)) : undefined;
    if (otherPeer !== undefined) return push(otherPeer, null, rate, depth + 1);
    const byVia = arrivals.get(id) ?? new Map<CallEdge | null, number>();
    arrivals.set(id, byVia.set(via, (byVia.get(via) ?? 0) + rate));
    if (down.has(id)) return;
    for (const [edge, share] of splitOf(node, callsOf(calls, node, via), down))
      push(edge.target, edge, rate * share, depth + 1);
  };
  for (const node of doc.nodes) {
    if (node.kind !== 'client' || down.has(node.id)) continue;
    const targets = calls.out.get(node.id) ?? [];
    for (const edge of targets) push(edge.target, edge, node.params.ratePerSec / targets.length, 1);
  }
  return arrivals;
}

/** Where a node sends what it receives: the calls it makes, each with its share of the node's rate. */
function splitOf(
  node: NodeSpec,
  edges: readonly CallEdge[],
  down: ReadonlySet<string>,
): [CallEdge, number][] {
  const up = edges.filter((e) => !down.has(e.target));
  const role = KINDS[node.kind].capacity;
  switch (role) {
    case 'balancer': {
      const params = node.params as LbParams;
      const passive = params.mode === 'active-passive';
      const anyBackup = edges.some((e) => e.params.backup);
      const isPrimary = (e: EdgeSpec) => (anyBackup ? !e.params.backup : e === edges[0]);
      const primaries = up.filter(isPrimary);
      const pool = passive ? (primaries.length > 0 ? primaries : up.filter((e) => !isPrimary(e))) : up;
      const weighted = params.policy === 'weighted';
      const total = pool.reduce((sum, e) => sum + (weighted ? e.params.weight : 1), 0);
      return total > 0 ? pool.map((e) => [e, (weighted ? e.params.weight : 1) / total]) : [];
    }
    case 'resolver': {
      const first = up[0];
      return first ? [[first, 1]] : [];
    }
    case 'broker':
    case 'forwarder':
      return up.map((e) => [e, 1 / up.length]);
    case 'source':
      return [];
    case 'server':
      // A server calls each of its downstream nodes once per request.
      return edges.map((e) => [e, 1]);
    default:
      return role satisfies never;
  }
}

/** Whether the capacity check compares the node's offered load with its workers. */
function hasWorkers(role: CapacityRole): boolean {
  return role === 'server' || role === 'broker';
}

/**
 * Mean time a request holds a worker of a node, by the call it came in over: its own service time, plus
 * (for servers) the round trip and holding time of each downstream call, plus a synchronous replica's
 * acknowledgement.
 */
function responseTimes(calls: CallGraph): (id: string, via: CallEdge | null) => number {
  const memo = new Map<string, number>();
  const responseMs = (id: string, via: CallEdge | null, depth: number): number => {
    const node = calls.byId.get(id);
    if (!node || depth > 32) return 0;
    const out = callsOf(calls, node, via);
    // Only a node with a way back depends on the way in.
    const key = out === calls.out.get(id) ? id : `${id} via ${via?.id ?? ''}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let total = 0;
    const role = KINDS[node.kind].capacity;
    if (role === 'balancer' || role === 'resolver' || role === 'forwarder') {
      const first = out[0];
      total = first ? 2 * meanOf(first.params.latency) + responseMs(first.target, first, depth + 1) : 0;
    } else if (hasWorkers(role)) {
      const params = node.params as WorkerParams;
      total = meanOf(params.service);
      const replicated = node.kind === 'database' ? node.params : null;
      if (
        replicated?.replication === 'sync' &&
        (replicated.replicas ?? absentOf(DATABASE_PARAMS, 'replicas')) > 0
      )
        total += meanOf(replicated.lag ?? absentOf(DATABASE_PARAMS, 'lag'));
      // A queue answers its producers once the message is stored: its consumers' time is not its own.
      if (role !== 'broker') {
        for (const edge of out)
          total += 2 * meanOf(edge.params.latency) + responseMs(edge.target, edge, depth + 1);
      }
    }
    memo.set(key, total);
    return total;
  };
  return (id, via) => responseMs(id, via, 0);
}

function inGroup(doc: ArchDocument, node: NodeSpec, groupId: string): boolean {
  const parentOf = new Map(doc.groups.map((g) => [g.id, g.parent]));
  let hops = 0;
  for (let g = node.group; g !== undefined && hops < doc.groups.length; g = parentOf.get(g), hops++)
    if (g === groupId) return true;
  return false;
}
