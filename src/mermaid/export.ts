/**
 * Archplay document → Mermaid flowchart text that renders anywhere Mermaid does, with parameters in
 * `%% @…` comment lines. {@link parseMermaid} of the result gives back the same document.
 */
import { defaultParamsOf, DEFAULT_EDGE } from '../model/defaults';
import { ALL_EDGE_FIELDS, fieldsOf, type ParamField } from '../model/param-fields';
import type { AlertRule, ArchDocument, EdgeSpec, GroupSpec, NodeSpec, ScenarioStep } from '../model/types';
import { formatDistributionExact, formatDurationMsExact } from '../model/units';
import { STEP_PARAMS, type Param } from '../model/params';
import { RESERVED_HEADS } from './annotations';
import { encodeLabel, quotedLabel } from './labels';
import { filterStyles } from './styles';
import { lessonLines } from './export-lesson';
import { expectationLines } from './annotation-expect';
import { drawnLinks, linkArrow, type DrawnLink } from './export-links';
import { CLASSIC_BRACKETS, vertexTypeOf } from './shapes';

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
  out.push('---', `title: ${yamlTitle(doc.name)}`, '---');
  out.push(`flowchart ${doc.direction}`);
  out.push(...accessibilityLines(doc));
  for (const node of doc.nodes) out.push(guarded(`  ${nodeDeclaration(node)}`));
  writeGroups(doc, out);
  const links = drawnLinks(doc);
  const linkIds = writableLinkIds(doc, links);
  for (const link of links)
    out.push(guarded(`  ${edgeLine(link.edge, link.source, link.target, linkIds.has(link.edge))}`));
  for (const link of links) {
    const animation = link.edge.animation;
    if (animation === undefined || !linkIds.has(link.edge)) continue;
    out.push(
      `  ${link.edge.mermaidId}@{ ${animation === 'on' ? 'animate: true' : `animation: ${animation}`} }`,
    );
  }
  for (const def of doc.classDefs ?? []) {
    const style = allowedStyle(def.style);
    if (style !== '') out.push(`  classDef ${def.name} ${style}`);
  }
  // Subgraphs take `class` and `style` lines as nodes do.
  const styled = [...doc.nodes, ...doc.groups];
  for (const item of styled) for (const name of item.classes ?? []) out.push(`  class ${item.id} ${name}`);
  for (const item of styled) {
    const style = allowedStyle(item.style);
    if (style !== '') out.push(`  style ${item.id} ${style}`);
  }
  const linkDefault = allowedStyle(doc.linkStyleDefault);
  if (linkDefault !== '') out.push(`  linkStyle default ${linkDefault}`);
  links.forEach((link, index) => {
    const style = allowedStyle(link.edge.style);
    if (style !== '') out.push(`  linkStyle ${index} ${style}`);
  });
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

/** A style list through the allow-list again: a document from a file or link may hold anything. */
function allowedStyle(style: string | undefined): string {
  return style === undefined ? '' : filterStyles(style.split(',')).kept.join(',');
}

/** `accTitle: …` and `accDescr: …` (one line each: line breaks become spaces). */
function accessibilityLines(doc: ArchDocument): string[] {
  // Mermaid sanitises these texts as HTML: markup characters go as entities, so they read back the same.
  const oneLine = (text: string) =>
    text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines: string[] = [];
  const title = oneLine(doc.accessibility?.title ?? '');
  const description = oneLine(doc.accessibility?.description ?? '');
  if (title !== '') lines.push(guarded(`  accTitle: ${title}`));
  if (description !== '') lines.push(guarded(`  accDescr: ${description}`));
  return lines;
}

/**
 * The frontmatter title as a YAML double-quoted string, with `<` written `\u003c` (YAML and JSON read
 * it back as `<`). Before it reads the frontmatter, mermaid rewrites `="` as `='` in whatever looks like
 * an HTML tag, from a `<` to the next `>`: a title "<a" and an arrow's `>` lines later made it rewrite
 * a label's quotes and fail to parse the diagram.
 */
function yamlTitle(name: string): string {
  return JSON.stringify(name).replace(/</g, '\\u003c');
}

/**
 * Mermaid drops the last `;` of any line where `style` or `classDef` precedes a `#` colour (its
 * encodeEntities), even inside a quoted label: such a line gets one `;` more at its end for mermaid to
 * drop (a statement may end with `;`), so the label reads back as written.
 */
function guarded(line: string): string {
  for (let extra = ''; extra.length <= 2; extra += ';')
    if (mermaidEncodeSemicolons(line + extra) === line) return line + extra;
  return line;
}

/** The `;` mermaid's encodeEntities drops: the last of a line after `style`, then after `classDef`. */
function mermaidEncodeSemicolons(line: string): string {
  return line
    .replace(/style.*:\S*#.*;/g, (match) => match.slice(0, -1))
    .replace(/classDef.*:\S*#.*;/g, (match) => match.slice(0, -1));
}

function nodeDeclaration(node: NodeSpec): string {
  const type = vertexTypeOf(node.shape, node.mermaidShape);
  const brackets = CLASSIC_BRACKETS[type];
  if (brackets) {
    if (type === 'square' && node.label === node.id && isValidMermaidId(node.id) && !node.labelMarkup)
      return node.id;
    return `${node.id}${brackets[0]}${quotedLabel(node.label, node.labelMarkup)}${brackets[1]}`;
  }
  // A newer shape: `id@{ shape: docs, label: "…" }`, whose label mermaid always reads as markdown.
  if (node.label === node.id && !node.labelMarkup) return `${node.id}@{ shape: ${type} }`;
  const markup = node.labelMarkup;
  const label =
    markup?.markdown && quotedLabel(node.label, markup) === `"\`${markup.text}\`"`
      ? markup.text
      : encodeLabel(node.label);
  return `${node.id}@{ shape: ${type}, label: "${label}" }`;
}

/** Subgraphs, nested as the groups are; each lists its nodes (declared above, so order is kept). */
function writeGroups(doc: ArchDocument, out: string[]): void {
  const known = new Set(doc.groups.map((g) => g.id));
  const write = (group: GroupSpec, depth: number) => {
    const indent = '  '.repeat(depth + 1);
    out.push(guarded(`${indent}subgraph ${group.id}[${quotedLabel(group.label, group.labelMarkup)}]`));
    for (const node of doc.nodes) if (node.group === group.id) out.push(`${indent}  ${node.id}`);
    for (const child of doc.groups) if (child.parent === group.id) write(child, depth + 1);
    out.push(`${indent}end`);
  };
  for (const group of doc.groups) if (group.parent === undefined || !known.has(group.parent)) write(group, 0);
}

function edgeLine(edge: EdgeSpec, source: string, target: string, withId: boolean): string {
  const label =
    edge.label !== undefined && edge.label !== '' ? `|${quotedLabel(edge.label, edge.labelMarkup)}|` : '';
  const id = withId ? `${edge.mermaidId}@` : '';
  return `${source} ${id}${linkArrow(edge)}${label} ${target}`;
}

/**
 * The drawn links whose own Mermaid id can be written: a valid id, used once, and not the id of a node
 * or subgraph (mermaid would read `X@{ … }` as that node's shape). Others are numbered by mermaid.
 */
function writableLinkIds(doc: ArchDocument, links: readonly DrawnLink[]): Set<EdgeSpec> {
  const taken = new Set([...doc.nodes.map((n) => n.id), ...doc.groups.map((g) => g.id)]);
  const writable = new Set<EdgeSpec>();
  for (const { edge } of links) {
    const id = edge.mermaidId;
    if (id === undefined || !isValidMermaidId(id) || taken.has(id)) continue;
    taken.add(id);
    writable.add(edge);
  }
  return writable;
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

/** `%% @at 60s degrade S1 factor=3`: only the fields the step has, written by their value types. */
function stepLine(step: ScenarioStep): string {
  const pairs: string[] = [];
  for (const [prop, param] of Object.entries(STEP_PARAMS) as [keyof typeof STEP_PARAMS, Param<unknown>][]) {
    const value = step[prop];
    if (value !== undefined) pairs.push(`${param.key}=${param.type.showExact(value)}`);
  }
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
