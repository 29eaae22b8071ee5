/**
 * The calls a document's links make (README.md, "Links"). Every link is a call from its source to its
 * target, whatever its head (`-->`, `---`, `--o`, `--x`) or stroke; a link drawn both ways (`<-->`,
 * `o--o`, `x--x`) is also a call from its target back to its source, with the same parameters, under the
 * id `TARGET-->SOURCE`. The way back is a call only from a node that calls downstream (a service, cache
 * or database), never straight back to the caller of the same request (the engine skips it), and not
 * when the document has its own edge that way.
 *
 * Between two databases a both-way link is no call at all: it is replication between multi-primary
 * peers (src/model/peers.ts), which the engine models apart from calls.
 */
import { isPeerLink } from './peers';
import { edgeIdOf, type ArchDocument, type EdgeSpec, type NodeKind } from './types';

/** Kinds whose node calls each downstream node in turn after its own work. */
const CALLING_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'cache', 'database']);

/** A call the engine makes: a document edge, or the way back of a both-way one (`reverseOf` its id). */
export interface CallEdge extends EdgeSpec {
  /** For the way back of a both-way link: the id of the document's edge it reverses. */
  readonly reverseOf?: string;
}

/** The document's edges, each followed by its way back when it is drawn both ways. */
export function callEdges(doc: ArchDocument): CallEdge[] {
  const kindOf = new Map(doc.nodes.map((node) => [node.id, node.kind]));
  const ids = new Set(doc.edges.map((edge) => edge.id));
  const calls: CallEdge[] = [];
  for (const edge of doc.edges) {
    calls.push(edge);
    if (!edge.bidirectional) continue;
    const back = edgeIdOf(edge.target, edge.source);
    const from = kindOf.get(edge.target);
    if (ids.has(back) || from === undefined || !CALLING_KINDS.has(from)) continue;
    if (isPeerLink(doc, edge)) continue;
    ids.add(back);
    calls.push({
      id: back,
      source: edge.target,
      target: edge.source,
      params: edge.params,
      reverseOf: edge.id,
    });
  }
  return calls;
}
