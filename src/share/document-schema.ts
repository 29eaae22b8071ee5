/**
 * The shape of a document in JSON (DESIGN.md §7), checked strictly with valibot: every key known (so no
 * `__proto__`), every value of its type or enumeration, `"inf"` only where a number may be unbounded.
 * Values are copied into fresh objects; the parsed input is never returned. Ranges and cross-references
 * (ids that exist, edges between nodes) are src/model/validate.ts's; the enumerations are the model's
 * own `as const` lists, and each kind's params come from the parameter table (src/model/params.ts).
 */
import * as v from 'valibot';
import { EXPECT_METRICS, EXPECT_OPS } from '../model/expectation-types';
import { kindOf, NODE_KINDS, type NodeKind } from '../model/kinds';
import {
  ANSWER_METRICS,
  LESSON_CONDITIONS,
  LESSON_EVENTS,
  LESSON_METRICS,
  LESSON_PANELS,
  LESSON_TOPICS,
} from '../model/lesson-types';
import { ALL_EDGE_PARAMS, STEP_PARAMS } from '../model/params';
import {
  ALERT_METRICS,
  DIRECTIONS,
  EDGE_ANIMATIONS,
  EDGE_HEADS,
  EDGE_STROKES,
  NODE_SHAPES,
  SCENARIO_ACTIONS,
  type ArchDocument,
} from '../model/types';
import { validateDocument, type ValidationIssue } from '../model/validate';
import {
  arrayOf,
  boolean,
  distribution,
  finiteNumber,
  oneOf,
  optional,
  paramsDropping,
  paramsSchema,
  problemOf,
  record,
  string,
  tagged,
  variantOption,
} from './schema-parts';

/** A label as written in Mermaid (`LabelMarkup` in src/model/types.ts). */
const LABEL_MARKUP = record({ text: string, markdown: optional(boolean) });

/** The keys every node has besides its kind and params (`NodeBase` in src/model/types.ts). */
const NODE_FIELDS = {
  group: optional(string),
  startsFailed: optional(boolean),
  cost: optional(finiteNumber),
  shape: optional(oneOf(NODE_SHAPES)),
  mermaidShape: optional(string),
  labelMarkup: optional(LABEL_MARKUP),
  style: optional(string),
  classes: optional(arrayOf(string)),
  position: optional(record({ x: finiteNumber, y: finiteNumber })),
};

/** A node of one kind: its params are that kind's table's (src/model/kinds.ts). */
const nodeOf = <K extends NodeKind>(kind: K) =>
  variantOption({
    id: string,
    label: string,
    kind: v.literal(kind),
    params: paramsDropping(kindOf(kind).params, kindOf(kind).retiredParams),
    ...NODE_FIELDS,
  });

/** Each kind's node schema; `map` cannot say that each element is its own kind's. */
type NodeOption = { [K in NodeKind]: ReturnType<typeof nodeOf<K>> }[NodeKind];

const NODE = tagged(
  'kind',
  NODE_KINDS.map(nodeOf) as NodeOption[],
  `expected one of ${NODE_KINDS.join(', ')}`,
);

/** An edge; `replication`, `lag` and `conflict` in its params only on a multi-primary peer link. */
const EDGE = record({
  id: string,
  source: string,
  target: string,
  params: paramsSchema(ALL_EDGE_PARAMS),
  label: optional(string),
  stroke: optional(oneOf(EDGE_STROKES)),
  head: optional(oneOf(EDGE_HEADS)),
  bidirectional: optional(boolean),
  length: optional(finiteNumber),
  labelMarkup: optional(LABEL_MARKUP),
  style: optional(string),
  mermaidId: optional(string),
  animation: optional(oneOf(EDGE_ANIMATIONS)),
  drawnFrom: optional(string),
  drawnTo: optional(string),
});

const GROUP = record({
  id: string,
  label: string,
  parent: optional(string),
  latency: optional(distribution),
  labelMarkup: optional(LABEL_MARKUP),
  style: optional(string),
  classes: optional(arrayOf(string)),
});

/** A scenario step: its strengths (`mode`, `factor`, …) are the step parameters of the table. */
const STEP = paramsSchema(STEP_PARAMS, {
  atSec: finiteNumber,
  action: oneOf(SCENARIO_ACTIONS),
  target: string,
  caption: optional(string),
});

/** What advances a lesson step (`LessonCondition` in src/model/lesson-types.ts), by its `when`. */
const CONDITION = tagged(
  'when',
  [
    variantOption({ when: v.literal('play') }),
    variantOption({ when: v.picklist(['fail', 'recover', 'select']), target: string }),
    variantOption({ when: v.literal('panel'), panel: oneOf(LESSON_PANELS) }),
    variantOption({ when: v.literal('time'), atSec: finiteNumber }),
    variantOption({ when: v.literal('wait'), forSec: finiteNumber }),
    variantOption({ when: v.literal('event'), event: oneOf(LESSON_EVENTS), target: optional(string) }),
    variantOption({
      when: v.literal('metric'),
      metric: oneOf(LESSON_METRICS),
      above: optional(finiteNumber),
      below: optional(finiteNumber),
    }),
    variantOption({ when: v.literal('done') }),
  ],
  `expected one of ${LESSON_CONDITIONS.join(', ')}`,
);

const LESSON = record({
  title: string,
  topic: oneOf(LESSON_TOPICS),
  summary: string,
  steps: arrayOf(record({ text: string, condition: CONDITION })),
  question: optional(record({ text: string, answer: oneOf(ANSWER_METRICS), tolerance: finiteNumber })),
});

const ALERT = record({
  id: string,
  metric: oneOf(ALERT_METRICS),
  threshold: finiteNumber,
  forSec: finiteNumber,
  target: optional(string),
});

const EXPECTATION = record({
  metric: oneOf(EXPECT_METRICS.map((metric) => metric.name)),
  op: oneOf(EXPECT_OPS),
  value: finiteNumber,
  target: optional(string),
  window: optional(record({ fromSec: finiteNumber, toSec: finiteNumber })),
  confidence: optional(finiteNumber),
  sweep: optional(boolean),
});

/** A whole document (`ArchDocument` in src/model/types.ts; a type test keeps the two the same). */
export const DOCUMENT_SCHEMA = record({
  name: string,
  direction: oneOf(DIRECTIONS),
  nodes: arrayOf(NODE),
  edges: arrayOf(EDGE),
  groups: arrayOf(GROUP),
  scenario: arrayOf(STEP),
  sim: record({ seed: finiteNumber, durationSec: finiteNumber, warmupSec: finiteNumber }),
  alerts: optional(arrayOf(ALERT)),
  classDefs: optional(arrayOf(record({ name: string, style: string }))),
  linkStyleDefault: optional(string),
  accessibility: optional(record({ title: optional(string), description: optional(string) })),
  lesson: optional(LESSON),
  expectations: optional(arrayOf(EXPECTATION)),
});

/** A document as the schema reads it from JSON. */
export type DocumentJson = v.InferOutput<typeof DOCUMENT_SCHEMA>;

/** Checks the shape of parsed JSON; problems are pushed to `errors` with their field path. */
export function readDocument(data: unknown, errors: ValidationIssue[]): ArchDocument | undefined {
  const result = v.safeParse(DOCUMENT_SCHEMA, data);
  if (result.success) return result.output;
  for (const issue of result.issues) errors.push(problemOf(issue));
  return undefined;
}

export type CheckedDocument =
  | { readonly ok: true; readonly document: ArchDocument }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Reads a document from parsed JSON (a file or a link): its shape, then, once the shape is right, its
 * meaning ({@link validateDocument}: ranges, ids). Both name a node, edge or group by its id.
 */
export function checkedDocument(data: unknown): CheckedDocument {
  const issues: ValidationIssue[] = [];
  const document = readDocument(data, issues);
  if (!document || issues.length > 0)
    return {
      ok: false,
      issues: issues.length > 0 ? issues : [{ path: 'document', message: 'not a document' }],
    };
  const meaning = validateDocument(document);
  return meaning.length > 0 ? { ok: false, issues: meaning } : { ok: true, document };
}
