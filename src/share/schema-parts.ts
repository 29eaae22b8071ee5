/**
 * The building blocks of the document's JSON schema (src/share/document-schema.ts), written with valibot:
 * strict objects (every key known, so no `__proto__`), finite numbers, `"inf"` where a number may be
 * unbounded, enumerations and tagged objects, each with the message the share-link and file-open errors
 * show (`expected a finite number`, `missing "sim"`, …). Parameter shapes come from the parameter table
 * (src/model/params.ts), so a parameter's JSON form is declared once, beside its range and default.
 */
import * as v from 'valibot';
import type { JsonShape } from '../model/param-values';
import type { ValidationIssue } from '../model/validate';
import type { ParamsOf, ParamTable } from '../model/params';

/** Any valibot schema of a JSON value, whatever its issues. */
export type JsonSchema<T = unknown> = v.GenericSchema<unknown, T>;

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * valibot's object schemas take arrays too; a document's objects never are. (Typed `unknown` so that it
 * may come before any object schema in a pipe: the object schema after it says the type.)
 */
const JSON_OBJECT = v.custom<unknown>(isJsonObject, 'expected an object');

/** A strict object's key problems: a key it does not know, or a key it needs and lacks. */
function keyMessage(issue: v.StrictObjectIssue): string {
  if (issue.expected === 'never') return `unknown key "${String(issue.input)}"`;
  if (issue.input === undefined && issue.expected.startsWith('"')) return `missing ${issue.expected}`;
  return 'expected an object';
}

/** A plain object with exactly these keys (optional ones wrapped in {@link optional}); a fresh copy. */
export function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(JSON_OBJECT, v.strictObject(entries, keyMessage));
}

/** A strict object that a {@link tagged} union chooses by its tag. */
export function variantOption<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, keyMessage);
}

/** An object whose other keys depend on its `key` (`type`, `kind`, `when`); `expected` names the tags. */
export function tagged<const K extends string, const O extends v.VariantOptions<K>>(
  key: K,
  options: O,
  expected: string,
) {
  return v.pipe(JSON_OBJECT, v.variant(key, options, expected));
}

/** A key a document may leave out (and when present, not `undefined`: JSON has none). */
export const optional = <const S extends JsonSchema>(schema: S) => v.exactOptional(schema);

export const string = v.string('expected a string');
export const boolean = v.boolean('expected a boolean');
export const finiteNumber = v.pipe(
  v.number('expected a finite number'),
  v.finite('expected a finite number'),
);

/** A finite number, or `"inf"` for an unbounded one (JSON has no Infinity), read as `Infinity`. */
export const numberOrInf = v.pipe(
  v.custom<number | 'inf'>(
    (value) => value === 'inf' || (typeof value === 'number' && Number.isFinite(value)),
    'expected a number or "inf"',
  ),
  v.transform((value): number => (value === 'inf' ? Infinity : value)),
);

/** One of a list of names (an `as const` list of the model, so the type is its union). */
export const oneOf = <const T extends readonly string[]>(options: T) =>
  v.picklist(options, `expected one of ${options.join(', ')}`);

export const arrayOf = <const S extends JsonSchema>(item: S) => v.array(item, 'expected an array');

/** The tags of a tagged union's options, in order, for its message. */
function tagsOf(key: string, options: readonly { readonly entries: v.ObjectEntries }[]): string {
  return options
    .map((option) => (option.entries[key] as v.LiteralSchema<string, undefined>).literal)
    .join(', ');
}

const DISTRIBUTION_OPTIONS = [
  variantOption({ type: v.literal('const'), valueMs: finiteNumber }),
  variantOption({ type: v.literal('exp'), meanMs: finiteNumber }),
  variantOption({ type: v.literal('uniform'), minMs: finiteNumber, maxMs: finiteNumber }),
  variantOption({ type: v.literal('normal'), meanMs: finiteNumber, sdMs: finiteNumber }),
  variantOption({ type: v.literal('lognormal'), medianMs: finiteNumber, sigma: finiteNumber }),
  variantOption({ type: v.literal('pareto'), scaleMs: finiteNumber, shape: finiteNumber }),
  variantOption({ type: v.literal('erlang'), k: finiteNumber, meanMs: finiteNumber }),
] as const;

/** A distribution of durations (`Distribution` in src/model/types.ts; its ranges are validate.ts's). */
export const distribution = tagged(
  'type',
  DISTRIBUTION_OPTIONS,
  `expected one of ${tagsOf('type', DISTRIBUTION_OPTIONS)}`,
);

/** A tagged object `{ type, ...numbers }` whose number keys depend on its type (a key space, a limit). */
function taggedNumbers(what: string, keysByType: Readonly<Record<string, readonly string[]>>): JsonSchema {
  const options = Object.entries(keysByType).map(([type, keys]) =>
    variantOption({ type: v.literal(type), ...Object.fromEntries(keys.map((key) => [key, finiteNumber])) }),
  );
  return tagged('type', options, `expected ${what}: one of ${Object.keys(keysByType).join(', ')}`);
}

function schemaOfShape(json: JsonShape): JsonSchema {
  if (json === 'number') return finiteNumber;
  if (json === 'numberOrInf') return numberOrInf;
  if (json === 'boolean') return boolean;
  if (json === 'distribution') return distribution;
  if ('tags' in json) return taggedNumbers(json.what, json.tags);
  return oneOf(json);
}

/**
 * The JSON shape of a params object, from its parameter table: required entries required, optional
 * ones optional, each value as its type's `json` says (src/model/param-values.ts); `others` are the
 * object's keys besides the table's (a scenario step's `atSec`, `action`, …), checked first.
 */
export function paramsSchema<T extends ParamTable, const E extends v.ObjectEntries = Record<never, never>>(
  table: T,
  others?: E,
): JsonSchema<ParamsOf<T> & v.InferOutput<v.StrictObjectSchema<E, undefined>>> {
  const entries = {
    ...others,
    ...Object.fromEntries(
      Object.entries(table).map(([prop, param]) => {
        const schema = schemaOfShape(param.type.json);
        return [prop, param.optional ? optional(schema) : schema];
      }),
    ),
  };
  // Each value type's `json` describes its own value (ValueType<V> in src/model/param-values.ts), which
  // the compiler cannot follow through a table: test/share/document-schema.test.ts reads every kind's
  // defaults and every absent value back through this schema, so a shape that disagrees fails there.
  return record(entries) as unknown as JsonSchema<
    ParamsOf<T> & v.InferOutput<v.StrictObjectSchema<E, undefined>>
  >;
}

/**
 * A kind's params that also takes the keys earlier versions wrote for it (`retiredParams` in
 * src/model/kinds.ts, each in its old shape, none required) and drops them, so that their files and
 * links still open; with no retired keys, {@link paramsSchema}.
 */
export function paramsDropping<T extends ParamTable>(
  table: T,
  retired: ParamTable | undefined,
): JsonSchema<ParamsOf<T>> {
  if (!retired) return paramsSchema(table);
  const accepted = Object.fromEntries(
    Object.entries(retired).map(([prop, param]) => [prop, { ...param, optional: true }]),
  ) as ParamTable;
  const dropped = new Set(Object.keys(retired));
  return v.pipe(
    paramsSchema({ ...accepted, ...table }),
    v.transform((params) =>
      Object.fromEntries(Object.entries(params).filter(([prop]) => !dropped.has(prop))),
    ),
  ) as unknown as JsonSchema<ParamsOf<T>>;
}

/** The document's lists whose elements have an `id`: a problem in one names it by id, as validate.ts does. */
const LISTS_BY_ID: ReadonlySet<unknown> = new Set(['nodes', 'edges', 'groups']);

/**
 * One schema problem: the path of keys and indexes, with a node, edge or group named by its id
 * (`nodes.Server1.params.workers`, the form of the range checks in src/model/validate.ts) when it has
 * one, so the two kinds of error read alike; its index (`nodes.2`) only when its id is no string.
 */
export function problemOf(issue: v.BaseIssue<unknown>): ValidationIssue {
  const items = issue.path ?? [];
  // A missing or unknown key is the object's problem: the path stops at the object.
  const keyIssue = issue.type === 'strict_object' && items.at(-1)?.origin === 'key';
  const path = (keyIssue ? items.slice(0, -1) : items)
    .map((item, depth) =>
      String(depth === 1 && LISTS_BY_ID.has(items[0]?.key) ? (idOf(item.value) ?? item.key) : item.key),
    )
    .join('.');
  return { path: path === '' ? 'document' : path, message: issue.message };
}

function idOf(element: unknown): string | undefined {
  const id = isJsonObject(element) ? element['id'] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
