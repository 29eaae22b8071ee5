/**
 * Archplay document → Mermaid flowchart text that renders anywhere Mermaid does, with parameters in
 * `%% @…` comment lines. {@link parseMermaid} of the result gives back the same document.
 */
import { defaultParamsOf, DEFAULT_EDGE } from '../model/defaults';
import { ALL_EDGE_FIELDS, fieldsOf, type ParamField } from '../model/param-fields';
import type {
  AlertRule,
  ArchDocument,
  EdgeSpec,
  EdgeStroke,
  GroupSpec,
  NodeShape,
  NodeSpec,
  ScenarioStep,
} from '../model/types';
import { formatDistributionExact, formatDurationMsExact } from '../model/units';
import { RESERVED_HEADS } from './annotations';
import { encodeLabel } from './labels';
import { filterStyles } from './styles';
import { lessonLines } from './export-lesson';
import { expectationLines } from './annotation-expect';

const OPEN_CLOSE: { readonly [S in NodeShape]: readonly [string, string] } = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  rhombus: ['{', '}'],
  hexagon: ['{{', '}}'],
  odd: ['>', ']'],
  parallelogram: ['[/', '/]'],
  trapezoid: ['[/', '\\]'],
  doublecircle: ['(((', ')))'],
};

const ARROWS: { readonly [S in EdgeStroke]: string } = {
  normal: '-->',
  dotted: '-.->',
  thick: '==>',
  invisible: '~~~',
};

/**
 * Words that cannot be node ids in Mermaid text (they are statements), checked in lower case.
 */
const RESERVED_IDS = new Set([
  'end',
  'graph',
  'flowchart',
  'flowchart-elk',
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
]);

/** Whether `id` can be written as a node or subgraph id in Mermaid text (letters, digits, `_`, `.`, `-`). */
export function isValidMermaidId(id: string): boolean {
  return /^[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*$/u.test(id) && !RESERVED_IDS.has(id.toLowerCase());
}

/** Writes the document as Mermaid text (see README.md, "Mermaid file format"). */
export function toMermaid(doc: ArchDocument): string {
  const out: string[] = [];
  out.push('---', `title: ${JSON.stringify(doc.name)}`, '---');
  out.push(`flowchart ${doc.direction}`);
  for (const node of doc.nodes) out.push(`  ${nodeDeclaration(node)}`);
  writeGroups(doc, out);
  for (const edge of doc.edges) out.push(`  ${edgeLine(edge)}`);
  for (const def of doc.classDefs ?? []) {
    const style = filterStyles(def.style.split(',')).kept.join(',');
    if (style !== '') out.push(`  classDef ${def.name} ${style}`);
  }
  for (const node of doc.nodes) for (const name of node.classes ?? []) out.push(`  class ${node.id} ${name}`);
  for (const node of doc.nodes) out.push(...nodeAnnotation(node));
  for (const group of doc.groups) out.push(...groupAnnotation(group));
  for (const edge of doc.edges) out.push(...edgeAnnotation(edge));
  out.push(
    `%% @sim seed=${doc.sim.seed} duration=${doc.sim.durationSec}s${doc.sim.warmupSec !== 0 ? ` warmup=${doc.sim.warmupSec}s` : ''}`,
  );
  for (const step of doc.scenario) out.push(stepLine(step));
  for (const rule of doc.alerts ?? []) out.push(alertLine(rule));
  out.push(...expectationLines(doc.expectations ?? []));
  if (doc.lesson) out.push(...lessonLines(doc.lesson));
  return `${out.join('\n')}\n`;
}

function nodeDeclaration(node: NodeSpec): string {
  if (node.shape === undefined && node.label === node.id && isValidMermaidId(node.id)) return node.id;
  const [open, close] = OPEN_CLOSE[node.shape ?? 'rect'];
  return `${node.id}${open}"${encodeLabel(node.label)}"${close}`;
}

/** Subgraphs, nested as the groups are; each lists its nodes (declared above, so order is kept). */
function writeGroups(doc: ArchDocument, out: string[]): void {
  const known = new Set(doc.groups.map((g) => g.id));
  const write = (group: GroupSpec, depth: number) => {
    const indent = '  '.repeat(depth + 1);
    out.push(`${indent}subgraph ${group.id}["${encodeLabel(group.label)}"]`);
    for (const node of doc.nodes) if (node.group === group.id) out.push(`${indent}  ${node.id}`);
    for (const child of doc.groups) if (child.parent === group.id) write(child, depth + 1);
    out.push(`${indent}end`);
  };
  for (const group of doc.groups) if (group.parent === undefined || !known.has(group.parent)) write(group, 0);
}

function edgeLine(edge: EdgeSpec): string {
  const stroke = edge.stroke ?? 'normal';
  // Mermaid has no two-headed invisible link.
  const arrow = (edge.bidirectional && stroke !== 'invisible' ? '<' : '') + ARROWS[stroke];
  const label = edge.label !== undefined && edge.label !== '' ? `|"${encodeLabel(edge.label)}"|` : '';
  return `${edge.source} ${arrow}${label} ${edge.target}`;
}

/** `key=value` for every field whose value differs from the default; values quoted when needed. */
function changedPairs<P>(params: P, defaults: P, fields: readonly ParamField<P>[]): string[] {
  return fields
    .filter((field) => field.formatExact(params) !== field.formatExact(defaults))
    .map((field) => `${field.key}=${quoteValue(field.formatExact(params))}`);
}

/** Values with spaces, quotes or nothing at all are written as JSON strings. */
export function quoteValue(value: string): string {
  return value === '' || /[\s"]/.test(value) ? JSON.stringify(value) : value;
}

function nodeAnnotation(node: NodeSpec): string[] {
  const fields = fieldsOf(node.kind) as readonly ParamField<NodeSpec['params']>[];
  const pairs = [`kind=${node.kind}`, ...changedPairs(node.params, defaultParamsOf(node.kind), fields)];
  const classFailed = (node.classes ?? []).some((name) => name === 'failed' || name === 'down');
  if ((node.startsFailed ?? false) !== classFailed) pairs.push(`failed=${node.startsFailed ?? false}`);
  if (node.cost !== undefined) pairs.push(`cost=${node.cost}`);
  if (node.position) pairs.push(`pos=${node.position.x},${node.position.y}`);
  const head = RESERVED_HEADS.has(node.id) ? `node ${node.id}` : node.id;
  return [`%% @${head} ${pairs.join(' ')}`];
}

function edgeAnnotation(edge: EdgeSpec): string[] {
  const pairs = changedPairs(edge.params, DEFAULT_EDGE, ALL_EDGE_FIELDS);
  const arrow = edge.bidirectional ? '<-->' : '-->';
  return pairs.length > 0 ? [`%% @${edge.source}${arrow}${edge.target} ${pairs.join(' ')}`] : [];
}

/** `%% @at 60s degrade S1 factor=3`: only the fields the step has. */
function stepLine(step: ScenarioStep): string {
  const pairs: string[] = [];
  if (step.mode !== undefined) pairs.push(`mode=${step.mode}`);
  if (step.factor !== undefined) pairs.push(`factor=${step.factor}`);
  if (step.errorRate !== undefined) pairs.push(`errors=${step.errorRate}`);
  if (step.addedLatencyMs !== undefined) pairs.push(`latency=${formatDurationMsExact(step.addedLatencyMs)}`);
  if (step.loss !== undefined) pairs.push(`loss=${step.loss}`);
  if (step.workersShare !== undefined) pairs.push(`workers=${step.workersShare * 100}%`);
  if (step.ratePerSec !== undefined) pairs.push(`rate=${step.ratePerSec}/s`);
  if (step.caption !== undefined) pairs.push(`caption=${JSON.stringify(step.caption)}`);
  return [`%% @at ${step.atSec}s ${step.action} ${step.target}`, ...pairs].join(' ');
}

function groupAnnotation(group: GroupSpec): string[] {
  if (!group.latency) return [];
  const head = RESERVED_HEADS.has(group.id) ? `group ${group.id}` : group.id;
  return [`%% @${head} latency=${formatDistributionExact(group.latency)}`];
}

/** `%% @alert errors metric=error_rate threshold=0.01 for=10s target=LB`, thresholds exact. */
function alertLine(rule: AlertRule): string {
  const id = /^[^\s"=()]+$/.test(rule.id) ? rule.id : JSON.stringify(rule.id);
  const threshold = rule.metric === 'p99' ? formatDurationMsExact(rule.threshold) : String(rule.threshold);
  const target = rule.target !== undefined ? ` target=${rule.target}` : '';
  return `%% @alert ${id} metric=${rule.metric} threshold=${threshold} for=${rule.forSec}s${target}`;
}
