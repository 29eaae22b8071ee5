/**
 * Applies `%% @…` annotations to the document read from the diagram. Parameter values go through the
 * same fields as the Inspector (src/model/param-fields.ts, made from the parameter table in
 * src/model/params.ts), so a value means the same in both places.
 */
import { defaultParamsOf, DEFAULT_SIM } from '../model/defaults';
import { ALL_EDGE_FIELDS, fieldsOf, type ParamField } from '../model/param-fields';
import { parseDistribution } from '../model/units';
import { isNodeKind, NODE_KINDS } from '../model/kinds';
import {
  type AlertRule,
  type EdgeSpec,
  type GroupSpec,
  type NodeSpec,
  type ScenarioStep,
  type SimSettings,
} from '../model/types';
import { readAnnotations, type Annotation, type Pair } from './annotations';
import type { DiagnosticReport as Report, MermaidDiagnostic } from './diagnostics';
import { applySimPairs, readAlert, readStep, type StepTargets } from './annotation-scenario';
import { isNodeLine, readLesson } from './annotation-lesson';
import { isExpectNodeLine, readExpectation } from './annotation-expect';
import type { Expectation } from '../model/expectation-types';
import type { Lesson } from '../model/lesson-types';

/** Keys every node takes besides its kind's parameters. */
const NODE_KEYS = ['kind', 'label', 'failed', 'pos', 'cost'];

export interface Applied {
  readonly nodes: NodeSpec[];
  readonly edges: EdgeSpec[];
  readonly groups: GroupSpec[];
  readonly scenario: ScenarioStep[];
  readonly sim: SimSettings;
  readonly alerts: AlertRule[];
  readonly expectations: Expectation[];
  readonly lesson?: Lesson;
}

export function applyAnnotations(
  read: readonly Annotation[],
  base: { nodes: readonly NodeSpec[]; edges: readonly EdgeSpec[]; groups: readonly GroupSpec[] },
  errors: MermaidDiagnostic[],
  notices: MermaidDiagnostic[],
): Applied {
  const report: Report = {
    error: (token, message, hint) =>
      errors.push({ line: token.line, column: token.column, message, ...(hint ? { hint } : {}) }),
    notice: (token, message) => notices.push({ line: token.line, column: token.column, message }),
  };
  // A node or subgraph called lesson, step or question keeps its old `%% @step key=value` lines.
  const ids = new Set([...base.nodes.map((n) => n.id), ...base.groups.map((g) => g.id)]);
  const annotations = read.map((a): Annotation => {
    if ((a.type === 'lesson' || a.type === 'step' || a.type === 'question') && isNodeLine(a, ids))
      return { type: 'node', id: a.head, pairs: a.pairs };
    // Likewise a node called expect keeps its `%% @expect key=value` lines.
    if (a.type === 'expect' && isExpectNodeLine(a, ids)) {
      // Read again as `@node expect …`, with every word at its own column.
      const gap = ' '.repeat(a.body.column - a.head.column - 'expect'.length);
      const text = `node expect${gap}${a.body.text}`;
      const line = readAnnotations([{ line: a.head.line, column: a.head.column - 6, text }]).annotations[0];
      if (line?.type === 'node') return line;
    }
    return a;
  });
  const nodeIndex = new Map(base.nodes.map((node, index) => [node.id, index]));
  const edgeIndex = new Map(base.edges.map((edge, index) => [edge.id, index]));
  const groupIndex = new Map(base.groups.map((group, index) => [group.id, index]));
  const nodes = [...base.nodes];
  const edges = [...base.edges];
  const groups = [...base.groups];
  const scenario: ScenarioStep[] = [];
  const alerts: AlertRule[] = [];
  const expectations: Expectation[] = [];
  let sim: SimSettings = DEFAULT_SIM;
  const targets: StepTargets = {
    nodes: new Set(nodeIndex.keys()),
    groups: new Set(groupIndex.keys()),
    edges: new Set(edgeIndex.keys()),
  };

  // All pairs of one node first, so that `kind=` applies before the parameters whatever the line order.
  const nodePairs = new Map<string, Pair[]>();
  for (const annotation of annotations) {
    if (annotation.type !== 'node') continue;
    const id = annotation.id.text;
    const groupAt = groupIndex.get(id);
    const group = groupAt === undefined ? undefined : groups[groupAt];
    if (groupAt !== undefined && group && !nodeIndex.has(id)) {
      groups[groupAt] = applyGroupPairs(group, annotation.pairs, report);
      continue;
    }
    if (!nodeIndex.has(id)) {
      report.error(annotation.id, `unknown node or subgraph "${id}" (not in the diagram)`);
      continue;
    }
    nodePairs.set(id, [...(nodePairs.get(id) ?? []), ...annotation.pairs]);
  }
  for (const [id, pairs] of nodePairs) {
    const index = nodeIndex.get(id) ?? 0;
    const node = nodes[index];
    if (node) nodes[index] = applyNodePairs(node, pairs, report);
  }

  for (const annotation of annotations) {
    if (annotation.type === 'edge') {
      const id = `${annotation.source.text}-->${annotation.target.text}`;
      // A two-headed link may be named either way round.
      const reverse = edgeIndex.get(`${annotation.target.text}-->${annotation.source.text}`);
      const index =
        edgeIndex.get(id) ?? (reverse !== undefined && edges[reverse]?.bidirectional ? reverse : undefined);
      const edge = index === undefined ? undefined : edges[index];
      if (index === undefined || !edge) {
        report.error(annotation.source, `no edge ${id} in the diagram`);
        continue;
      }
      edges[index] = applyEdgePairs(edge, annotation.pairs, report);
    } else if (annotation.type === 'sim') {
      sim = applySimPairs(sim, annotation.pairs, report);
    } else if (annotation.type === 'at') {
      const step = readStep(annotation, targets, report);
      if (step) scenario.push(step);
    } else if (annotation.type === 'alert') {
      const rule = readAlert(annotation, targets.nodes, alerts, report);
      if (rule) alerts.push(rule);
    } else if (annotation.type === 'expect') {
      const expectation = readExpectation(annotation, report);
      if (expectation) expectations.push(expectation);
    }
  }
  const lesson = readLesson(
    annotations.filter(
      (a): a is Extract<Annotation, { type: 'lesson' | 'step' | 'question' }> =>
        a.type === 'lesson' || a.type === 'step' || a.type === 'question',
    ),
    report,
  );
  return { nodes, edges, groups, scenario, sim, alerts, expectations, ...(lesson ? { lesson } : {}) };
}

function applyFields<P>(
  params: P,
  fields: readonly ParamField<P>[],
  pair: Pair,
  what: string,
  report: Report,
): { params: P; known: boolean } {
  const field = fields.find((f) => f.key === pair.key.text);
  if (!field) return { params, known: false };
  const applied = field.apply(params, pair.value.text);
  if (!applied.ok) {
    report.error(pair.value, `${what} ${pair.key.text}: ${applied.error}`);
    return { params, known: true };
  }
  return { params: applied.value, known: true };
}

function applyNodePairs(start: NodeSpec, pairs: readonly Pair[], report: Report): NodeSpec {
  let node = start;
  const kindPair = pairs.filter((pair) => pair.key.text === 'kind').at(-1);
  if (kindPair) {
    const kind = kindPair.value.text;
    if (!isNodeKind(kind)) {
      report.error(kindPair.value, `unknown kind "${kindPair.value.text}" (use ${NODE_KINDS.join(', ')})`);
    } else if (kind !== node.kind) {
      node = { ...node, kind, params: defaultParamsOf(kind) } as NodeSpec;
    }
  }
  for (const pair of pairs) {
    const key = pair.key.text;
    if (key === 'kind') continue;
    if (key === 'label') {
      node = { ...node, label: pair.value.text };
    } else if (key === 'failed') {
      const value = pair.value.text.toLowerCase();
      if (value !== 'true' && value !== 'false')
        report.error(pair.value, `${node.id} failed: write true or false`);
      else node = withStartsFailed(node, value === 'true');
    } else if (key === 'cost') {
      const cost = Number(pair.value.text.replace(/\/h$/, ''));
      if (!(Number.isFinite(cost) && cost >= 0))
        report.error(pair.value, `${node.id} cost: a number ≥ 0 per hour, e.g. cost=0.2 or cost=0.2/h`);
      else node = { ...node, cost };
    } else if (key === 'pos') {
      const match = /^(-?[\d.eE+-]+),(-?[\d.eE+-]+)$/.exec(pair.value.text);
      const x = Number(match?.[1]);
      const y = Number(match?.[2]);
      if (!match || !Number.isFinite(x) || !Number.isFinite(y))
        report.error(pair.value, `${node.id} pos: write x,y (numbers), e.g. pos=120,40`);
      else node = { ...node, position: { x, y } };
    } else {
      node = applyNodeParam(node, pair, report);
    }
  }
  const think = pairs.find((pair) => pair.key.text === 'think');
  if (think && node.kind === 'client' && node.params.arrival !== 'closed')
    report.notice(
      think.key,
      `${node.id}: think= applies to closed-loop clients only (arrival=closed users=N); this client sends at its rate`,
    );
  return node;
}

function applyNodeParam(node: NodeSpec, pair: Pair, report: Report): NodeSpec {
  const key = pair.key.text;
  const fields = fieldsOf(node.kind) as readonly ParamField<NodeSpec['params']>[];
  const result = applyFields(node.params, fields, pair, node.id, report);
  if (result.known) return { ...node, params: result.params } as NodeSpec;
  const owner = NODE_KINDS.find((kind) => fieldsOf(kind).some((f) => f.key === key));
  const keys = [...NODE_KEYS, ...fields.map((f) => f.key)].join(', ');
  if (owner) {
    report.error(
      pair.key,
      `"${key}" is not a parameter of a ${node.kind} node`,
      `${node.id} is a ${node.kind}; add kind=${owner} if it is a ${owner}`,
    );
  } else {
    report.error(pair.key, `unknown key "${key}" for ${node.id} (a ${node.kind}: ${keys})`);
  }
  return node;
}

/** A subgraph's keys: `latency` (a region's one-way latency on every edge crossing it) and `label`. */
function applyGroupPairs(start: GroupSpec, pairs: readonly Pair[], report: Report): GroupSpec {
  let group = start;
  for (const pair of pairs) {
    const key = pair.key.text;
    if (key === 'label') {
      group = { ...group, label: pair.value.text };
    } else if (key === 'latency') {
      const parsed = parseDistribution(pair.value.text);
      if (!parsed.ok) report.error(pair.value, `${group.id} latency: ${parsed.error}`);
      else group = { ...group, latency: parsed.value };
    } else {
      report.error(pair.key, `unknown key "${key}" for subgraph ${group.id} (keys: latency, label)`);
    }
  }
  return group;
}

function withStartsFailed(node: NodeSpec, failed: boolean): NodeSpec {
  if (failed) return { ...node, startsFailed: true };
  const copy: { -readonly [K in keyof NodeSpec]?: NodeSpec[K] } = { ...node };
  delete copy.startsFailed;
  return copy as NodeSpec;
}

function applyEdgePairs(start: EdgeSpec, pairs: readonly Pair[], report: Report): EdgeSpec {
  let edge = start;
  for (const pair of pairs) {
    const result = applyFields(edge.params, ALL_EDGE_FIELDS, pair, edge.id, report);
    if (result.known) {
      edge = { ...edge, params: result.params };
    } else {
      report.error(
        pair.key,
        `unknown key "${pair.key.text}" for edge ${edge.id} (keys: ${ALL_EDGE_FIELDS.map((f) => f.key).join(', ')})`,
      );
    }
  }
  return edge;
}
