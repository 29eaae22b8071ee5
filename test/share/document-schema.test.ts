/**
 * The document's JSON schema (src/share/document-schema.ts): the same shape as the model's types, every
 * document archplay itself makes reads back unchanged, documents without the later optional fields
 * still read, and a bad value is refused with its path and a plain message.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../../src/mermaid';
import { KINDS, NODE_KINDS } from '../../src/model/kinds';
import { LESSONS } from '../../src/model/lessons';
import { GALLERY } from '../../src/model/preset-gallery';
import { PRESETS } from '../../src/model/presets';
import { ALL_EDGE_PARAMS, type ParamTable } from '../../src/model/params';
import type { JsonShape } from '../../src/model/param-values';
import { NODE_SHAPES, type ArchDocument, type NodeSpec } from '../../src/model/types';
import type { ValidationIssue } from '../../src/model/validate';
import { documentFromJson, documentToJson } from '../../src/share/document-json';
import { readDocument, type DocumentJson } from '../../src/share/document-schema';
import { decodeLink, encodeLink } from '../../src/share/link';
import { documentArbitrary } from '../mermaid/arbitraries';

/** The same type up to `readonly` (the schema's output is mutable; the model's is readonly). */
type Normal<T> = T extends readonly (infer E)[]
  ? readonly Normal<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Normal<T[K]> }
    : T;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Checked by `npm run typecheck`: a field added to `ArchDocument` (src/model/types.ts) and not to the
 * schema, or the other way round, or a type that differs, does not compile.
 */
const schemaIsTheModel: Equal<Normal<DocumentJson>, Normal<ArchDocument>> = true;

/** JSON data of a document, as a file or link holds it. */
type Data = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
const dataOf = (doc: ArchDocument): Data => JSON.parse(documentToJson(doc)) as Data;

async function documentOf(text: string, what: string): Promise<ArchDocument> {
  const result = await parseMermaid(text);
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.errors)}`);
  return result.document;
}

const CORPUS = join(import.meta.dirname, '..', 'corpus');

/** Every document archplay makes from its own sources, and random ones, by name. */
async function allDocuments(): Promise<[string, ArchDocument][]> {
  const docs: [string, ArchDocument][] = PRESETS.map((p) => [`preset ${p.document.name}`, p.document]);
  for (const preset of GALLERY)
    docs.push([`gallery ${preset.id}`, await documentOf(preset.mermaid, preset.id)]);
  for (const lesson of LESSONS)
    docs.push([`lesson ${lesson.id}`, await documentOf(lesson.mermaid, lesson.id)]);
  for (const file of readdirSync(CORPUS)
    .filter((name) => name.endsWith('.mmd'))
    .sort())
    docs.push([`corpus ${file}`, await documentOf(readFileSync(join(CORPUS, file), 'utf8'), file)]);
  fc.sample(documentArbitrary, { seed: 12, numRuns: 60 }).forEach((doc, i) =>
    docs.push([`random ${i}`, doc]),
  );
  return docs;
}

/** Schema problems of JSON data, as `path: message`. */
function problems(data: unknown): string[] {
  const errors: ValidationIssue[] = [];
  readDocument(data, errors);
  return errors.map((issue) => `${issue.path}: ${issue.message}`);
}

/** Values for the optional parameters whose absence is no value of their type (`absentText`). */
const PRESENT: Readonly<Record<string, unknown>> = {
  keys: { type: 'zipf', n: 1000, s: 1.1 },
  loadLatency: { type: 'poly', k: 2, n: 3 },
  sessions: 'replicated',
  hitRatio: 0.9,
  burst: 20,
};

/** Every optional parameter of a table with a value: its absent value, or one of {@link PRESENT}. */
const everyParam = (table: ParamTable) =>
  Object.fromEntries(
    Object.entries(table).flatMap(([prop, p]) =>
      p.optional ? [[prop, p.absent === undefined ? PRESENT[prop] : p.absent]] : [],
    ),
  );

/**
 * A document (for the schema; not a valid design) whose nodes of every kind and whose edges hold every
 * optional parameter, including a peer link's.
 */
function everyParamData(): Data {
  const seed = PRESETS[0]!.document;
  const nodes = NODE_KINDS.map(
    (kind) =>
      ({
        id: kind,
        label: kind,
        kind,
        params: { ...KINDS[kind].defaults, ...everyParam(KINDS[kind].params) },
      }) as NodeSpec,
  );
  const edges = seed.edges.map((e) => ({ ...e, params: { ...e.params, ...everyParam(ALL_EDGE_PARAMS) } }));
  return dataOf({ ...seed, nodes, edges });
}

describe('the document schema', () => {
  it('has the shape of ArchDocument (checked at compile time)', () => {
    expect(schemaIsTheModel).toBe(true);
  });

  it('reads every preset, gallery preset, lesson, corpus file and random document back unchanged', async () => {
    const docs = await allDocuments();
    expect(docs.length).toBeGreaterThan(GALLERY.length + LESSONS.length + 25);
    for (const [name, doc] of docs) {
      const json = documentToJson(doc);
      const back = documentFromJson(json);
      expect(back.ok ? [] : back.errors, name).toEqual([]);
      if (!back.ok) continue;
      expect(back.document, name).toStrictEqual(doc);
      expect(documentToJson(back.document), name).toBe(json);
    }
    for (const [name, doc] of docs.filter(([n]) => !n.startsWith('random'))) {
      const link = await decodeLink(await encodeLink(doc));
      expect(link.ok && link.document, name).toStrictEqual(doc);
    }
  });

  it('reads every kind default and every absent value of every parameter table', () => {
    const seed = PRESETS[0]!.document;
    const absentOf = (table: ParamTable) =>
      Object.fromEntries(
        Object.entries(table).flatMap(([prop, p]) => (p.absent === undefined ? [] : [[prop, p.absent]])),
      );
    for (const kind of NODE_KINDS) {
      const { defaults, params: table } = KINDS[kind];
      for (const params of [defaults, { ...defaults, ...absentOf(table) }]) {
        const nodes = [{ id: 'N', label: 'N', kind, params } as NodeSpec];
        expect(problems(dataOf({ ...seed, nodes })), kind).toEqual([]);
      }
    }
    const edges = seed.edges.map((e) => ({ ...e, params: { ...e.params, ...absentOf(ALL_EDGE_PARAMS) } }));
    expect(problems(dataOf({ ...seed, edges }))).toEqual([]);
  });

  it('reads documents without the optional fields added since the first format, at every depth', async () => {
    const docs = [
      ...(await allDocuments()).map(([name, doc]) => [name, dataOf(doc)] as const),
      ['every parameter', everyParamData()] as const,
    ];
    /** Where each optional field lives: the objects that may hold it. */
    const holders: Record<string, (d: Data) => unknown[]> = {
      document: (d) => [d],
      node: (d) => d.nodes,
      edge: (d) => d.edges,
      'edge params': (d) => d.edges.map((e) => e.params),
      group: (d) => d.groups as unknown[],
      step: (d) => d.scenario as unknown[],
      alert: (d) => (d.alerts as unknown[] | undefined) ?? [],
      expectation: (d) => (d.expectations as unknown[] | undefined) ?? [],
      lesson: (d) => (d.lesson === undefined ? [] : [d.lesson]),
    };
    const optionalParams = (table: ParamTable) =>
      Object.entries(table).flatMap(([prop, p]) => (p.optional ? [prop] : []));
    const fields: [keyof typeof holders, string[]][] = [
      ['document', ['alerts', 'classDefs', 'linkStyleDefault', 'accessibility', 'lesson', 'expectations']],
      ['node', ['group', 'startsFailed', 'cost', 'shape', 'mermaidShape', 'labelMarkup', 'style', 'classes']],
      [
        'edge',
        [
          'label',
          'stroke',
          'head',
          'bidirectional',
          'length',
          'labelMarkup',
          'style',
          'mermaidId',
          'animation',
        ],
      ],
      ['edge params', optionalParams(ALL_EDGE_PARAMS)],
      ['group', ['parent', 'latency', 'labelMarkup', 'style', 'classes']],
      ['step', ['mode', 'factor', 'errorRate', 'addedLatencyMs', 'loss', 'workersShare', 'ratePerSec']],
      ['alert', ['target']],
      ['expectation', ['target', 'window', 'confidence', 'sweep']],
      ['lesson', ['question']],
    ];
    const seen = new Set<string>();
    for (const [holder, keys] of fields) {
      for (const key of keys) {
        for (const [name, data] of docs) {
          const copy = structuredClone(data);
          const objects = holders[holder]!(copy) as Record<string, unknown>[];
          if (!objects.some((o) => Object.hasOwn(o, key))) continue;
          for (const o of objects) delete o[key];
          seen.add(`${holder}.${key}`);
          expect(problems(copy), `${name} without ${holder} ${key}`).toEqual([]);
        }
      }
    }
    for (const kind of NODE_KINDS) {
      for (const key of optionalParams(KINDS[kind].params)) {
        for (const [name, data] of docs) {
          const copy = structuredClone(data);
          const params = copy.nodes
            .filter((n) => n.kind === kind)
            .map((n) => n.params as Record<string, unknown>);
          if (!params.some((p) => Object.hasOwn(p, key))) continue;
          for (const p of params) delete p[key];
          seen.add(`${kind}.${key}`);
          expect(problems(copy), `${name} without ${kind} ${key}`).toEqual([]);
        }
      }
    }
    // Not vacuous: each field was held by some document and taken away.
    const expected = [
      ...fields.flatMap(([holder, keys]) => keys.map((key) => `${holder}.${key}`)),
      ...NODE_KINDS.flatMap((kind) => optionalParams(KINDS[kind].params).map((key) => `${kind}.${key}`)),
    ];
    expect(expected.filter((field) => !seen.has(field))).toEqual([]);
  });
});

describe('bad values', () => {
  async function base(): Promise<Data> {
    const source = LESSONS.find((l) => l.id === 'active-active-data')!;
    return dataOf(await documentOf(source.mermaid, source.id));
  }

  /** The message for a value of the wrong JSON type, by the parameter's JSON shape. */
  const wrongTypeMessage = (json: JsonShape): string => {
    if (json === 'number') return 'expected a finite number';
    if (json === 'numberOrInf') return 'expected a number or "inf"';
    if (json === 'boolean') return 'expected a boolean';
    if (json === 'distribution' || 'tags' in json) return 'expected an object';
    return `expected one of ${json.join(', ')}`;
  };

  it('refuses a value of the wrong type for every parameter of every kind and of edges, at its path', async () => {
    const data = await base();
    const client = data.nodes[0]!;
    for (const kind of NODE_KINDS) {
      for (const [prop, param] of Object.entries(KINDS[kind].params as ParamTable)) {
        const copy = structuredClone(data);
        const wrong = param.type.json === 'boolean' ? 1 : 'yes';
        const defaults = dataOf({
          ...PRESETS[0]!.document,
          nodes: [{ ...client, kind, params: KINDS[kind].defaults } as NodeSpec],
        }).nodes[0]!.params;
        copy.nodes[0] = { ...client, kind, params: { ...(defaults as object), [prop]: wrong } };
        expect(problems(copy), `${kind}.${prop}`).toEqual([
          `nodes.UsersEast.params.${prop}: ${wrongTypeMessage(param.type.json)}`,
        ]);
      }
    }
    for (const [prop, param] of Object.entries(ALL_EDGE_PARAMS as ParamTable)) {
      const copy = structuredClone(data);
      (copy.edges[1]!.params as Record<string, unknown>)[prop] = param.type.json === 'boolean' ? 1 : 'yes';
      expect(problems(copy), prop).toEqual([
        `edges.UsersWest-->DNS.params.${prop}: ${wrongTypeMessage(param.type.json)}`,
      ]);
    }
  });

  it('names the path and the problem of bad peer-link, Mermaid, lesson and expectation fields', async () => {
    const data = await base();
    const peer = data.edges.findIndex((e) => e.bidirectional === true);
    expect(peer).toBeGreaterThanOrEqual(0);
    const cases: [(d: Data) => unknown, string][] = [
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).replication = 'semi'),
        `edges.DBEast-->DBWest.params.replication: expected one of async, sync`,
      ],
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).conflict = 'random'),
        `edges.DBEast-->DBWest.params.conflict: expected one of lww, first-wins`,
      ],
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).lag = { type: 'gamma', meanMs: 1 }),
        `edges.DBEast-->DBWest.params.lag.type: expected one of const, exp, uniform, normal, lognormal, pareto, erlang`,
      ],
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).lag = { type: 'exp' }),
        `edges.DBEast-->DBWest.params.lag: missing "meanMs"`,
      ],
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).lag = { type: 'exp', meanMs: 1, sdMs: 2 }),
        `edges.DBEast-->DBWest.params.lag: unknown key "sdMs"`,
      ],
      [
        (d) => ((d.edges[peer]!.params as Record<string, unknown>).lag = [1]),
        `edges.DBEast-->DBWest.params.lag: expected an object`,
      ],
      [
        (d) => (d.edges[0]!.head = 'arrowhead'),
        'edges.UsersEast-->DNS.head: expected one of arrow, none, circle, cross',
      ],
      [(d) => (d.edges[0]!.style = 3), 'edges.UsersEast-->DNS.style: expected a string'],
      [(d) => (d.nodes[0]!.labelMarkup = { text: 1 }), 'nodes.UsersEast.labelMarkup.text: expected a string'],
      [
        (d) => (d.nodes[0]!.labelMarkup = { text: 'a', bold: true }),
        'nodes.UsersEast.labelMarkup: unknown key "bold"',
      ],
      [(d) => (d.nodes[0]!.mermaidShape = 5), 'nodes.UsersEast.mermaidShape: expected a string'],
      [
        (d) => (d.nodes[0]!.shape = 'blob'),
        `nodes.UsersEast.shape: expected one of ${NODE_SHAPES.join(', ')}`,
      ],
      [(d) => (d.nodes[0]!.classes = ['a', 1]), 'nodes.UsersEast.classes.1: expected a string'],
      [(d) => (d.nodes[0]!.position = { x: 1 }), 'nodes.UsersEast.position: missing "y"'],
      [
        (d) => (d.nodes[0]!.kind = 'router'),
        `nodes.UsersEast.kind: expected one of ${NODE_KINDS.join(', ')}`,
      ],
      [(d) => ((d.nodes as unknown[])[1] = []), 'nodes.1: expected an object'],
      // Named by position only where the element has no string id to name it by.
      [(d) => ((d.nodes[1] as { id: unknown }).id = 7), 'nodes.1.id: expected a string'],
      [
        (d) => (((d.groups as unknown[])[1] as { label: unknown }).label = 7),
        'groups.West.label: expected a string',
      ],
      [
        (d) => (((d.groups as unknown[])[0] as Record<string, unknown>).color = 'red'),
        'groups.East: unknown key "color"',
      ],
      [
        (d) => ((d.nodes[0]!.params as Record<string, unknown>).keys = { type: 'zipf', n: 10 }),
        'nodes.UsersEast.params.keys: missing "s"',
      ],
      [
        (d) => ((d.nodes[0]!.params as Record<string, unknown>).keys = { type: 'pareto' }),
        'nodes.UsersEast.params.keys.type: expected a key space: one of uniform, zipf',
      ],
      [(d) => (d.accessibility = { title: 4 }), 'accessibility.title: expected a string'],
      [
        (d) => (d.expectations = [{ metric: 'p99', op: '=~', value: 1 }]),
        'expectations.0.op: expected one of <=, >=, ==, !=, <, >',
      ],
      [
        (d) => (d.expectations = [{ metric: 'p42', op: '<', value: 1 }]),
        expect.stringMatching(/^expectations\.0\.metric: expected one of availability, error_rate, /),
      ],
      [
        (d) => (d.scenario = [{ atSec: 1, action: 'fail', target: 'DBE', mode: 'freeze' }]),
        'scenario.0.mode: expected one of crash, hang',
      ],
      [
        (d) =>
          ((d.lesson as { steps: unknown[] }).steps[0] = {
            text: 'x',
            condition: { when: 'metric', metric: 'p99', above: '1s' },
          }),
        'lesson.steps.0.condition.above: expected a finite number',
      ],
      [
        (d) => ((d.lesson as { steps: unknown[] }).steps[0] = { text: 'x', condition: { when: 'fly' } }),
        'lesson.steps.0.condition.when: expected one of play, fail, recover, select, panel, time, wait, event, metric, done',
      ],
      [
        (d) =>
          ((d.lesson as Record<string, unknown>).question = { text: 'q', answer: 'luck', tolerance: 0.1 }),
        expect.stringMatching(/^lesson\.question\.answer: expected one of failed, ok, /),
      ],
      [(d) => ((d.sim as Record<string, unknown>).seed = '42'), 'sim.seed: expected a finite number'],
    ];
    for (const [change, message] of cases) {
      const copy = structuredClone(data);
      change(copy);
      expect(problems(copy)).toEqual([message]);
    }
  });
});
