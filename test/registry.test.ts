import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferKind, parseMermaid, toMermaid } from '../src/mermaid';
import { KINDS, NODE_KINDS } from '../src/model/kinds';
import { parameterRowsOf, withParameterTable } from '../src/model/param-docs';
import { EDGE_FIELDS, fieldsOf, type ParamField } from '../src/model/param-fields';
import { checkParams } from '../src/model/params';
import type { ArchDocument, NodeSpec } from '../src/model/types';
import { validateDocument } from '../src/model/validate';
import { documentFromJson, documentToJson } from '../src/share/document-json';
import { docWith } from './support/kind-documents';
import { runAll } from './support/run';

/**
 * The kind registry and the parameter table are the one place a kind or a parameter is declared
 * (docs/REGISTRY.md). These tests go through every entry, so a kind or parameter that is declared but not
 * carried through (inference, the Inspector's groups, the engine, Mermaid, JSON, README) fails here.
 */

describe('the kind registry', () => {
  it.each(NODE_KINDS)('%s: names, icon and defaults in range', (kind) => {
    const spec = KINDS[kind];
    expect(spec.name.length).toBeGreaterThan(1);
    expect(spec.icon).toMatch(/^M/);
    expect(spec.idBase).toMatch(/^[A-Za-z]+$/);
    const problems: string[] = [];
    checkParams(spec.params, spec.defaults, (key, problem) => problems.push(`${key}: ${problem}`));
    expect(problems).toEqual([]);
    expect(spec.costPerHour).toBeGreaterThanOrEqual(0);
  });

  it.each(NODE_KINDS)('%s: every parameter sits in exactly one Inspector group, keys unique', (kind) => {
    const keys = fieldsOf(kind).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const grouped = KINDS[kind].groups.flatMap((g) => g.keys);
    expect([...grouped].sort()).toEqual([...keys].sort());
  });

  it.each(NODE_KINDS)('%s: a node added from the palette is inferred as its kind from its name', (kind) => {
    const spec = KINDS[kind];
    expect(inferKind(`${spec.idBase}1`, `${spec.labelBase} 1`, undefined)).toBe(kind);
  });

  it.each(NODE_KINDS)('%s: survives Mermaid and JSON round trips and runs in the engine', async (kind) => {
    const doc = docWith(kind);
    expect(validateDocument(doc)).toEqual([]);
    const mermaid = await parseMermaid(toMermaid(doc));
    if (!mermaid.ok) throw new Error(JSON.stringify(mermaid.errors));
    expect(mermaid.document.nodes.map((n) => [n.kind, n.params])).toEqual(
      doc.nodes.map((n) => [n.kind, n.params]),
    );
    const json = documentFromJson(documentToJson(doc));
    expect(json.ok && json.document.nodes).toEqual(doc.nodes);
    const { totals } = runAll(doc);
    expect(totals.requests).toBeGreaterThan(500);
    expect(totals.ok).toBeGreaterThan(0.9 * totals.requests);
  });
});

/** Texts people type, valid and not, for every kind of value. */
const SAMPLES = [
  '',
  '0',
  '-1',
  '1',
  '3',
  '1.5',
  '1e9',
  'inf',
  'none',
  'abc',
  '20%',
  '150%',
  '0.5',
  '250ms',
  '2s',
  '-5ms',
  '400/s',
  '2000000/s',
  'exp(10ms)',
  'exp(-1ms)',
  'pareto(1ms,0.5)',
  'erlang(2000,1ms)',
  'const(0ms)',
  'true',
  'no',
  'sticky',
  'async',
  'sync',
  'hash',
  'latency',
  'failover',
  'active-passive',
  'ramp',
];

describe('the parameter table', () => {
  it('README lists every parameter with its range and default (npm run docs:params)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(parameterRowsOf(readme)).toEqual(parameterRowsOf(withParameterTable(readme)));
  });

  /** What a field accepts, the document check accepts, and what it refuses never reaches a document. */
  function agree<P>(
    fields: readonly ParamField<P>[],
    params: P,
    docOf: (p: P) => ArchDocument,
    path: string,
  ) {
    for (const field of fields) {
      for (const text of [...SAMPLES, ...(field.options ?? []), field.optional?.defaultText ?? '']) {
        const applied = field.apply(params, text);
        if (!applied.ok) continue;
        const issues = validateDocument(docOf(applied.value)).filter((i) => i.path.startsWith(path));
        expect(issues, `${field.key}=${text}`).toEqual([]);
        // What is accepted is written back exactly.
        const again = field.apply(params, field.formatExact(applied.value));
        expect(again.ok && again.value, `${field.key}=${text} again`).toEqual(applied.value);
      }
    }
  }

  it.each(NODE_KINDS)('%s: the Inspector and the document check accept the same values', (kind) => {
    const doc = docWith(kind);
    const node = doc.nodes[kind === 'client' ? 0 : 1] as NodeSpec;
    const fields = fieldsOf(node.kind) as readonly ParamField<NodeSpec['params']>[];
    agree(
      fields,
      node.params,
      (params) => ({
        ...doc,
        nodes: doc.nodes.map((n) => (n.id === node.id ? ({ ...n, params } as NodeSpec) : n)),
      }),
      `nodes.${node.id}.params.`,
    );
  });

  it('edges: the Inspector and the document check accept the same values', () => {
    const doc = docWith('service');
    const edge = doc.edges[0];
    if (!edge) throw new Error('no edge');
    agree(
      EDGE_FIELDS,
      edge.params,
      (params) => ({ ...doc, edges: [{ ...edge, params }, ...doc.edges.slice(1)] }),
      'edges.',
    );
  });

  it.each(NODE_KINDS)('%s: setting an optional parameter to its default removes the key', (kind) => {
    const { defaults } = KINDS[kind];
    for (const field of fieldsOf(kind) as readonly ParamField<NodeSpec['params']>[]) {
      if (!field.optional) continue;
      const applied = field.apply(defaults, field.optional.defaultText);
      expect(applied, field.key).toEqual({ ok: true, value: defaults });
      expect(field.optional.isSet(defaults)).toBe(false);
    }
  });
});
