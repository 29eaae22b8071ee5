import type { ArchDocument, NodeSpec } from '../../model/types';

/** The document with node `id`'s cost per hour set (undefined: back to its kind's default). */
export function withNodeCost(doc: ArchDocument, id: string, cost: number | undefined): ArchDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node): NodeSpec => {
      if (node.id !== id) return node;
      const { cost: _old, ...rest } = node;
      return (cost === undefined ? rest : { ...rest, cost }) as NodeSpec;
    }),
  };
}
