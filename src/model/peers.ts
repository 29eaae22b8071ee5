/**
 * Multi-primary peers (README "Active-active data"): databases joined by a bidirectional link
 * (`DBE <--> DBW`) both accept writes and replicate them to each other. The link is replication, not a
 * call path. Pure helpers shared by validation, the engine and the analyses.
 */
import { absentOf, PEER_LINK_PARAMS } from './params';
import type { ArchDocument, ConflictPolicy, Distribution, EdgeSpec, ReplicationMode } from './types';

/** One-way replication lag of a peer link whose `lag` is not set. */
export const DEFAULT_PEER_LAG: Distribution = absentOf(PEER_LINK_PARAMS, 'lag');

/** Keys that only a replication link between peers takes. */
export const PEER_LINK_KEYS = ['replication', 'lag', 'conflict'] as const;

/** Whether `edge` is a replication link: drawn `<-->` between two databases. */
export function isPeerLink(doc: Pick<ArchDocument, 'nodes'>, edge: EdgeSpec): boolean {
  if (edge.bidirectional !== true) return false;
  const kindOf = (id: string) => doc.nodes.find((node) => node.id === id)?.kind;
  return kindOf(edge.source) === 'database' && kindOf(edge.target) === 'database';
}

/** A set of databases joined by replication links, and how they replicate. */
export interface PeerGroup {
  /** Database ids in document order. */
  readonly members: readonly string[];
  /** The replication links among them. */
  readonly links: readonly EdgeSpec[];
  readonly replication: ReplicationMode;
  readonly conflict: ConflictPolicy;
}

/**
 * The groups of peers: connected components of the replication links, members in document order. The
 * mode and policy are those of the first link (validation requires them to agree).
 */
export function peerGroupsOf(doc: Pick<ArchDocument, 'nodes' | 'edges'>): PeerGroup[] {
  const links = doc.edges.filter((edge) => isPeerLink(doc, edge));
  if (links.length === 0) return [];
  const root = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (root.get(r) !== undefined && root.get(r) !== r) r = root.get(r) as string;
    root.set(id, r);
    return r;
  };
  for (const link of links) {
    if (!root.has(link.source)) root.set(link.source, link.source);
    if (!root.has(link.target)) root.set(link.target, link.target);
    const a = find(link.source);
    const b = find(link.target);
    if (a !== b) root.set(b, a);
  }
  const byRoot = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (!root.has(node.id)) continue;
    const r = find(node.id);
    byRoot.set(r, [...(byRoot.get(r) ?? []), node.id]);
  }
  return [...byRoot.values()].map((members) => {
    const inGroup = new Set(members);
    const own = links.filter((link) => inGroup.has(link.source));
    const first = own[0]?.params;
    return {
      members,
      links: own,
      replication: first?.replication ?? absentOf(PEER_LINK_PARAMS, 'replication'),
      conflict: first?.conflict ?? absentOf(PEER_LINK_PARAMS, 'conflict'),
    };
  });
}

/** The link between two peers of a group, either way round. */
export function linkBetween(group: PeerGroup, a: string, b: string): EdgeSpec | undefined {
  return group.links.find(
    (link) => (link.source === a && link.target === b) || (link.source === b && link.target === a),
  );
}
