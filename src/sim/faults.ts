import type { ScenarioStep } from '../model/types';
import type { NodeHealth } from './results';
import type { Topology } from './topology';
import type { EdgeIx, NodeIx } from './indices';

/**
 * The faults in force: per node crashed, hung, slowed or erroring; per edge cut, slowed or lossy. The
 * engine reads these on its hot path and applies the consequences (resetting a crashed node's requests,
 * holding a hung node's).
 */
export class FaultState {
  readonly crashed: Uint8Array;
  readonly hung: Uint8Array;
  readonly slowFactor: Float64Array;
  readonly errorRate: Float64Array;
  /** Share of its workers a node has left (`degrade S workers=50%`); 1 when whole. */
  readonly workerShare: Float64Array;
  readonly edgeCut: Uint8Array;
  readonly edgeAddedMs: Float64Array;
  readonly edgeLoss: Float64Array;

  constructor(private readonly topology: Topology) {
    const n = topology.nodeIds.length;
    const e = topology.edgeIds.length;
    this.crashed = Uint8Array.from(topology.startsFailed);
    this.hung = new Uint8Array(n);
    this.slowFactor = new Float64Array(n).fill(1);
    this.errorRate = new Float64Array(n);
    this.workerShare = new Float64Array(n).fill(1);
    this.edgeCut = new Uint8Array(e);
    this.edgeAddedMs = new Float64Array(e);
    this.edgeLoss = Float64Array.from(topology.edgeLoss);
  }

  health(node: NodeIx): NodeHealth {
    if (this.crashed[node]) return 'failed';
    if (this.hung[node]) return 'hung';
    if (this.slowFactor[node] !== 1 || this.errorRate[node] !== 0 || this.workerShare[node] !== 1)
      return 'degraded';
    return 'up';
  }

  /** True when the node answers nothing: crashed or hung. */
  isDown(node: NodeIx): boolean {
    return this.crashed[node] === 1 || this.hung[node] === 1;
  }

  /** Undoes the degradations of a node (crash and hang are undone by the engine, which must reset calls). */
  clearDegradation(node: NodeIx): void {
    this.slowFactor[node] = 1;
    this.errorRate[node] = 0;
    this.workerShare[node] = 1;
  }

  degradeEdge(edge: EdgeIx, step: ScenarioStep): void {
    if (step.addedLatencyMs !== undefined) this.edgeAddedMs[edge] = step.addedLatencyMs;
    if (step.loss !== undefined) this.edgeLoss[edge] = step.loss;
  }

  degradeNode(node: NodeIx, step: ScenarioStep): void {
    if (step.factor !== undefined) this.slowFactor[node] = step.factor;
    if (step.errorRate !== undefined) this.errorRate[node] = step.errorRate;
    if (step.workersShare !== undefined) this.workerShare[node] = step.workersShare;
  }

  recoverEdge(edge: EdgeIx): void {
    this.edgeCut[edge] = 0;
    this.edgeAddedMs[edge] = 0;
    this.edgeLoss[edge] = this.topology.edgeLoss[edge] as number;
  }
}

/** What a scenario step's target names: nodes, and the edges it concerns. */
export interface ResolvedTarget {
  readonly nodes: readonly NodeIx[];
  readonly edges: readonly EdgeIx[];
}

/**
 * Resolves a step's target: a node id, an edge id (`A-->B`) or a group id. For a group, `edges` are the
 * edges crossing its boundary (what a zone partition cuts). Returns null for an unknown id.
 */
export function resolveTarget(topology: Topology, target: string): ResolvedTarget | null {
  const node = topology.nodeIndex.get(target);
  if (node !== undefined) return { nodes: [node], edges: [] };
  const edge = topology.edgeIndex.get(target);
  if (edge !== undefined) return { nodes: [], edges: [edge] };
  const members = topology.groupMembers.get(target);
  if (members === undefined) return null;
  const inside = new Set(members);
  const crossing: EdgeIx[] = [];
  for (let i = 0; i < topology.edgeIds.length; i++) {
    const e = i as EdgeIx;
    if (inside.has(topology.edgeSource[e] as NodeIx) !== inside.has(topology.edgeTarget[e] as NodeIx))
      crossing.push(e);
  }
  return { nodes: members, edges: crossing };
}
