/**
 * The shape of a document in JSON, checked strictly: every key known (so no `__proto__`), every value of
 * its type or enumeration, `"inf"` only where a number may be unbounded. Values are copied into fresh
 * objects; the parsed input is never returned.
 */
import {
  ANSWER_METRICS,
  LESSON_EVENTS,
  LESSON_METRICS,
  LESSON_PANELS,
  LESSON_TOPICS,
} from '../model/lesson-types';
import { isNodeKind, KINDS, NODE_KINDS, type NodeKind } from '../model/kinds';
import type { JsonShape } from '../model/param-values';
import { ALL_EDGE_PARAMS, type ParamTable } from '../model/params';
import { EDGE_ANIMATIONS, SCENARIO_ACTIONS, type ArchDocument } from '../model/types';
import { EXPECT_METRICS, EXPECT_OPS } from '../model/expectation-types';

type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'numberOrInf'
  | readonly string[]
  | ((value: unknown, path: string, errors: string[]) => unknown);

interface ObjectSpec {
  readonly required: Readonly<Record<string, Shape>>;
  readonly optional?: Readonly<Record<string, Shape>>;
}

/** Checks an object against a spec and returns a plain copy (never the parsed object itself). */
function readObject(
  value: unknown,
  spec: ObjectSpec,
  path: string,
  errors: string[],
): Record<string, unknown> | undefined {
  const where = path === '' ? 'document' : path;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${where}: expected an object`);
    return undefined;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(spec.required, key) && !Object.hasOwn(spec.optional ?? {}, key))
      errors.push(`${where}: unknown key "${key}"`);
  }
  const read = (key: string, shape: Shape, required: boolean) => {
    if (!Object.hasOwn(source, key)) {
      if (required) errors.push(`${where}: missing "${key}"`);
      return;
    }
    const item = readValue(source[key], shape, path === '' ? key : `${path}.${key}`, errors);
    if (item !== undefined) out[key] = item;
  };
  for (const [key, shape] of Object.entries(spec.required)) read(key, shape, true);
  for (const [key, shape] of Object.entries(spec.optional ?? {})) read(key, shape, false);
  return out;
}

function readValue(value: unknown, shape: Shape, path: string, errors: string[]): unknown {
  if (typeof shape === 'function') return shape(value, path, errors);
  if (Array.isArray(shape)) {
    if (typeof value === 'string' && shape.includes(value)) return value;
    errors.push(`${path}: expected one of ${shape.join(', ')}`);
    return undefined;
  }
  if (shape === 'numberOrInf') {
    if (value === 'inf') return Infinity;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    errors.push(`${path}: expected a number or "inf"`);
    return undefined;
  }
  if (shape === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === shape)
    return value;
  errors.push(`${path}: expected ${shape === 'number' ? 'a finite number' : `a ${shape}`}`);
  return undefined;
}

const arrayOf =
  (item: (value: unknown, path: string, errors: string[]) => unknown) =>
  (value: unknown, path: string, errors: string[]): unknown[] | undefined => {
    if (!Array.isArray(value)) {
      errors.push(`${path}: expected an array`);
      return undefined;
    }
    return value.map((entry, index) => item(entry, `${path}.${index}`, errors));
  };

const object = (spec: ObjectSpec) => (value: unknown, path: string, errors: string[]) =>
  readObject(value, spec, path, errors);

const DISTRIBUTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  const: ['valueMs'],
  exp: ['meanMs'],
  uniform: ['minMs', 'maxMs'],
  normal: ['meanMs', 'sdMs'],
  lognormal: ['medianMs', 'sigma'],
  pareto: ['scaleMs', 'shape'],
  erlang: ['k', 'meanMs'],
};

function distribution(value: unknown, path: string, errors: string[]): unknown {
  const type = (value as { type?: unknown } | null)?.type;
  const keys =
    typeof type === 'string' && Object.hasOwn(DISTRIBUTION_KEYS, type) ? DISTRIBUTION_KEYS[type] : undefined;
  if (!keys) {
    errors.push(`${path}.type: expected one of ${Object.keys(DISTRIBUTION_KEYS).join(', ')}`);
    return undefined;
  }
  return readObject(
    value,
    { required: { type: [type as string], ...Object.fromEntries(keys.map((k) => [k, 'number'])) } },
    path,
    errors,
  );
}

/** A tagged object `{ type, ...numbers }` whose number keys depend on its type. */
const tagged =
  (what: string, keysByType: Readonly<Record<string, readonly string[]>>) =>
  (value: unknown, path: string, errors: string[]): unknown => {
    const type = (value as { type?: unknown } | null)?.type;
    const keys = typeof type === 'string' && Object.hasOwn(keysByType, type) ? keysByType[type] : undefined;
    if (!keys) {
      errors.push(`${path}.type: expected ${what}: one of ${Object.keys(keysByType).join(', ')}`);
      return undefined;
    }
    return readObject(
      value,
      { required: { type: [type as string], ...Object.fromEntries(keys.map((k) => [k, 'number'])) } },
      path,
      errors,
    );
  };

/** The JSON shape of a params object, from its parameter table (src/model/params.ts). */
function paramsSpec(table: ParamTable): ObjectSpec {
  const shapeOf = (json: JsonShape): Shape => {
    if (json === 'distribution') return distribution;
    if (typeof json === 'object' && 'tags' in json) return tagged(json.what, json.tags);
    return json;
  };
  const entries = Object.entries(table);
  const pick = (optional: boolean) =>
    Object.fromEntries(
      entries
        .filter(([, param]) => param.optional === optional)
        .map(([prop, p]) => [prop, shapeOf(p.type.json)]),
    );
  return { required: pick(false), optional: pick(true) };
}

const PARAMS_BY_KIND: Readonly<Record<NodeKind, ObjectSpec>> = Object.fromEntries(
  NODE_KINDS.map((kind) => [kind, paramsSpec(KINDS[kind].params)]),
) as Record<NodeKind, ObjectSpec>;

const SHAPES = [
  'rect',
  'round',
  'stadium',
  'subroutine',
  'cylinder',
  'circle',
  'rhombus',
  'hexagon',
  'odd',
  'parallelogram',
  'trapezoid',
  'doublecircle',
];

/** A label as written in Mermaid (see `LabelMarkup` in src/model/types.ts). */
const LABEL_MARKUP = object({ required: { text: 'string' }, optional: { markdown: 'boolean' } });

function node(value: unknown, path: string, errors: string[]): unknown {
  const kind = (value as { kind?: unknown } | null)?.kind;
  // An unknown kind is reported by the `kind` key; its params cannot be checked against any table.
  const params: Shape = isNodeKind(kind) ? object(PARAMS_BY_KIND[kind]) : () => undefined;
  return readObject(
    value,
    {
      required: { id: 'string', label: 'string', kind: NODE_KINDS, params },
      optional: {
        group: 'string',
        startsFailed: 'boolean',
        cost: 'number',
        shape: SHAPES,
        mermaidShape: 'string',
        labelMarkup: LABEL_MARKUP,
        style: 'string',
        classes: arrayOf((v, p, e) => readValue(v, 'string', p, e)),
        position: object({ required: { x: 'number', y: 'number' } }),
      },
    },
    path,
    errors,
  );
}

const EDGE: ObjectSpec = {
  required: {
    id: 'string',
    source: 'string',
    target: 'string',
    params: object(paramsSpec(ALL_EDGE_PARAMS)),
  },
  optional: {
    label: 'string',
    stroke: ['normal', 'dotted', 'thick', 'invisible'],
    head: ['arrow', 'none', 'circle', 'cross'],
    bidirectional: 'boolean',
    length: 'number',
    labelMarkup: LABEL_MARKUP,
    style: 'string',
    mermaidId: 'string',
    animation: EDGE_ANIMATIONS,
    drawnFrom: 'string',
    drawnTo: 'string',
  },
};

const STEP: ObjectSpec = {
  required: { atSec: 'number', action: SCENARIO_ACTIONS, target: 'string' },
  optional: {
    mode: ['crash', 'hang'],
    factor: 'number',
    errorRate: 'number',
    addedLatencyMs: 'number',
    loss: 'number',
    workersShare: 'number',
    ratePerSec: 'number',
    caption: 'string',
  },
};

/** The keys of each lesson step condition, by its `when`. */
const CONDITION_KEYS: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  play: {},
  fail: { target: 'string' },
  recover: { target: 'string' },
  select: { target: 'string' },
  panel: { panel: LESSON_PANELS },
  time: { atSec: 'number' },
  wait: { forSec: 'number' },
  event: { event: LESSON_EVENTS },
  metric: { metric: LESSON_METRICS },
  done: {},
};
const CONDITION_OPTIONAL: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  event: { target: 'string' },
  metric: { above: 'number', below: 'number' },
};

function condition(value: unknown, path: string, errors: string[]): unknown {
  const when = (value as { when?: unknown } | null)?.when;
  const keys =
    typeof when === 'string' && Object.hasOwn(CONDITION_KEYS, when) ? CONDITION_KEYS[when] : undefined;
  if (!keys) {
    errors.push(`${path}.when: expected one of ${Object.keys(CONDITION_KEYS).join(', ')}`);
    return undefined;
  }
  return readObject(
    value,
    {
      required: { when: [when as string], ...keys },
      optional: CONDITION_OPTIONAL[when as string] ?? {},
    },
    path,
    errors,
  );
}

const LESSON: ObjectSpec = {
  required: {
    title: 'string',
    topic: LESSON_TOPICS,
    summary: 'string',
    steps: arrayOf(object({ required: { text: 'string', condition } })),
  },
  optional: {
    question: object({
      required: { text: 'string', answer: ANSWER_METRICS, tolerance: 'number' },
    }),
  },
};

const DOCUMENT: ObjectSpec = {
  required: {
    name: 'string',
    direction: ['LR', 'RL', 'TB', 'BT'],
    nodes: arrayOf(node),
    edges: arrayOf(object(EDGE)),
    groups: arrayOf(
      object({
        required: { id: 'string', label: 'string' },
        optional: {
          parent: 'string',
          latency: distribution,
          labelMarkup: LABEL_MARKUP,
          style: 'string',
          classes: arrayOf((v, p, e) => readValue(v, 'string', p, e)),
        },
      }),
    ),
    scenario: arrayOf(object(STEP)),
    sim: object({ required: { seed: 'number', durationSec: 'number', warmupSec: 'number' } }),
  },
  optional: {
    alerts: arrayOf(
      object({
        required: {
          id: 'string',
          metric: ['error_rate', 'p99', 'backlog'],
          threshold: 'number',
          forSec: 'number',
        },
        optional: { target: 'string' },
      }),
    ),
    classDefs: arrayOf(object({ required: { name: 'string', style: 'string' } })),
    linkStyleDefault: 'string',
    accessibility: object({ required: {}, optional: { title: 'string', description: 'string' } }),
    lesson: object(LESSON),
    expectations: arrayOf(
      object({
        required: { metric: EXPECT_METRICS.map((m) => m.name), op: [...EXPECT_OPS], value: 'number' },
        optional: {
          target: 'string',
          window: object({ required: { fromSec: 'number', toSec: 'number' } }),
          confidence: 'number',
          sweep: 'boolean',
        },
      }),
    ),
  },
};

/** Checks the shape of parsed JSON; problems are pushed to `errors` as `path: message`. */
export function readDocument(data: unknown, errors: string[]): ArchDocument | undefined {
  const doc = readObject(data, DOCUMENT, '', errors);
  return errors.length === 0 ? (doc as unknown as ArchDocument) : undefined;
}
