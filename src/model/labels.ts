/**
 * The label of a node or group of a document, else the id (a fault's target, a capacity situation's
 * failed node or zone): for the page's Insight panels and the capacity check's warnings alike. The page
 * names edges too (src/ui/target-label.ts).
 */
export function labelIn(
  doc: {
    readonly nodes: readonly { id: string; label: string }[];
    readonly groups: readonly { id: string; label: string }[];
  },
  id: string,
): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? doc.groups.find((g) => g.id === id)?.label ?? id;
}
