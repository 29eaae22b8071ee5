import type { NodeKind } from '../../model/types';

/** A titled group of parameters in the Inspector; advanced groups start collapsed. */
export interface ParamGroup {
  readonly title: string;
  /** Annotation keys (DESIGN.md §5) of the group's fields, in order. */
  readonly keys: readonly string[];
  readonly advanced?: boolean;
}

const CAPACITY: ParamGroup = { title: 'Capacity', keys: ['workers', 'service', 'queue'] };
const CALLS: ParamGroup = { title: 'Downstream calls', keys: ['timeout'], advanced: true };

/**
 * How each kind's parameters are grouped so that the panel stays readable. A field missing here still
 * shows, in an "Other" group (see {@link groupFields}), so a new parameter is never hidden.
 */
export const PARAM_GROUPS: { readonly [K in NodeKind]: readonly ParamGroup[] } = {
  client: [
    { title: 'Traffic', keys: ['rate', 'arrival', 'users', 'writes'] },
    { title: 'Retries & timeouts', keys: ['timeout', 'retries', 'backoff', 'retry_budget'] },
    { title: 'Circuit breaker', keys: ['breaker_errors', 'breaker_open'], advanced: true },
    { title: 'Arrival shape', keys: ['burst_on', 'burst_off', 'ramp'], advanced: true },
  ],
  lb: [
    { title: 'Routing', keys: ['policy'] },
    { title: 'Failover', keys: ['mode', 'promote'] },
    { title: 'Health checks', keys: ['hc_interval', 'hc_timeout', 'hc_unhealthy', 'hc_healthy'] },
    { title: 'Outlier ejection', keys: ['eject_errors', 'eject_time'], advanced: true },
  ],
  service: [CAPACITY, CALLS, { title: 'Sessions', keys: ['sessions', 'session_sync'], advanced: true }],
  database: [
    CAPACITY,
    { title: 'Replication', keys: ['replicas', 'replication', 'lag'] },
    { title: 'Failover', keys: ['detect', 'promote'], advanced: true },
    CALLS,
  ],
  queue: [CAPACITY, { title: 'Delivery', keys: ['visibility', 'max_attempts', 'bound'] }, CALLS],
  cache: [CAPACITY, { title: 'Cache', keys: ['ttl', 'size', 'evict', 'hit'] }, CALLS],
  limiter: [{ title: 'Limit', keys: ['limit', 'burst'] }],
  dns: [{ title: 'Routing', keys: ['ttl', 'policy'] }, { ...CAPACITY, advanced: true }, CALLS],
};

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
