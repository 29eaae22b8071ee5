/**
 * Worker pools that wait on each other in a ring (README.md, "Insight": capacity check). A service,
 * cache or database holds its worker while it calls downstream (the engine's `callDownstream`): when
 * Server 1 calls Server 2 and Server 2 calls Server 1 (a both-way link, or two links), every worker of
 * both can end up waiting on the other's queue, and then none finishes. It is a deadlock no mean-value
 * arithmetic shows (each pool may sit at 30%); a burst fills the pools, and only a downstream timeout
 * breaks it. This finds such rings from the topology alone.
 */
import { callEdges, type CallEdge } from '../model/call-edges';
import { KINDS } from '../model/kinds';
import { isPeerLink } from '../model/peers';
import type { ArchDocument, NodeSpec, WorkerParams } from '../model/types';

/** A ring of pools that can wait on each other, as node ids, in the order they call. */
export interface WaitCycle {
  readonly nodes: readonly string[];
  /** Whether every node of the ring fails its waiting calls after a downstream timeout. */
  readonly timeoutsBreakIt: boolean;
}

/** Nodes whose worker is held for the whole of their downstream calls. */
const holdsWorkers = (node: NodeSpec) => KINDS[node.kind].capacity === 'server';

/**
 * Nodes a call passes through without a worker of its own waiting (a balancer, a resolver, a
 * forwarder): the caller's worker waits on whatever pool is behind them. A queue answers its producers
 * once the message is stored, so nothing waits through it.
 */
const passesThrough = (node: NodeSpec) => {
  const role = KINDS[node.kind].capacity;
  return role === 'balancer' || role === 'resolver' || role === 'forwarder';
};

export function waitCycles(doc: ArchDocument): WaitCycle[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const calls = callEdges(doc).filter((edge) => !isPeerLink(doc, edge));
  const out = new Map<string, CallEdge[]>(doc.nodes.map((n) => [n.id, []]));
  const into = new Map<string, CallEdge[]>(doc.nodes.map((n) => [n.id, []]));
  for (const edge of calls) {
    out.get(edge.source)?.push(edge);
    into.get(edge.target)?.push(edge);
  }
  // A server never calls straight back over the link a request came in by (the engine's skipWayBack):
  // a way back is a call only when the server is also entered some other way.
  const isPair = (a: CallEdge, b: CallEdge) => a.reverseOf === b.id || b.reverseOf === a.id;
  const usedBy = (node: NodeSpec, edge: CallEdge) =>
    !(into.get(node.id) ?? []).every((incoming) => isPair(incoming, edge));

  // Which pools a holder's worker can wait on: the holders its calls reach through pass-through nodes.
  const waitsOn = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (!holdsWorkers(node)) continue;
    const reached = new Set<string>();
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const next = byId.get(id);
      if (!next) return;
      if (holdsWorkers(next)) reached.add(id);
      else if (passesThrough(next)) for (const edge of out.get(id) ?? []) walk(edge.target);
    };
    for (const edge of out.get(node.id) ?? []) if (usedBy(node, edge)) walk(edge.target);
    waitsOn.set(node.id, [...reached]);
  }
  return stronglyConnected(waitsOn)
    .filter((ring) => ring.length > 1 || (waitsOn.get(ring[0] ?? '') ?? []).includes(ring[0] ?? ''))
    .map((ring) => ({
      nodes: ring,
      timeoutsBreakIt: ring.every((id) => {
        const params = byId.get(id)?.params as WorkerParams | undefined;
        return params?.timeoutMs !== undefined && Number.isFinite(params.timeoutMs);
      }),
    }));
}

/** The capacity check's sentence for a ring. */
export function waitCycleWarning(doc: ArchDocument, cycle: WaitCycle): string {
  const labels = cycle.nodes.map((id) => doc.nodes.find((n) => n.id === id)?.label ?? id);
  const who =
    labels.length === 1
      ? `${labels[0]} calls itself`
      : labels.length === 2
        ? `${labels[0]} and ${labels[1]} call each other`
        : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)} call one another in a ring`;
  const end = cycle.timeoutsBreakIt
    ? 'until their downstream timeouts fail the waiting calls'
    : 'and with no downstream timeout nothing breaks it';
  return `${who} while holding workers: once every worker waits on the other's queue, none finishes (a deadlock), ${end}.`;
}

/** Tarjan's strongly connected components, each in discovery order, in a stable order of the input. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const next of graph.get(id) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === id) break;
    }
    components.push(component.reverse());
  };
  for (const id of graph.keys()) if (!index.has(id)) visit(id);
  return components;
}
