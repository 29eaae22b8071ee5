import { KINDS, kindOf, type NodeKind, type NodeParamsByKind } from './kinds';
import { EDGE_DEFAULTS } from './params';
import type { ClientParams, EdgeParams, LbParams, WorkerParams } from './types';

/*
 * Default parameters of every kind, read from the kind registry (src/model/kinds.ts; README's parameter
 * table lists them). The named constants are kept for the presets and tests that build documents.
 */
export const DEFAULT_CLIENT: ClientParams = KINDS.client.defaults;
export const DEFAULT_LB: LbParams = KINDS.lb.defaults;
export const DEFAULT_SERVICE: WorkerParams = KINDS.service.defaults;
export const DEFAULT_DATABASE: WorkerParams = KINDS.database.defaults;
export const DEFAULT_CACHE: WorkerParams = KINDS.cache.defaults;
/** A message broker accepts and stores messages quickly; its consumers do the work. */
export const DEFAULT_QUEUE: WorkerParams = KINDS.queue.defaults;

/** A new edge's parameters, from the edge table (src/model/params.ts). */
export const DEFAULT_EDGE: EdgeParams = EDGE_DEFAULTS;

/** The name of a document whose source gives it none (no `title:`) and that has no name to keep. */
export const UNTITLED = 'Untitled diagram';

/** Default parameters for a node of the given kind. */
export function defaultParamsOf<K extends NodeKind>(kind: K): NodeParamsByKind[K] {
  return kindOf(kind).defaults as NodeParamsByKind[K];
}

/**
 * Running cost per hour by kind, when a node does not say (orders of magnitude of a small cloud
 * deployment, in dollars): what makes "what does the extra server buy" a comparison of like with like.
 */
export const DEFAULT_COST_PER_HOUR = Object.fromEntries(
  Object.entries(KINDS).map(([kind, spec]) => [kind, spec.costPerHour]),
) as { readonly [K in NodeKind]: number };

/** A node's cost per hour: its own, or its kind's default. */
export function costPerHourOf(node: { readonly kind: NodeKind; readonly cost?: number }): number {
  return node.cost ?? KINDS[node.kind].costPerHour;
}

export const DEFAULT_SIM = { seed: 42, durationSec: 300, warmupSec: 0 } as const;
