import { overloadVariantsOf } from './overload-variants';
import { absentOf, DATABASE_PARAMS } from '../model/params';
import { formatFixed, formatGrouped } from '../model/number-format';
import type {
  ArchDocument,
  ClientParams,
  DatabaseParams,
  LbParams,
  NodeSpec,
  ScenarioStep,
  ServiceParams,
} from '../model/types';
import { peerGroupsOf } from '../model/peers';
import type { EdgeParams } from '../model/types';
import type { CompareTotals } from './analysis';

/**
 * Twin runs (issue "Insight"): the one-click variants B of a document that change what a failure costs,
 * the failure the two runs share, and what B's extra running cost buys. Pure: the page and tests use it.
 */

/** A change of one design decision, offered only where it applies to the document. */
export interface Variant {
  readonly id: string;
  /** What B does differently, in words: "Load Balancer: active-passive". */
  readonly label: string;
  /** The nodes the variant changes (their parameters can then be adjusted in B). */
  readonly nodeIds: readonly string[];
  readonly apply: (doc: ArchDocument) => ArchDocument;
}

// A load surge and a cache flush break things too: they are the triggers of metastable failures.
const FAULT_ACTIONS = new Set(['fail', 'degrade', 'partition', 'load', 'flush']);

/** Replaces the parameters of the nodes `ids` by `change(params)`. */
function withParams<P>(doc: ArchDocument, ids: readonly string[], change: (params: P) => P): ArchDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node) =>
      ids.includes(node.id) ? ({ ...node, params: change(node.params as P) } as NodeSpec) : node,
    ),
  };
}

/** The variants that apply to `doc`: LB mode, replication, a replica, session strategy, a client retry. */
export function variantsOf(doc: ArchDocument): Variant[] {
  const variants: Variant[] = [];
  const hasCacheBelow = (id: string) =>
    doc.edges.some((e) => e.source === id && doc.nodes.find((n) => n.id === e.target)?.kind === 'cache');
  for (const node of doc.nodes) {
    const ids = [node.id];
    if (node.kind === 'lb') {
      const mode = node.params.mode === 'active-active' ? 'active-passive' : 'active-active';
      variants.push({
        id: `${node.id}:mode`,
        label: `${node.label}: ${mode}`,
        nodeIds: ids,
        apply: (d) => withParams<LbParams>(d, ids, (p) => ({ ...p, mode })),
      });
    } else if (node.kind === 'database') {
      const params = node.params as DatabaseParams;
      if ((params.replicas ?? absentOf(DATABASE_PARAMS, 'replicas')) === 0) {
        variants.push({
          id: `${node.id}:replica`,
          label: `${node.label}: add a replica`,
          nodeIds: ids,
          apply: (d) => withParams<DatabaseParams>(d, ids, (p) => ({ ...p, replicas: 1 })),
        });
      } else {
        const replication =
          (params.replication ?? absentOf(DATABASE_PARAMS, 'replication')) === 'async' ? 'sync' : 'async';
        variants.push({
          id: `${node.id}:replication`,
          label: `${node.label}: ${replication} replication`,
          nodeIds: ids,
          apply: (d) => withParams<DatabaseParams>(d, ids, (p) => ({ ...p, replication })),
        });
      }
    } else if (node.kind === 'client' && node.params.retries === 0) {
      variants.push({
        id: `${node.id}:retry`,
        label: `${node.label}: retry once`,
        nodeIds: ids,
        apply: (d) => withParams<ClientParams>(d, ids, (p) => ({ ...p, retries: 1 })),
      });
    }
  }
  // Sessions are a decision for every server that keeps them, so one variant changes them all.
  const sticky = doc.nodes.filter(
    (n) => n.kind === 'service' && (n.params as ServiceParams).sessions === 'sticky',
  );
  const storeReady = sticky.filter((n) => hasCacheBelow(n.id)).map((n) => n.id);
  if (storeReady.length > 0)
    variants.push({
      id: 'sessions:store',
      label: 'Sessions: sticky → store',
      nodeIds: storeReady,
      apply: (d) => withParams<ServiceParams>(d, storeReady, (p) => ({ ...p, sessions: 'store' })),
    });
  variants.push(...peerVariantsOf(doc));
  variants.push(...overloadVariantsOf(doc));
  if (sticky.length > 0) {
    const ids = sticky.map((n) => n.id);
    variants.push({
      id: 'sessions:replicated',
      label: 'Sessions: sticky → replicated',
      nodeIds: ids,
      apply: (d) => withParams<ServiceParams>(d, ids, (p) => ({ ...p, sessions: 'replicated' })),
    });
  }
  return variants;
}

/**
 * Multi-primary peers (README "Active-active data"): replication sync ↔ async (lost updates against failed
 * writes in a partition) and conflict lww ↔ first-wins, each applied to every link of the group.
 */
function peerVariantsOf(doc: ArchDocument): Variant[] {
  return peerGroupsOf(doc).flatMap((group) => {
    const linkIds = new Set(group.links.map((link) => link.id));
    const names = group.members.map((id) => doc.nodes.find((n) => n.id === id)?.label ?? id).join(' ↔ ');
    const withLinks = (d: ArchDocument, change: (params: EdgeParams) => EdgeParams): ArchDocument => ({
      ...d,
      edges: d.edges.map((edge) => (linkIds.has(edge.id) ? { ...edge, params: change(edge.params) } : edge)),
    });
    const replication = group.replication === 'async' ? 'sync' : 'async';
    const conflict = group.conflict === 'lww' ? 'first-wins' : 'lww';
    const key = group.members.join('+');
    return [
      {
        id: `${key}:replication`,
        label: `${names}: ${group.replication} → ${replication} replication`,
        nodeIds: group.members,
        apply: (d: ArchDocument) => withLinks(d, (p) => ({ ...p, replication })),
      },
      {
        id: `${key}:conflict`,
        label: `${names}: conflicts ${group.conflict} → ${conflict}`,
        nodeIds: group.members,
        apply: (d: ArchDocument) => withLinks(d, (p) => ({ ...p, conflict })),
      },
    ];
  });
}

/** Whether the scenario breaks something (a twin run without a failure compares two quiet days). */
export function hasFault(doc: ArchDocument): boolean {
  return doc.scenario.some((step) => FAULT_ACTIONS.has(step.action));
}

/**
 * The failure twin runs compare when the document has none: the first target of the first load balancer
 * (else the first node that serves traffic) crashes at 60 s, as the sweep's default, or at a third of a
 * shorter run.
 */
export function defaultFault(doc: ArchDocument): ScenarioStep | null {
  const lb = doc.nodes.find((n) => n.kind === 'lb');
  const target =
    (lb && doc.edges.find((e) => e.source === lb.id)?.target) ??
    doc.nodes.find((n) => n.kind !== 'client')?.id;
  if (target === undefined) return null;
  const atSec = doc.sim.durationSec > 90 ? 60 : Math.round(doc.sim.durationSec / 3);
  return { atSec, action: 'fail', target };
}

/** A's document as the twin runs use it: its own scenario if it breaks something, else the default fault. */
export function twinBase(doc: ArchDocument): ArchDocument {
  if (hasFault(doc)) return doc;
  const fault = defaultFault(doc);
  return fault ? { ...doc, scenario: [...doc.scenario, fault] } : doc;
}

/** What B's extra running cost buys over A, in the run's own terms. */
export interface CostBenefit {
  /** B's cost per hour minus A's. */
  readonly extraPerHour: number;
  /** A's failed requests minus B's (negative: B fails more). */
  readonly requestsSaved: number;
  /** Seconds of full outage avoided: the difference of (1 − availability) × run duration. */
  readonly downtimeAvoidedSec: number;
  /** One sentence with those numbers. */
  readonly text: string;
}

const money = (perHour: number) => `$${formatFixed(Math.abs(perHour), 2)}/h`;
const count = (n: number) => formatGrouped(Math.abs(n));

/** "B costs $0.20/h more; in this run it saves 1,200 failed requests (3.0 s of downtime)…" */
export function costBenefit(a: CompareTotals, b: CompareTotals, durationSec: number): CostBenefit {
  const extraPerHour = b.cost_per_hour - a.cost_per_hour;
  const requestsSaved = a.failed - b.failed;
  const downtimeAvoidedSec = (b.availability - a.availability) * durationSec;
  const cost =
    Math.abs(extraPerHour) < 0.005
      ? 'B costs the same per hour as A'
      : `B costs ${money(extraPerHour)} ${extraPerHour > 0 ? 'more' : 'less'} than A`;
  const outcome =
    requestsSaved === 0
      ? 'in this run it fails as many requests'
      : requestsSaved > 0
        ? `in this run it saves ${count(requestsSaved)} failed requests (${formatFixed(downtimeAvoidedSec, 1)} s of downtime avoided)`
        : `in this run it fails ${count(requestsSaved)} more requests (${formatFixed(-downtimeAvoidedSec, 1)} s more downtime)`;
  const rate =
    extraPerHour >= 0.005 && requestsSaved > 0
      ? `: ${count(requestsSaved / extraPerHour)} requests saved per extra $/h`
      : '';
  return { extraPerHour, requestsSaved, downtimeAvoidedSec, text: `${cost}; ${outcome}${rate}.` };
}
