import fc from 'fast-check';
import { defaultParamsOf, DEFAULT_EDGE } from '../../src/model/defaults';
import { EDGE_FIELDS, fieldsOf, type ParamField } from '../../src/model/param-fields';
import { validateDocument } from '../../src/model/validate';
import { parseDistribution } from '../../src/model/units';
import {
  ANSWER_METRICS,
  LESSON_EVENTS,
  LESSON_PANELS,
  LESSON_TOPICS,
  type Lesson,
  type LessonCondition,
} from '../../src/model/lesson-types';
import { EXPECT_METRICS, EXPECT_OPS, type Expectation } from '../../src/model/expectation-types';
import { parseExpectation } from '../../src/model/expectation-text';
import {
  NODE_KINDS,
  type AlertRule,
  NODE_SHAPES,
  SCENARIO_ACTIONS,
  edgeIdOf,
  type ArchDocument,
  type EdgeSpec,
  type EdgeStroke,
  type GroupSpec,
  type NodeShape,
  type NodeSpec,
  type ScenarioStep,
} from '../../src/model/types';

/**
 * Random documents in canonical form (optional fields absent rather than empty or default; groups in
 * the order their subgraphs open), with parameter values produced by the same parsers a person's text
 * goes through, float noise included (`1.1s` is 1100.0000000000002 ms).
 */

const number = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.double({ min: 0.001, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('0.1', '1.1', '2.5', '0.3', '1e-3', '33.333'),
);
const duration = fc.tuple(number, fc.constantFrom('ms', 's', 'm', 'us')).map(([n, u]) => `${n}${u}`);
const distribution = fc.oneof(
  duration.map((d) => `exp(${d})`),
  duration.map((d) => `const(${d})`),
  fc.tuple(duration, duration).map(([a, b]) => `uniform(${a},${b})`),
  fc.tuple(duration, duration).map(([a, b]) => `normal(${a},${b})`),
  fc.tuple(duration, number).map(([a, b]) => `lognormal(${a},${b})`),
  fc.tuple(duration, number).map(([a, b]) => `pareto(${a},${b})`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), duration).map(([k, m]) => `erlang(${k},${m})`),
);
const count = fc.integer({ min: 0, max: 5000 }).map(String);
const probability = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => String(v + 0)),
  fc.integer({ min: 0, max: 100 }).map((v) => `${v}%`),
);

/** Text values for a parameter key; unknown keys (added later) get the field's formatted default. */
function valueText(key: string, field: ParamField<never>): fc.Arbitrary<string> {
  if (field.options) return fc.constantFrom(...field.options);
  if (['service', 'latency', 'session_sync', 'lag'].includes(key)) return distribution;
  if (key === 'rate') return fc.tuple(number, fc.constantFrom('/s', '/m', '')).map(([n, u]) => `${n}${u}`);
  if (
    ['retries', 'hc_unhealthy', 'hc_healthy', 'workers', 'users', 'breaker_errors', 'eject_errors'].includes(
      key,
    )
  )
    return count;
  if (key === 'queue') return fc.oneof(count, fc.constant('inf'));
  if (key === 'retry_budget') return fc.oneof(probability, fc.constant('none'));
  if (key === 'loss' || key === 'weight' || key === 'writes') return probability;
  return fc.oneof(duration, fc.constant('inf'));
}

function paramsArbitrary<P>(defaults: P, fields: readonly ParamField<P>[]): fc.Arbitrary<P> {
  const entries = fields.map((field) =>
    fc.option(valueText(field.key, field as unknown as ParamField<never>), { nil: undefined }),
  );
  return fc.tuple(...entries).map((texts) =>
    texts.reduce<P>((params, text, index) => {
      const field = fields[index];
      if (text === undefined || !field) return params;
      const applied = field.apply(params, text);
      return applied.ok ? applied.value : params;
    }, defaults),
  );
}

const CHARS = [...'aZ09 _-.,:;!?()[]{}<>"\'`|#&%@/\\*+=~^$\n\téß中文🙂ﬂ°¶'];
const label = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 });
const plainId = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/)
  .filter(
    (id) =>
      ![
        'end',
        'graph',
        'flowchart',
        'subgraph',
        'style',
        'linkstyle',
        'classdef',
        'class',
        'click',
        'direction',
        'default',
        'call',
        'href',
      ].includes(id.toLowerCase()),
  );
const nodeId = fc.oneof(
  plainId,
  fc.constantFrom('__proto__', 'constructor', 'sim', 'at', 'node', 'edge', 'web-1', 'db.primary'),
);
// Every shape but the default rectangle.
const shapes: readonly NodeShape[] = NODE_SHAPES.filter((shape) => shape !== 'rect');
const strokes: readonly EdgeStroke[] = ['dotted', 'thick', 'invisible'];
const coordinate = fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => v + 0);
const STYLES = [
  'fill:#f9f',
  'stroke:#333',
  'stroke-width:2px',
  'color:white',
  'fill:#ccf',
  'stroke-width:1.5',
];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function nodeArbitrary(
  id: string,
  groupIds: readonly string[],
  classNames: readonly string[],
): fc.Arbitrary<NodeSpec> {
  return fc
    .record({
      label: fc.oneof(label, fc.constant(id), fc.constant('')),
      kind: fc.constantFrom(...NODE_KINDS),
      group: optional(groupIds.length > 0 ? fc.constantFrom(...groupIds) : fc.constant(undefined)),
      startsFailed: fc.boolean(),
      shape: optional(fc.constantFrom(...shapes)),
      classes: fc.uniqueArray(fc.constantFrom(...classNames), { maxLength: 3 }),
      position: optional(fc.record({ x: coordinate, y: coordinate })),
      cost: optional(fc.constantFrom(0, 0.05, 0.2, 1.5, 12)),
      seed: fc.integer(),
    })
    .chain((n) =>
      paramsArbitrary(
        defaultParamsOf(n.kind),
        fieldsOf(n.kind) as readonly ParamField<NodeSpec['params']>[],
      ).map(
        (params) =>
          ({
            id,
            label: n.label,
            kind: n.kind,
            params,
            ...(n.group !== undefined ? { group: n.group } : {}),
            ...(n.startsFailed ? { startsFailed: true } : {}),
            ...(n.shape !== undefined ? { shape: n.shape } : {}),
            ...(n.classes.length > 0 ? { classes: n.classes } : {}),
            ...(n.position !== undefined ? { position: { x: n.position.x, y: n.position.y } } : {}),
            ...(n.cost !== undefined ? { cost: n.cost } : {}),
          }) as NodeSpec,
      ),
    );
}

/** Parents chosen among earlier groups, then put in the order a nested subgraph listing opens them. */
function groupsArbitrary(ids: readonly string[]): fc.Arbitrary<GroupSpec[]> {
  return fc
    .tuple(
      ...ids.map((id, index) =>
        fc
          .record({
            label: fc.oneof(label, fc.constant('')),
            parent: fc.integer({ min: -1, max: index - 1 }),
            latency: optional(distribution),
          })
          .map((g) => ({ id, ...g })),
      ),
    )
    .map((raw) => {
      const specs: GroupSpec[] = raw.map((g) => {
        const latency = g.latency === undefined ? undefined : parseDistribution(g.latency);
        return {
          id: g.id,
          label: g.label,
          ...(g.parent >= 0 ? { parent: ids[g.parent] as string } : {}),
          ...(latency?.ok ? { latency: latency.value } : {}),
        };
      });
      const ordered: GroupSpec[] = [];
      const visit = (group: GroupSpec) => {
        ordered.push(group);
        for (const child of specs) if (child.parent === group.id) visit(child);
      };
      for (const group of specs) if (group.parent === undefined) visit(group);
      return ordered;
    });
}

function alertsArbitrary(nodeIds: readonly string[]): fc.Arbitrary<AlertRule[]> {
  const rule = fc
    .record({
      id: fc.oneof(plainId, label),
      metric: fc.constantFrom('error_rate' as const, 'p99' as const, 'backlog' as const),
      share: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
      ms: fc.double({ min: 0, max: 1e5, noNaN: true }).map((v) => v + 0),
      count: fc.integer({ min: 0, max: 100_000 }),
      forSec: fc.integer({ min: 1, max: 3600 }),
      target: optional(fc.constantFrom(...nodeIds)),
    })
    .map((r): AlertRule => ({
      id: r.id,
      metric: r.metric,
      threshold: r.metric === 'error_rate' ? r.share : r.metric === 'p99' ? r.ms : r.count,
      forSec: r.forSec,
      ...(r.target !== undefined ? { target: r.target } : {}),
    }));
  return fc.uniqueArray(rule, { maxLength: 2, selector: (r) => r.id });
}

/**
 * Expectations as a person writes them, read through the same parser as `%% @expect` lines (so values
 * carry its float noise): totals or a node's metric, an optional window inside the run, `at 95%`, sweep.
 */
function expectationsArbitrary(nodeIds: readonly string[], durationSec: number): fc.Arbitrary<Expectation[]> {
  const valueText = (unit: string) =>
    unit === 'share'
      ? fc.oneof(
          fc.constantFrom('99.9%', '0.5%', '100%', '0', '0.999', '33.3%'),
          fc.double({ min: 0, max: 1, noNaN: true }).map(String),
        )
      : unit === 'ms'
        ? fc.oneof(duration, fc.constantFrom('250ms', '1.1s', '0.3ms'))
        : unit === 'rate'
          ? fc.oneof(
              number.map((n) => `${n}/s`),
              fc.constantFrom('400/s', '1.5/s'),
            )
          : fc.oneof(fc.integer({ min: 0, max: 1000 }).map(String), fc.constantFrom('0', '2.5'));
  const one = fc
    .record({
      metric: fc.constantFrom(...EXPECT_METRICS),
      node: fc.constantFrom(...nodeIds),
      op: fc.constantFrom(...EXPECT_OPS),
      sweep: fc.boolean(),
      onNode: fc.boolean(),
      from: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      length: fc.constantFrom('1', '0.5', '60', '12.25'),
      windowed: fc.boolean(),
      level: optional(fc.constantFrom('95%', '90%', '99.5%', '0.8')),
    })
    .chain((r) =>
      valueText(r.metric.unit).map((value) => {
        const total = r.metric.scopes.includes('total') && (!r.onNode || !r.metric.scopes.includes('node'));
        const subject = total ? r.metric.name : `${r.node}.${r.metric.name}`;
        const fromSec = Math.floor(r.from * durationSec);
        const window =
          r.windowed && r.metric.windowed ? ` during ${fromSec}s..${fromSec + Number(r.length)}s` : '';
        const level = r.level !== undefined ? ` at ${r.level}` : '';
        return `${r.sweep ? 'sweep ' : ''}${subject} ${r.op} ${value}${window}${level}`;
      }),
    )
    .map((text) => {
      const parsed = parseExpectation(text);
      if (!parsed.ok) throw new Error(`arbitrary expectation "${text}" does not parse: ${parsed.error}`);
      return parsed.expectation;
    });
  return fc.array(one, { maxLength: 3 });
}

function stepArbitrary(targets: readonly string[], nodeIds: readonly string[]): fc.Arbitrary<ScenarioStep> {
  const atSec = fc.oneof(
    fc.integer({ min: 0, max: 3600 }),
    fc.double({ min: 0, max: 3600, noNaN: true }).map((v) => v + 0),
  );
  const base = fc
    .record({
      atSec,
      action: fc.constantFrom(...SCENARIO_ACTIONS),
      target: fc.constantFrom(...targets, ...nodeIds),
    })
    .map((r): ScenarioStep => ({ atSec: r.atSec, action: r.action, target: r.target }));
  return base.chain((step) => {
    switch (step.action) {
      case 'fail':
        return optional(fc.constantFrom('crash' as const, 'hang' as const)).map((mode) => ({
          ...step,
          ...(mode ? { mode } : {}),
        }));
      case 'degrade':
        return fc
          .record({
            factor: optional(fc.double({ min: 0.01, max: 100, noNaN: true })),
            errorRate: optional(fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0)),
            addedLatencyMs: optional(fc.double({ min: 0, max: 1e5, noNaN: true }).map((v) => v + 0)),
            loss: optional(fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0)),
          })
          .map((extra) => {
            const step2: Record<string, unknown> = { ...step };
            for (const [key, value] of Object.entries(extra)) if (value !== undefined) step2[key] = value;
            return step2 as unknown as ScenarioStep;
          });
      case 'load':
        return fc
          .double({ min: 0, max: 1e6, noNaN: true })
          .map((ratePerSec) => ({ ...step, ratePerSec: ratePerSec + 0 }));
      case 'recover':
      case 'partition':
      case 'flush':
        return fc.constant(step);
    }
  });
}

const text = label.filter((t) => t.trim() !== '');
const seconds = fc.oneof(
  fc.integer({ min: 0, max: 3600 }),
  fc.double({ min: 0, max: 3600, noNaN: true }).map((v) => v + 0),
);

function conditionArbitrary(
  nodeIds: readonly string[],
  targets: readonly string[],
  alertIds: readonly string[],
): fc.Arbitrary<LessonCondition> {
  const node = fc.constantFrom(...nodeIds);
  return fc.oneof(
    fc.constant<LessonCondition>({ when: 'play' }),
    fc.constant<LessonCondition>({ when: 'done' }),
    fc
      .tuple(fc.constantFrom('fail' as const, 'recover' as const, 'select' as const), node)
      .map(([when, target]): LessonCondition => ({ when, target })),
    fc.constantFrom(...LESSON_PANELS).map((panel): LessonCondition => ({ when: 'panel', panel })),
    seconds.map((atSec): LessonCondition => ({ when: 'time', atSec })),
    seconds.filter((v) => v > 0).map((forSec): LessonCondition => ({ when: 'wait', forSec })),
    fc
      .tuple(fc.constantFrom(...LESSON_EVENTS), optional(fc.constantFrom(...nodeIds, ...targets)))
      .map(([event, target]): LessonCondition => {
        const isAlert = event === 'alert-firing' || event === 'alert-resolved';
        const picked = isAlert ? alertIds[0] : target;
        return { when: 'event', event, ...(picked !== undefined ? { target: picked } : {}) };
      }),
    fc
      .tuple(
        fc.constantFrom('error_rate' as const, 'p99' as const, 'backlog' as const, 'throughput' as const),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
        fc.integer({ min: 0, max: 100_000 }),
      )
      .map(([metric, above, share, n]): LessonCondition => {
        const value = metric === 'error_rate' ? share : n;
        return { when: 'metric', metric, ...(above ? { above: value } : { below: value }) };
      }),
  );
}

function lessonArbitrary(
  nodeIds: readonly string[],
  targets: readonly string[],
  alertIds: readonly string[],
): fc.Arbitrary<Lesson | undefined> {
  return optional(
    fc
      .record({
        title: text,
        topic: fc.constantFrom(...LESSON_TOPICS),
        summary: fc.oneof(fc.constant(''), text),
        steps: fc.array(fc.record({ text, condition: conditionArbitrary(nodeIds, targets, alertIds) }), {
          minLength: 1,
          maxLength: 4,
        }),
        question: optional(
          fc.record({
            text,
            answer: fc.constantFrom(...ANSWER_METRICS),
            tolerance: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
          }),
        ),
      })
      .map((l): Lesson => ({
        title: l.title,
        topic: l.topic,
        summary: l.summary,
        steps: l.steps.map((step) => ({ text: step.text, condition: step.condition })),
        ...(l.question !== undefined
          ? {
              question: { text: l.question.text, answer: l.question.answer, tolerance: l.question.tolerance },
            }
          : {}),
      })),
  );
}

/** Random valid documents in canonical form. */
export const documentArbitrary: fc.Arbitrary<ArchDocument> = fc
  .record({
    nodeIds: fc.uniqueArray(nodeId, { minLength: 1, maxLength: 7 }),
    groupIds: fc.uniqueArray(
      plainId.map((id) => `G${id}`),
      { maxLength: 3 },
    ),
    classNames: fc.uniqueArray(fc.constantFrom('failed', 'down', 'active', 'hot'), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .filter(({ nodeIds, groupIds }) => groupIds.every((g) => !nodeIds.includes(g)))
  .chain(({ nodeIds, groupIds, classNames }) =>
    fc
      .record({
        name: fc.oneof(label, fc.constant('')),
        direction: fc.constantFrom('LR' as const, 'RL' as const, 'TB' as const, 'BT' as const),
        nodes: fc.tuple(...nodeIds.map((id) => nodeArbitrary(id, groupIds, classNames))),
        groups: groupsArbitrary(groupIds),
        pairs: fc.uniqueArray(fc.tuple(fc.constantFrom(...nodeIds), fc.constantFrom(...nodeIds)), {
          maxLength: 8,
          selector: ([a, b]) => `${a}-->${b}`,
        }),
        edgeExtras: fc.array(
          fc.record({
            label: optional(label),
            stroke: optional(fc.constantFrom(...strokes)),
            params: paramsArbitrary(DEFAULT_EDGE, EDGE_FIELDS),
          }),
          { minLength: 8, maxLength: 8 },
        ),
        sim: fc
          .record({
            seed: fc.integer({ min: 0, max: 0xffffffff }),
            durationSec: fc.double({ min: 1, max: 1e5, noNaN: true }),
            warmup: fc.double({ min: 0, max: 0.9, noNaN: true }),
          })
          .map((s) => ({
            seed: s.seed,
            durationSec: s.durationSec,
            warmupSec: Math.floor(s.durationSec * s.warmup),
          })),
        classDefs: fc.uniqueArray(
          fc.record({
            name: fc.constantFrom(...classNames),
            style: fc
              .uniqueArray(fc.constantFrom(...STYLES), { minLength: 1, maxLength: 3 })
              .map((s) => s.join(',')),
          }),
          { maxLength: 3, selector: (d) => d.name },
        ),
      })
      .chain((d) => {
        const edges: EdgeSpec[] = d.pairs.map(([source, target], index) => {
          const extra = d.edgeExtras[index] ?? { label: undefined, stroke: undefined, params: DEFAULT_EDGE };
          return {
            id: edgeIdOf(source, target),
            source,
            target,
            params: extra.params,
            ...(extra.label !== undefined ? { label: extra.label } : {}),
            ...(extra.stroke !== undefined ? { stroke: extra.stroke } : {}),
          };
        });
        const targets = [...groupIds, ...edges.map((e) => e.id)];
        return fc
          .tuple(
            fc.array(
              fc
                .tuple(stepArbitrary(targets, nodeIds), optional(text))
                .map(([step, caption]) => (caption === undefined ? step : { ...step, caption })),
              { maxLength: 4 },
            ),
            alertsArbitrary(nodeIds),
            expectationsArbitrary(nodeIds, d.sim.durationSec),
          )
          .chain(([scenario, alerts, expectations]) =>
            lessonArbitrary(
              nodeIds,
              targets,
              alerts.map((a) => a.id),
            ).map((lesson) => [scenario, alerts, expectations, lesson] as const),
          )
          .map(([scenario, alerts, expectations, lesson]): ArchDocument => {
            const doc: ArchDocument = {
              name: d.name,
              direction: d.direction,
              nodes: d.nodes,
              edges,
              groups: d.groups,
              scenario,
              sim: d.sim,
              ...(alerts.length > 0 ? { alerts } : {}),
              ...(d.classDefs.length > 0
                ? { classDefs: d.classDefs.map((c) => ({ name: c.name, style: c.style })) }
                : {}),
              ...(lesson !== undefined ? { lesson } : {}),
              ...(expectations.length > 0 ? { expectations } : {}),
            };
            // Steps that do not fit their target (load on a server, partition of a node) are dropped
            // here rather than discarding the whole document.
            const bad = new Set(
              validateDocument(doc)
                .map((issue) => /^scenario\.(\d+)\./.exec(issue.path)?.[1])
                .filter((index) => index !== undefined)
                .map(Number),
            );
            return { ...doc, scenario: scenario.filter((_, index) => !bad.has(index)) };
          });
      }),
  )
  // Fields accept a few values that validation refuses (a Pareto without a finite mean); such documents
  // are not importable by design, so they are not part of the property.
  .filter((doc) => validateDocument(doc).length === 0);
