import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_SIM } from '../../src/model/defaults';
import type { NodeKind } from '../../src/model/kinds';
import { edgeIdOf, type ArchDocument, type NodeSpec } from '../../src/model/types';
import { newNodeOf } from '../../src/store/graph-edits';

/** A client sending to one node of `kind` (with a service behind the routers so they have a target). */
export function docWith(kind: NodeKind): ArchDocument {
  const empty: ArchDocument = {
    name: kind,
    direction: 'LR',
    nodes: [],
    edges: [],
    groups: [],
    scenario: [],
    sim: { ...DEFAULT_SIM, durationSec: 20 },
  };
  const client: NodeSpec = {
    id: 'Users',
    label: 'Users',
    kind: 'client',
    params: { ...DEFAULT_CLIENT, ratePerSec: 50 },
  };
  const node = kind === 'client' ? newNodeOf(empty, 'service') : newNodeOf(empty, kind);
  const backend = newNodeOf({ ...empty, nodes: [node] }, 'service');
  const edge = (source: string, target: string) => ({
    id: edgeIdOf(source, target),
    source,
    target,
    params: DEFAULT_EDGE,
  });
  return {
    ...empty,
    nodes: [client, node, backend],
    edges: [edge(client.id, node.id), edge(node.id, backend.id)],
  };
}
