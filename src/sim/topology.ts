import { KINDS, type EngineBehaviour } from '../model/kinds';
import { absentOf, CLIENT_PARAMS, DATABASE_PARAMS, EDGE_PARAMS, WORKER_PARAMS } from '../model/params';
import type {
  ArchDocument,
  ClientParams,
  DatabaseParams,
  Distribution,
  LbParams,
  NodeKind,
  NodeSpec,
  ServiceParams,
  WorkerParams,
} from '../model/types';
import { callEdges } from '../model/call-edges';
import { DEFAULT_PEER_LAG, isPeerLink, linkBetween, peerGroupsOf } from '../model/peers';
import { isZero } from './distributions';
import { ixArrayOf, type EdgeIx, type IxArray, type NodeIx } from './indices';
import { KeySampler } from './keys';
import { compileLoadLatency } from './load-latency';
import { RandomStream } from './random';

/** How the engine treats a node, by the kind registry's `engine` (src/model/kinds.ts). */
export const KindCode = { client: 0, lb: 1, worker: 2, dns: 3, limiter: 4 } as const satisfies Record<
  EngineBehaviour,
  number
>;

/**
 * Health checks of a DNS node's targets: a load balancer's defaults, probing more slowly (DNS parameters
 * have no health checks of their own; GSLBs probe every ten seconds or so).
 */
export const DNS_HEALTH_CHECKS: LbParams = { ...KINDS.lb.defaults, hcIntervalMs: 10_000, hcTimeoutMs: 2000 };

/** Users per client when the document does not say. */
export const DEFAULT_USERS = absentOf(CLIENT_PARAMS, 'users');
const DEFAULT_TIMEOUT_MS = absentOf(WORKER_PARAMS, 'timeoutMs');
const DEFAULT_SHED = absentOf(WORKER_PARAMS, 'shed');
const DEFAULT_MAX_WAIT_MS = absentOf(WORKER_PARAMS, 'maxWaitMs');
const DEFAULT_REPLICAS = absentOf(DATABASE_PARAMS, 'replicas');
const DEFAULT_LOSS = absentOf(EDGE_PARAMS, 'loss');

/**
 * A document compiled for the engine: nodes and edges numbered, parameters in flat arrays, and one random
 * stream per source of randomness, named after the node or edge so streams do not depend on order.
 */
export interface Topology {
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, NodeIx>;
  readonly kinds: readonly NodeKind[];
  /** Each node's parameters as written, for the models that read kind-specific ones. */
  readonly params: readonly NodeSpec['params'][];
  /** Whether requests need a user drawn: hash routing, sessions or replication look at it. */
  readonly usersMatter: boolean;
  /** Per client: where its user ids start in the shared user space. */
  readonly userOffset: Int32Array;
  /** Users of all clients together. */
  readonly totalUsers: number;
  /** 1 for message queues: they store what they accept and deliver it to their downstream consumers. */
  readonly isQueue: Uint8Array;
  /** Per node: the message queues it consumes from. */
  readonly upstreamQueues: readonly IxArray<NodeIx>[];
  /** KindCode of each node: how the engine treats it. */
  readonly behaviour: Int32Array;
  readonly workers: Int32Array;
  readonly queueCapacity: Float64Array;
  /** Timeout of each node's downstream calls (Infinity: none). */
  readonly callTimeoutMs: Float64Array;
  readonly service: readonly (Distribution | null)[];
  readonly client: readonly (ClientParams | null)[];
  readonly lb: readonly (LbParams | null)[];
  /** Outgoing edge indices of each node, in document order. */
  readonly outEdges: readonly IxArray<EdgeIx>[];
  readonly edgeIds: readonly string[];
  readonly edgeIndex: ReadonlyMap<string, EdgeIx>;
  /** The other way of a both-way link (`<-->`), or -1. */
  readonly edgeReverse: IxArray<EdgeIx>;
  readonly edgeSource: IxArray<NodeIx>;
  readonly edgeTarget: IxArray<NodeIx>;
  readonly edgeLatency: readonly Distribution[];
  readonly edgeLatencyIsZero: Uint8Array;
  readonly edgeWeight: Float64Array;
  readonly edgeBackup: Uint8Array;
  readonly edgeLoss: Float64Array;
  /** Per edge: region latencies added to each trip, one per region boundary the edge crosses. */
  readonly edgeRegionLatency: readonly (readonly Distribution[])[];
  /** Per node: the group (region) it is in, or -1; for DNS latency routing. */
  readonly nodeGroup: Int32Array;
  readonly groupIds: readonly string[];
  /** Nodes of each group, nested groups included. */
  readonly groupMembers: ReadonlyMap<string, readonly NodeIx[]>;
  readonly startsFailed: Uint8Array;
  /** Per client: the sampler of the data keys its requests name, or null (README "Keyed caches"). */
  readonly keySampler: readonly (KeySampler | null)[];
  /** Size of the key space shared by every client with keys (0: no request names a key). */
  readonly keySpace: number;
  /** Per node: LoadModel code of its load-dependent latency (0: off), and its k and n. */
  readonly loadModel: Int8Array;
  readonly loadK: Float64Array;
  readonly loadN: Float64Array;
  /** Per node: queue length at which new work is shed (Infinity: never). */
  readonly shedAt: Float64Array;
  /** Per node: longest wait before work is shed as it reaches a worker (Infinity: no limit). */
  readonly maxWaitMs: Float64Array;
  /** Per node: 1 when waiting work is served last in, first out. */
  readonly lifo: Uint8Array;
  /** Per node: 1 when any of shed, max_wait or lifo applies: the engine's one check off the plain path. */
  readonly queuePolicy: Uint8Array;
  /** Per client: 1 for a closed population of users (arrival=closed). */
  readonly closedLoop: Uint8Array;
  readonly serviceRng: readonly RandomStream[];
  readonly arrivalRng: readonly RandomStream[];
  /** Per node: load-balancing choices, retry jitter, users of requests. */
  readonly choiceRng: readonly RandomStream[];
  readonly probeRng: readonly RandomStream[];
  /** Per node: whether a degraded node answers with an error. */
  readonly faultRng: readonly RandomStream[];
  readonly edgeRng: readonly RandomStream[];
  /** Per edge: whether a request is lost. */
  readonly lossRng: readonly RandomStream[];
  /** Groups of multi-primary peers (README "Active-active data"); their links are in no `outEdges`. */
  readonly peerGroups: readonly PeerGroupPlan[];
  /** Per client: the data keys its requests name. */
  readonly keyRng: readonly RandomStream[];
}

/** A group of multi-primary peers compiled for the engine; channels are numbered from·n + to. */
export interface PeerGroupPlan {
  /** The peers' node indices. */
  readonly nodes: Int32Array;
  readonly sync: boolean;
  readonly firstWins: boolean;
  /** Per channel: the index of the replication link between the two peers (-1 from a peer to itself). */
  readonly linkEdge: Int32Array;
  /** Per channel: the one-way replication lag. */
  readonly lag: readonly Distribution[];
  /** Per channel: the lag's random stream. */
  readonly rng: readonly RandomStream[];
}

export function compileTopology(doc: ArchDocument, seed: number): Topology {
  const nodeIndex = new Map<string, NodeIx>();
  doc.nodes.forEach((node, i) => nodeIndex.set(node.id, i as NodeIx));
  const indexOf = (id: string) => nodeIndex.get(id) as NodeIx;
  const n = doc.nodes.length;
  const behaviour = new Int32Array(n);
  const workers = new Int32Array(n);
  const queueCapacity = new Float64Array(n);
  const callTimeoutMs = new Float64Array(n).fill(Infinity);
  const loadModel = new Int8Array(n);
  const loadK = new Float64Array(n);
  const loadN = new Float64Array(n).fill(1);
  const shedAt = new Float64Array(n).fill(Infinity);
  const maxWaitMs = new Float64Array(n).fill(Infinity);
  const lifo = new Uint8Array(n);
  const service: (Distribution | null)[] = [];
  const client: (ClientParams | null)[] = [];
  const lb: (LbParams | null)[] = [];
  doc.nodes.forEach((node, i) => {
    const engine = KINDS[node.kind].engine;
    behaviour[i] = KindCode[engine];
    client.push(node.kind === 'client' ? node.params : null);
    lb.push(node.kind === 'lb' ? node.params : engine === 'dns' ? DNS_HEALTH_CHECKS : null);
    switch (engine) {
      case 'client':
      case 'lb':
      case 'dns':
      case 'limiter':
        service.push(null);
        break;
      case 'worker': {
        // Services, databases, caches and message queues all do work with a pool of workers (a queue's is
        // its broker, storing messages); the engine adds each kind's own behaviour on top. The kind
        // registry gives `worker` only to kinds whose parameters hold a worker pool.
        const params = node.params as WorkerParams;
        workers[i] = params.workers;
        queueCapacity[i] = params.queueCapacity;
        service.push(params.service);
        const load = compileLoadLatency(params.loadLatency);
        loadModel[i] = load.model;
        loadK[i] = load.k;
        loadN[i] = load.n;
        // A message queue applies shed, max_wait and queue_order to its stored messages, not to the
        // producers waiting for its broker (src/sim/message-store.ts, README "Load shedding").
        // Nor does it call downstream: its consumers take its messages (src/sim/queue-delivery.ts).
        if (node.kind === 'queue') break;
        callTimeoutMs[i] = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        shedAt[i] = params.shed ?? DEFAULT_SHED;
        maxWaitMs[i] = params.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
        lifo[i] = params.queueOrder === 'lifo' ? 1 : 0;
        break;
      }
      default:
        throw new Error(`no engine behaviour for ${engine satisfies never}`);
    }
  });
  const edges = callEdges(doc).filter((e) => nodeIndex.has(e.source) && nodeIndex.has(e.target));
  const groupIds = doc.groups.map((g) => g.id);
  const groupsOf = groupChains(doc);
  const outLists: EdgeIx[][] = doc.nodes.map(() => []);
  // A replication link between peers is not a call path.
  edges.forEach((edge, e) => {
    if (!isPeerLink(doc, edge)) outLists[indexOf(edge.source)]?.push(e as EdgeIx);
  });
  const stream = (prefix: string) => (id: string) => new RandomStream(seed, `${prefix}:${id}`);
  const nodeIds = doc.nodes.map((node) => node.id);
  const userOffset = new Int32Array(n);
  let totalUsers = 0;
  doc.nodes.forEach((node, i) => {
    if (node.kind !== 'client') return;
    userOffset[i] = totalUsers;
    totalUsers += node.params.users ?? DEFAULT_USERS;
  });
  const peerGroups = compilePeerGroups(doc, nodeIndex, edges, seed);
  const usersMatter =
    peerGroups.length > 0 ||
    doc.nodes.some(
      (node) =>
        (node.kind === 'lb' && node.params.policy === 'hash') ||
        node.kind === 'dns' ||
        (node.kind === 'service' && (node.params as ServiceParams).sessions !== undefined) ||
        (node.kind === 'database' && ((node.params as DatabaseParams).replicas ?? DEFAULT_REPLICAS) > 0),
    );
  const edgeIds = edges.map((e) => e.id);
  const keySampler = doc.nodes.map((node) =>
    node.kind === 'client' && node.params.keys ? new KeySampler(node.params.keys) : null,
  );
  const edgeIndex = new Map(edgeIds.map((id, e) => [id, e as EdgeIx]));
  // Each way of a both-way link knows the other, so that a call never goes straight back to its caller.
  const edgeReverse = ixArrayOf<EdgeIx>(edges.map(() => -1 as EdgeIx));
  edges.forEach((edge, e) => {
    const pair = edge.reverseOf !== undefined ? edgeIndex.get(edge.reverseOf) : undefined;
    if (pair === undefined) return;
    edgeReverse[e] = pair;
    edgeReverse[pair] = e as EdgeIx;
  });
  return {
    nodeIds,
    nodeIndex,
    kinds: doc.nodes.map((node) => node.kind),
    params: doc.nodes.map((node) => node.params),
    usersMatter,
    userOffset,
    totalUsers,
    isQueue: Uint8Array.from(doc.nodes, (node) => (node.kind === 'queue' ? 1 : 0)),
    upstreamQueues: doc.nodes.map((_, i) =>
      ixArrayOf(
        edges
          .filter((e) => indexOf(e.target) === i && doc.nodes[indexOf(e.source)]?.kind === 'queue')
          .map((e) => indexOf(e.source)),
      ),
    ),
    behaviour,
    workers,
    queueCapacity,
    callTimeoutMs,
    service,
    client,
    lb,
    outEdges: outLists.map((list) => ixArrayOf(list)),
    edgeIds,
    edgeIndex,
    edgeReverse,
    edgeSource: ixArrayOf(edges.map((e) => indexOf(e.source))),
    edgeTarget: ixArrayOf(edges.map((e) => indexOf(e.target))),
    edgeLatency: edges.map((e) => e.params.latency),
    edgeLatencyIsZero: Uint8Array.from(edges, (e) =>
      isZero(e.params.latency) && regionLatency(doc, groupsOf, e.source, e.target).length === 0 ? 1 : 0,
    ),
    edgeRegionLatency: edges.map((e) => regionLatency(doc, groupsOf, e.source, e.target)),
    nodeGroup: Int32Array.from(doc.nodes, (node) =>
      node.group === undefined ? -1 : groupIds.indexOf(node.group),
    ),
    groupIds,
    edgeWeight: Float64Array.from(edges, (e) => e.params.weight),
    edgeBackup: Uint8Array.from(edges, (e) => (e.params.backup ? 1 : 0)),
    edgeLoss: Float64Array.from(edges, (e) => e.params.loss ?? DEFAULT_LOSS),
    groupMembers: membersOfGroups(doc, nodeIndex),
    startsFailed: Uint8Array.from(doc.nodes, (node) => (node.startsFailed ? 1 : 0)),
    keySampler,
    keySpace: keySampler.reduce((most, sampler) => Math.max(most, sampler?.size ?? 0), 0),
    loadModel,
    loadK,
    loadN,
    shedAt,
    maxWaitMs,
    lifo,
    queuePolicy: Uint8Array.from(doc.nodes, (_, i) =>
      shedAt[i] !== Infinity || maxWaitMs[i] !== Infinity || lifo[i] ? 1 : 0,
    ),
    closedLoop: Uint8Array.from(doc.nodes, (node) =>
      node.kind === 'client' && node.params.arrival === 'closed' ? 1 : 0,
    ),
    serviceRng: nodeIds.map(stream('service')),
    arrivalRng: nodeIds.map(stream('arrivals')),
    choiceRng: nodeIds.map(stream('choices')),
    probeRng: nodeIds.map(stream('probes')),
    faultRng: nodeIds.map(stream('faults')),
    edgeRng: edgeIds.map(stream('edge')),
    lossRng: edgeIds.map(stream('loss')),
    peerGroups,
    keyRng: nodeIds.map(stream('keys')),
  };
}

function compilePeerGroups(
  doc: ArchDocument,
  nodeIndex: ReadonlyMap<string, number>,
  edges: readonly ArchDocument['edges'][number][],
  seed: number,
): PeerGroupPlan[] {
  const edgeIndex = new Map(edges.map((edge, e) => [edge.id, e]));
  return peerGroupsOf({ nodes: doc.nodes, edges }).map((group) => {
    const n = group.members.length;
    const linkEdge = new Int32Array(n * n).fill(-1);
    const lag: Distribution[] = [];
    const rng: RandomStream[] = [];
    group.members.forEach((from, i) => {
      group.members.forEach((to, j) => {
        const link = i === j ? undefined : linkBetween(group, from, to);
        if (link) linkEdge[i * n + j] = edgeIndex.get(link.id) ?? -1;
        lag.push(link?.params.lag ?? DEFAULT_PEER_LAG);
        rng.push(new RandomStream(seed, `replication:${from}->${to}`));
      });
    });
    return {
      nodes: Int32Array.from(group.members, (id) => nodeIndex.get(id) as number),
      sync: group.replication === 'sync',
      firstWins: group.conflict === 'first-wins',
      linkEdge,
      lag,
      rng,
    };
  });
}

/** For each node id, the groups containing it, innermost first. */
function groupChains(doc: ArchDocument): Map<string, string[]> {
  const parentOf = new Map(doc.groups.map((g) => [g.id, g.parent]));
  const chains = new Map<string, string[]>();
  for (const node of doc.nodes) {
    const chain: string[] = [];
    for (let group = node.group; group !== undefined && !chain.includes(group); group = parentOf.get(group))
      chain.push(group);
    chains.set(node.id, chain);
  }
  return chains;
}

/** The latencies of the regions an edge enters or leaves: groups holding one end and not the other. */
function regionLatency(
  doc: ArchDocument,
  chains: ReadonlyMap<string, readonly string[]>,
  source: string,
  target: string,
): Distribution[] {
  const from = chains.get(source) ?? [];
  const to = chains.get(target) ?? [];
  const crossed = [...from.filter((g) => !to.includes(g)), ...to.filter((g) => !from.includes(g))];
  return crossed.flatMap((id) => {
    const latency = doc.groups.find((g) => g.id === id)?.latency;
    return latency ? [latency] : [];
  });
}

/** The nodes of each group, including those of the groups nested in it. */
function membersOfGroups(doc: ArchDocument, nodeIndex: ReadonlyMap<string, NodeIx>): Map<string, NodeIx[]> {
  const parentOf = new Map(doc.groups.map((g) => [g.id, g.parent]));
  const members = new Map<string, NodeIx[]>(doc.groups.map((g) => [g.id, []]));
  for (const node of doc.nodes) {
    const seen = new Set<string>();
    for (let group = node.group; group !== undefined && !seen.has(group); group = parentOf.get(group)) {
      seen.add(group);
      members.get(group)?.push(nodeIndex.get(node.id) as NodeIx);
    }
  }
  return members;
}
