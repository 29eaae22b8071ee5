import type { ArchDocument, NodeSpec } from '../../model/types';
import type { FaultRequest } from '../../worker/protocol';

/** One fault the user can inject on a target, with the parameters it is sent with. */
export interface FaultAction {
  /** Menu text and accessible name: "Slow ×5", "Partition". */
  readonly label: string;
  /** What it does, as a tooltip. */
  readonly hint: string;
  readonly request: FaultRequest;
  readonly tone: 'danger' | 'warn' | 'good';
}

/** What a fault can target: a node, an edge (`A-->B`) or a group. */
export type FaultTarget =
  | { readonly type: 'node'; readonly node: NodeSpec }
  | { readonly type: 'edge'; readonly id: string }
  | { readonly type: 'group'; readonly id: string };

/** Default strengths of the one-click faults of the context menu (the Inspector lets you choose). */
export const DEFAULT_SLOW_FACTOR = 5;
export const DEFAULT_ERROR_RATE = 0.1;
export const DEFAULT_ADDED_LATENCY_MS = 100;
export const DEFAULT_LOSS = 0.1;

/** The faults of a target, for the context menu and the Inspector's "More actions" menu. */
export function faultActionsOf(target: FaultTarget): FaultAction[] {
  switch (target.type) {
    case 'node': {
      const id = target.node.id;
      const actions: FaultAction[] = [
        {
          label: 'Fail',
          hint: 'Crash: connections refused at once',
          request: { action: 'fail', target: id },
          tone: 'danger',
        },
        {
          label: 'Hang',
          hint: 'Accepts requests and never answers: callers time out',
          request: { action: 'fail', target: id, mode: 'hang' },
          tone: 'danger',
        },
        {
          label: `Slow ×${DEFAULT_SLOW_FACTOR}`,
          hint: `Service time multiplied by ${DEFAULT_SLOW_FACTOR}`,
          request: { action: 'degrade', target: id, factor: DEFAULT_SLOW_FACTOR },
          tone: 'warn',
        },
        {
          label: `Errors ${DEFAULT_ERROR_RATE * 100}%`,
          hint: 'Answers this share of requests with a server error',
          request: { action: 'degrade', target: id, errorRate: DEFAULT_ERROR_RATE },
          tone: 'warn',
        },
      ];
      if (target.node.kind === 'cache')
        actions.push({
          label: 'Flush',
          hint: 'Empty the cache: every key misses until refilled',
          request: { action: 'flush', target: id },
          tone: 'warn',
        });
      if (target.node.kind !== 'client' && target.node.kind !== 'lb' && target.node.kind !== 'limiter')
        actions.push({
          label: 'Capacity 50%',
          hint: 'Half its workers (a CPU or pool reduction)',
          request: { action: 'degrade', target: id, workersShare: 0.5 },
          tone: 'warn',
        });
      if (target.node.kind === 'client') {
        const rate = target.node.params.ratePerSec;
        actions.push(
          {
            label: 'Load ×2',
            hint: `Rate to ${rate * 2}/s`,
            request: { action: 'load', target: id, ratePerSec: rate * 2 },
            tone: 'warn',
          },
          {
            label: 'Load ×½',
            hint: `Rate to ${rate / 2}/s`,
            request: { action: 'load', target: id, ratePerSec: rate / 2 },
            tone: 'warn',
          },
        );
      }
      actions.push({
        label: 'Recover',
        hint: 'Undo every fault on it',
        request: { action: 'recover', target: id },
        tone: 'good',
      });
      return actions;
    }
    case 'edge':
      return [
        {
          label: 'Partition',
          hint: 'Cut the link: requests are dropped',
          request: { action: 'partition', target: target.id },
          tone: 'danger',
        },
        {
          label: `Add latency ${DEFAULT_ADDED_LATENCY_MS} ms`,
          hint: 'Added to each one-way trip',
          request: { action: 'degrade', target: target.id, addedLatencyMs: DEFAULT_ADDED_LATENCY_MS },
          tone: 'warn',
        },
        {
          label: `Loss ${DEFAULT_LOSS * 100}%`,
          hint: 'Share of requests lost on the link',
          request: { action: 'degrade', target: target.id, loss: DEFAULT_LOSS },
          tone: 'warn',
        },
        {
          label: 'Recover',
          hint: 'Heal the link',
          request: { action: 'recover', target: target.id },
          tone: 'good',
        },
      ];
    case 'group':
      return [
        {
          label: 'Zone outage',
          hint: 'Every node of the group fails',
          request: { action: 'fail', target: target.id },
          tone: 'danger',
        },
        {
          label: 'Partition',
          hint: 'Cut every link crossing the group boundary',
          request: { action: 'partition', target: target.id },
          tone: 'danger',
        },
        {
          label: 'Recover',
          hint: 'Undo every fault on the group',
          request: { action: 'recover', target: target.id },
          tone: 'good',
        },
      ];
  }
}

/** The fault target named by an id of the document (node, edge or group), or null. */
export function faultTargetOf(doc: ArchDocument, id: string): FaultTarget | null {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return { type: 'node', node };
  if (doc.edges.some((e) => e.id === id)) return { type: 'edge', id };
  if (doc.groups.some((g) => g.id === id)) return { type: 'group', id };
  return null;
}

/** The human name of any target: a node's or group's label, an edge as "Load Balancer → Server 1". */
export function targetLabelOf(doc: ArchDocument, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return node.label;
  const group = doc.groups.find((g) => g.id === id);
  if (group) return group.label;
  const edge = doc.edges.find((e) => e.id === id);
  if (edge)
    return `${targetLabelOf(doc, edge.source)} ${edge.bidirectional ? '↔' : '→'} ${targetLabelOf(doc, edge.target)}`;
  return id;
}

/** An edge's accessible name: "Edge Load Balancer → Server 1". */
export const edgeNameOf = (doc: ArchDocument, id: string): string => `Edge ${targetLabelOf(doc, id)}`;
