/**
 * Checks of multi-primary peers (README "Active-active data"): replication keys only on replication
 * links, each group of peers a full mesh with one replication mode and one conflict policy, and no call
 * edge between two peers beside their link.
 */
import { isPeerLink, linkBetween, PEER_LINK_KEYS, peerGroupsOf } from './peers';
import type { ArchDocument } from './types';
import { checkParams, PEER_LINK_PARAMS } from './params';

/** Reports a problem at a field path such as `edges.DBE-->DBW.params.conflict`. */
type Report = (path: string, message: string) => void;

const PROPS = { replication: 'replication', lag: 'lag', conflict: 'conflict' } as const;

export function validatePeers(doc: ArchDocument, report: Report): void {
  for (const edge of doc.edges) {
    const peer = isPeerLink(doc, edge);
    for (const key of PEER_LINK_KEYS) {
      if (edge.params[PROPS[key]] === undefined || peer) continue;
      report(
        `edges.${edge.id}.params.${key}`,
        edge.bidirectional
          ? `${key} applies to a replication link, and ${edge.source} <--> ${edge.target} does not join two databases`
          : `${key} applies to a replication link between two databases, drawn ${edge.source} <--> ${edge.target}`,
      );
    }
    if (peer)
      checkParams(PEER_LINK_PARAMS, edge.params, (key, m) => report(`edges.${edge.id}.params.${key}`, m));
  }
  for (const group of peerGroupsOf(doc)) {
    const [first] = group.links;
    for (const link of group.links) {
      if ((link.params.replication ?? 'async') !== group.replication)
        report(
          `edges.${link.id}.params.replication`,
          `peers ${group.members.join(', ')} must replicate the same way: ${first?.id} is ${group.replication}`,
        );
      if ((link.params.conflict ?? 'lww') !== group.conflict)
        report(
          `edges.${link.id}.params.conflict`,
          `peers ${group.members.join(', ')} must settle conflicts the same way: ${first?.id} uses ${group.conflict}`,
        );
    }
    group.members.forEach((a, i) => {
      for (const b of group.members.slice(i + 1)) {
        if (!linkBetween(group, a, b)) {
          report(
            `edges.${first?.id ?? ''}`,
            `peers ${group.members.join(', ')} must all be linked to each other (a full mesh): add ${a} <--> ${b}`,
          );
        }
        for (const call of doc.edges) {
          const between =
            (call.source === a && call.target === b) || (call.source === b && call.target === a);
          if (between && !isPeerLink(doc, call))
            report(
              `edges.${call.id}`,
              `${call.id} is a call between peers ${a} and ${b}, which already replicate over ${a} <--> ${b}`,
            );
        }
      }
    });
  }
}
