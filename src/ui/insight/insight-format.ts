/** Formats of the Insight panel (the rest are in ../format.ts). */

/** "$0.93" */
export const formatMoney = (amount: number): string =>
  `$${(Number.isFinite(amount) ? amount : 0).toFixed(2)}`;

/** An availability with enough digits to tell 99.3% from 99.9%: "99.334 %". */
export const formatAvailability = (share: number): string =>
  `${((Number.isFinite(share) ? share : 0) * 100).toFixed(3)} %`;

/** The label of a node or group of `doc`, else the id. */
export function labelIn(
  doc: {
    readonly nodes: readonly { id: string; label: string }[];
    readonly groups: readonly { id: string; label: string }[];
  },
  id: string,
): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? doc.groups.find((g) => g.id === id)?.label ?? id;
}
