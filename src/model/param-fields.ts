import { KINDS, type NodeKind, type NodeParamsByKind } from './kinds';
import { readValue } from './param-values';
import {
  CLIENT_PARAMS,
  DATABASE_PARAMS,
  DNS_PARAMS,
  EDGE_PARAMS,
  LB_PARAMS,
  LIMITS,
  PEER_LINK_PARAMS,
  QUEUE_PARAMS,
  SERVICE_PARAMS,
  WORKER_PARAMS,
  type Param,
  type ParamTable,
  type ParamsOf,
} from './params';
import type { EdgeParams } from './types';
import type { Parsed } from './units';

/**
 * One editable parameter: how it is named in the interface and in `%% @…` annotations, how it is shown
 * as text, and how text becomes a new parameter object (or an error message that names the problem).
 * The Inspector and the Mermaid annotations both use these, so a value means the same in both places.
 * They are made from the parameter table (src/model/params.ts).
 */
export interface ParamField<P> {
  /** Annotation key (DESIGN.md §5), e.g. `hc_interval`. */
  readonly key: string;
  /** Label in the Inspector. */
  readonly label: string;
  /** What the user may type, shown as a hint, e.g. `ms or s`. */
  readonly unit: string;
  /** One sentence saying what the parameter does. */
  readonly help: string;
  /** Allowed values, for fields edited with a select. */
  readonly options?: readonly string[];
  format(params: P): string;
  /**
   * Like {@link format}, but exact: `apply` of this text gives back the very same value (no rounding for
   * display). Mermaid export writes this.
   */
  formatExact(params: P): string;
  apply(params: P, text: string): Parsed<P>;
  /**
   * Optional parameters only: the default's text (what an absent key means), and whether the key is
   * set. The Inspector shows the default as a placeholder while the key is absent.
   */
  readonly optional?: { readonly defaultText: string; isSet(params: P): boolean };
}

/** Upper bound on a client's rate: beyond it a browser run could not keep up, so it is refused. */
export const MAX_RATE_PER_SEC = LIMITS.ratePerSec;

/**
 * The field of one table entry. An optional parameter set to its default loses the key again, so a
 * document never holds a default explicitly (and reads back the same from Mermaid).
 */
function fieldOf<P>(prop: string, param: Param<unknown>): ParamField<P> {
  const { type, absent, absentText } = param;
  const valueOf = (params: P): unknown => (params as Record<string, unknown>)[prop];
  const text = (show: (value: unknown) => string) => (params: P) => {
    const value = valueOf(params) ?? absent;
    return value === undefined ? (absentText ?? '') : show(value);
  };
  const put = (params: P, value: unknown): P => {
    const copy = { ...params } as Record<string, unknown>;
    const isAbsent =
      value === undefined || (absent !== undefined && type.showExact(value) === type.showExact(absent));
    if (param.optional && isAbsent) delete copy[prop];
    else copy[prop] = value;
    return copy as P;
  };
  const options = type.options && absentText !== undefined ? [absentText, ...type.options] : type.options;
  return {
    key: param.key,
    label: param.label,
    unit: param.unit,
    help: param.help,
    ...(options ? { options } : {}),
    format: text((v) => type.show(v)),
    formatExact: text((v) => type.showExact(v)),
    apply: (params, input) => {
      if (param.optional && absentText !== undefined && input.trim().toLowerCase() === absentText)
        return { ok: true, value: put(params, undefined) };
      const parsed = readValue(type, input);
      return parsed.ok ? { ok: true, value: put(params, parsed.value) } : parsed;
    },
    ...(param.optional
      ? {
          optional: {
            defaultText: absent === undefined ? (absentText ?? '') : type.show(absent),
            isSet: (params: P) => valueOf(params) !== undefined,
          },
        }
      : {}),
  };
}

/**
 * The fields of a parameter table, in its order (the Inspector's and Mermaid export's). They keep the
 * other keys of a params object (they copy it), so `P` may be a params type that holds more than `T`'s.
 */
export function fieldsOfTable<T extends ParamTable, P extends ParamsOf<T> = ParamsOf<T>>(
  table: T,
): readonly ParamField<P>[] {
  return Object.entries(table).map(([prop, param]) => fieldOf<P>(prop, param));
}

export const CLIENT_FIELDS = fieldsOfTable(CLIENT_PARAMS);
export const LB_FIELDS = fieldsOfTable(LB_PARAMS);
export const WORKER_FIELDS = fieldsOfTable(WORKER_PARAMS);
export const SERVICE_FIELDS = fieldsOfTable(SERVICE_PARAMS);
export const DATABASE_FIELDS = fieldsOfTable(DATABASE_PARAMS);
export const QUEUE_FIELDS = fieldsOfTable(QUEUE_PARAMS);
export const DNS_FIELDS = fieldsOfTable(DNS_PARAMS);
export const EDGE_FIELDS = fieldsOfTable<typeof EDGE_PARAMS, EdgeParams>(EDGE_PARAMS);
/** A replication link's own fields (multi-primary peers), besides {@link EDGE_FIELDS}. */
export const PEER_LINK_FIELDS = fieldsOfTable<typeof PEER_LINK_PARAMS, EdgeParams>(PEER_LINK_PARAMS);
/** Every key an edge annotation may carry: a call's, and a replication link's. */
export const ALL_EDGE_FIELDS: readonly ParamField<EdgeParams>[] = [...EDGE_FIELDS, ...PEER_LINK_FIELDS];

type FieldsByKind = { readonly [K in NodeKind]: readonly ParamField<NodeParamsByKind[K]>[] };

const FIELDS_BY_KIND = Object.fromEntries(
  Object.entries(KINDS).map(([kind, spec]) => [kind, fieldsOfTable(spec.params)]),
) as unknown as FieldsByKind;

/** The editable parameters of a node kind, in the order the Inspector shows them. */
export function fieldsOf<K extends NodeKind>(kind: K): readonly ParamField<NodeParamsByKind[K]>[] {
  return FIELDS_BY_KIND[kind];
}
