import { KINDS, NODE_KINDS, type NodeKind, type ParamGroup } from '../../model/kinds';

export type { ParamGroup } from '../../model/kinds';

/**
 * How each kind's parameters are grouped so that the panel stays readable (the kind registry's
 * `groups`). A field missing there still shows, in an "Other" group (see {@link groupFields}), so a new
 * parameter is never hidden.
 */
export const PARAM_GROUPS: { readonly [K in NodeKind]: readonly ParamGroup[] } = Object.fromEntries(
  NODE_KINDS.map((kind) => [kind, KINDS[kind].groups]),
) as { readonly [K in NodeKind]: readonly ParamGroup[] };

/** The fields of a kind sorted into its groups, with any field no group names in a last "Other" group. */
export function groupFields<F extends { readonly key: string }>(
  kind: NodeKind,
  fields: readonly F[],
): { readonly group: ParamGroup; readonly fields: readonly F[] }[] {
  const groups = PARAM_GROUPS[kind];
  const placed = new Set(groups.flatMap((g) => g.keys));
  const sorted = groups.map((group) => ({
    group,
    fields: group.keys.flatMap((key) => fields.filter((f) => f.key === key)),
  }));
  const rest = fields.filter((f) => !placed.has(f.key));
  if (rest.length)
    sorted.push({ group: { title: 'Other', keys: rest.map((f) => f.key), advanced: true }, fields: rest });
  return sorted.filter((g) => g.fields.length > 0);
}
