/**
 * Mermaid flowchart text → archplay document (DESIGN.md §5), with mermaid's own parser.
 */
import { defaultParamsOf, UNTITLED } from '../model/defaults';
import { isPeerLink } from '../model/peers';
import type { ArchDocument, ClassDef, Direction, NodeSpec } from '../model/types';
import { validateDocument } from '../model/validate';
import { applyAnnotations } from './annotation-apply';
import { readAnnotations } from './annotations';
import {
  MAX_EDGES,
  MAX_NODES,
  MAX_SOURCE_BYTES,
  type DiagnosticCode,
  type MermaidDiagnostic,
  type MermaidParseResult,
} from './diagnostics';
import { locateIssue } from './issue-location';
import { inferKind } from './kind-inference';
import { decodeLabel, labelMarkupOf } from './labels';
import { detectDiagramType, parseFlowchart, type RawFlowchart } from './library';
import { diagnosticFromMermaidError } from './mermaid-errors';
import { preprocess, type Preprocessed } from './preprocess';
import { mermaidShapeOf, shapeOf } from './shapes';
import { readEdges, readGroups } from './structure';
import { filterStyles } from './styles';

export interface ParseMermaidOptions {
  /** Name of the document when the text has no frontmatter `title` (e.g. the file name). */
  readonly name?: string;
}

/** The name of a document whose Mermaid text has no title and no name was given. */
export { UNTITLED };

const FLOWCHART_TYPES = new Set(['flowchart', 'flowchart-v2', 'flowchart-elk']);

/**
 * Reads a Mermaid flowchart (with `%% @…` annotations) into a document. Never throws for bad input:
 * problems come back as errors at a line and column, and the caller keeps its last good document.
 */
export async function parseMermaid(
  text: string,
  options: ParseMermaidOptions = {},
): Promise<MermaidParseResult> {
  const result = await readMermaid(text, options);
  if (result.ok) return result;
  // Annotation readers report their errors without a code: they are all annotation errors.
  return {
    ok: false,
    errors: result.errors.map((error) => ({ ...error, code: error.code ?? 'annotation' })),
  };
}

type Unchecked =
  | Extract<MermaidParseResult, { ok: true }>
  | { readonly ok: false; readonly errors: readonly MermaidDiagnostic[] };

async function readMermaid(text: string, options: ParseMermaidOptions): Promise<Unchecked> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SOURCE_BYTES) {
    const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
    return fail(
      'too-large',
      1,
      1,
      `the text is too large: ${kb(bytes)}, the limit is ${kb(MAX_SOURCE_BYTES)}`,
    );
  }
  const pre = preprocess(text);
  const headerIndex = pre.text.split('\n').findIndex((line) => line.trim() !== '');
  if (headerIndex < 0)
    return fail('empty', 1, 1, 'there is no diagram here', 'start with a line such as: flowchart LR');
  const headerLine = headerIndex + 1;
  const headerColumn = (pre.lines[headerIndex] ?? '').search(/\S/) + 1;

  const type = await detectDiagramType(pre.text);
  if (type === undefined) {
    return fail(
      'not-mermaid',
      headerLine,
      headerColumn,
      'this is not a Mermaid diagram',
      'a flowchart starts with "flowchart LR" or "graph TD"',
    );
  }
  if (!FLOWCHART_TYPES.has(type))
    return fail(
      'not-flowchart',
      headerLine,
      headerColumn,
      `only flowcharts can be imported (found: ${diagramName(type)})`,
    );

  // A text with far more links than the limit is refused before mermaid spends seconds parsing it.
  const tooMany = firstLineBeyondLinks(pre.text, 2 * MAX_EDGES);
  if (tooMany !== undefined)
    return fail(
      'too-many-links',
      tooMany,
      1,
      `too many links: more than ${2 * MAX_EDGES}, the limit is ${MAX_EDGES} edges`,
    );

  let raw: RawFlowchart;
  try {
    raw = await parseFlowchart(pre.text);
  } catch (error) {
    return { ok: false, errors: [diagnosticFromMermaidError(error, pre)] };
  }
  return buildDocument(raw, pre, options, { line: headerLine, column: headerColumn });
}

function fail(
  code: DiagnosticCode,
  line: number,
  column: number,
  message: string,
  hint?: string,
): MermaidParseResult {
  return { ok: false, errors: [{ code, line, column, message, ...(hint ? { hint } : {}) }] };
}

/** `sequence` → "sequence", `classDiagram` → "class", `stateDiagram-v2` → "state". */
function diagramName(type: string): string {
  return (
    type
      .replace(/-v\d+$/, '')
      .replace(/Diagram$/, '')
      .replace(/-beta$/, '') || type
  );
}

function buildDocument(
  raw: RawFlowchart,
  pre: Preprocessed,
  options: ParseMermaidOptions,
  header: { line: number; column: number },
): Unchecked {
  const errors: MermaidDiagnostic[] = [];
  const notices: MermaidDiagnostic[] = [];
  const notice = (message: string, where: { line: number; column: number } = header) =>
    notices.push({ ...where, message });
  /** The first line matching `pattern` (e.g. the classDef of a class), for placing a notice; else the header. */
  const lineOf = (pattern: RegExp) => {
    const index = pre.lines.findIndex((line) => pattern.test(line));
    return index < 0 ? header : { line: index + 1, column: (pre.lines[index] ?? '').search(/\S/) + 1 };
  };
  for (const item of pre.ignored) {
    const at = { line: item.line, column: item.column + 1 };
    if (item.kind === 'click')
      notices.push({ ...at, message: 'click directives are dropped (links and callbacks do not run here)' });
    else if (item.kind === 'directive')
      notices.push({
        ...at,
        message: '%%{init}%% settings do not affect the import; security settings are always ignored',
      });
  }

  const subGraphIds = new Set(raw.subGraphs.map((sg) => sg.id));
  const vertices = raw.vertices.filter((vertex) => !subGraphIds.has(vertex.id));
  // `style G …` and `class G …` make mermaid list a vertex G beside the subgraph G: only a link to it
  // needs a word (it goes to the subgraph's nodes).
  const linked = new Set(raw.edges.flatMap((edge) => [edge.start, edge.end]));
  for (const vertex of raw.vertices) {
    if (subGraphIds.has(vertex.id) && linked.has(vertex.id)) {
      notice(
        `"${vertex.id}" names a subgraph; links to it go to the subgraph's nodes`,
        lineOf(new RegExp(`^\\s*subgraph\\s+${escapeRegExp(vertex.id)}(?![\\w.-])`)),
      );
    }
  }
  // Mermaid lets an id hold `"` (`A"b --> C`) or start with `%%` after a `;`: annotation lines could not
  // name such a node, and an exported `%%…` line would be a comment.
  const quoted = vertices.find((vertex) => vertex.id.includes('"') || vertex.id.startsWith('%%'));
  if (quoted) {
    const at = lineOf(new RegExp(escapeRegExp(quoted.id)));
    return fail(
      'invalid-id',
      at.line,
      at.column,
      `the node id ${quoted.id} ${quoted.id.startsWith('%%') ? 'starts with %% (a comment)' : 'contains a double quote'}`,
      'ids are letters, digits, _ . and -; put other characters in the label: A["…"]',
    );
  }
  if (vertices.length > MAX_NODES)
    return fail('too-many-nodes', 1, 1, `too many nodes: ${vertices.length}, the limit is ${MAX_NODES}`);

  const subgraphs = readGroups(raw.subGraphs);
  const { nodeGroup } = subgraphs;
  // A subgraph's classes come with it; its `style` line makes mermaid list a vertex of the same id.
  const groups = subgraphs.groups.map((group) => {
    const vertex = raw.vertices.find((v) => v.id === group.id);
    const style = vertex
      ? keptStyle(vertex.styles, `style ${vertex.id}`, (message) =>
          notice(message, lineOf(new RegExp(`^\\s*style\\s+${escapeRegExp(vertex.id)}\\s`))),
        )
      : '';
    const classes = [...(raw.subGraphs.find((sg) => sg.id === group.id)?.classes ?? [])];
    return {
      ...group,
      ...(style !== '' ? { style } : {}),
      ...(classes.length > 0 ? { classes } : {}),
    };
  });
  const nodes: NodeSpec[] = vertices.map((vertex) => {
    const label = decodeLabel(vertex.text ?? vertex.id, vertex.labelType === 'markdown');
    const labelMarkup = labelMarkupOf(vertex.text ?? vertex.id, vertex.labelType, label);
    const shape = shapeOf(vertex.type);
    const mermaidShape = mermaidShapeOf(vertex.type);
    const style = keptStyle(vertex.styles, `style ${vertex.id}`, (message) =>
      notice(message, lineOf(new RegExp(`^\\s*style\\s+${escapeRegExp(vertex.id)}\\s`))),
    );
    const kind = inferKind(vertex.id, label, shape);
    const classes = [...vertex.classes];
    const group = nodeGroup.get(vertex.id);
    const failed = classes.includes('failed') || classes.includes('down');
    return {
      id: vertex.id,
      label,
      kind,
      params: defaultParamsOf(kind),
      ...(group !== undefined ? { group } : {}),
      ...(failed ? { startsFailed: true } : {}),
      ...(shape !== undefined ? { shape } : {}),
      ...(mermaidShape !== undefined ? { mermaidShape } : {}),
      ...(labelMarkup ? { labelMarkup } : {}),
      ...(style !== '' ? { style } : {}),
      ...(classes.length > 0 ? { classes } : {}),
    } as NodeSpec;
  });

  const edges = readEdges(raw, nodeGroup, groups, (message, link) =>
    notice(message, link ? (lineOfLink(pre.lines, link.start, link.end, link.nth) ?? header) : header),
  );
  for (const rawEdge of raw.edges) {
    const dropped = filterStyles(rawEdge.style ?? []).dropped;
    if (dropped.length > 0) {
      notice(
        `linkStyle of ${rawEdge.start} --> ${rawEdge.end}: only colours, stroke widths and dashes are kept (dropped ${dropped.join(', ')})`,
        lineOf(/^\s*linkStyle\s/),
      );
      break;
    }
  }
  const linkStyleDefault = keptStyle(raw.defaultLinkStyle, 'linkStyle default', (message) =>
    notice(message, lineOf(/^\s*linkStyle\s+default\s/)),
  );
  // One line each, as export writes them (a multi-line `accDescr { … }` reads the same on one line).
  const oneLine = (text: string) => decodeLabel(text).replace(/\s+/g, ' ').trim();
  const title = oneLine(raw.accTitle);
  const description = oneLine(raw.accDescription);
  const accessibility = {
    ...(title !== '' ? { title } : {}),
    ...(description !== '' ? { description } : {}),
  };
  if (edges.length > MAX_EDGES)
    return fail('too-many-edges', 1, 1, `too many edges: ${edges.length}, the limit is ${MAX_EDGES}`);
  const classDefs = readClassDefs(raw, (name, message) =>
    notice(message, lineOf(new RegExp(`^\\s*classDef\\s+(?:[^\\s,]+,)*${escapeRegExp(name)}(?:[\\s,]|$)`))),
  );
  if (raw.clicked.length > 0 && !pre.ignored.some((item) => item.kind === 'click'))
    notice('click directives are dropped');

  const read = readAnnotations(pre.annotations);
  errors.push(...read.errors);
  const applied = applyAnnotations(read.annotations, { nodes, edges, groups }, errors, notices);
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors) };
  for (const edge of applied.edges) {
    if (!edge.bidirectional || isPeerLink(applied, edge)) continue;
    notice(
      `${edge.source} <--> ${edge.target} carries calls, not replication: only a two-headed link between two databases joins multi-primary peers`,
      lineOf(
        new RegExp(
          `^(?=.*(?<![\\w.-])${escapeRegExp(edge.source)}(?![\\w.-]))(?=.*(?<![\\w.-])${escapeRegExp(edge.target)}(?![\\w.-])).*<[-=.]`,
        ),
      ),
    );
  }

  const document: ArchDocument = {
    name: pre.title ?? options.name ?? UNTITLED,
    direction: directionOf(raw.direction),
    nodes: applied.nodes,
    edges: applied.edges,
    groups: applied.groups,
    scenario: applied.scenario,
    sim: applied.sim,
    ...(applied.alerts.length > 0 ? { alerts: applied.alerts } : {}),
    ...(applied.expectations.length > 0 ? { expectations: applied.expectations } : {}),
    ...(classDefs.length > 0 ? { classDefs } : {}),
    ...(linkStyleDefault !== '' ? { linkStyleDefault } : {}),
    ...(Object.keys(accessibility).length > 0 ? { accessibility } : {}),
    ...(applied.lesson ? { lesson: applied.lesson } : {}),
  };
  const issues = validateDocument(document);
  if (issues.length > 0) {
    return {
      ok: false,
      errors: sortDiagnostics(issues.map((issue) => locateIssue(issue, read.annotations))),
    };
  }
  return { ok: true, document, notices: sortDiagnostics(notices) };
}

function sortDiagnostics(list: readonly MermaidDiagnostic[]): MermaidDiagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The allowed entries of a `style` list joined by commas; a notice names what was dropped. */
function keptStyle(
  entries: readonly string[] | undefined,
  what: string,
  notice: (message: string) => void,
): string {
  const { kept, dropped } = filterStyles(entries ?? []);
  if (dropped.length > 0)
    notice(`${what}: only colours, stroke widths and dashes are kept (dropped ${dropped.join(', ')})`);
  return kept.join(',');
}

function readClassDefs(raw: RawFlowchart, notice: (name: string, message: string) => void): ClassDef[] {
  const defs: ClassDef[] = [];
  for (const def of raw.classDefs) {
    if (def.styles.length === 0) continue;
    const { kept, dropped } = filterStyles(def.styles);
    if (dropped.length > 0)
      notice(
        def.id,
        `classDef ${def.id}: only colours and stroke widths are kept (dropped ${dropped.join(', ')})`,
      );
    if (kept.length > 0) defs.push({ name: def.id, style: kept.join(',') });
  }
  return defs;
}

function directionOf(direction: string | undefined): Direction {
  switch (direction) {
    case 'LR':
    case 'RL':
    case 'BT':
      return direction;
    case undefined: // a header without a direction: Mermaid's own default
    default:
      return 'TB';
  }
}

/**
 * The line at which the text has more than `limit` link arrows (`-->`, `---`, `==>`, `-.->`, `~~~`…), or
 * undefined. Each arrow makes at least one edge, so this never refuses a text within the edge limit.
 */
export function firstLineBeyondLinks(text: string, limit: number): number | undefined {
  const arrow = /<?(?:-{2,}|={2,}|-\.+-|~{3,})[>ox]?/g;
  let count = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    count += (lines[i] ?? '').match(arrow)?.length ?? 0;
    if (count > limit) return i + 1;
  }
  return undefined;
}

/**
 * Where the `nth` link from `start` to `end` is written: the nth line that names both ids with a link
 * between them, in that order (`A --> B`, `A -- text --> B`, `A & C --> B`), at the first id.
 */
function lineOfLink(
  lines: readonly string[],
  start: string,
  end: string,
  nth: number,
): { line: number; column: number } | undefined {
  const id = (name: string) => `(?<![\\w.-])${escapeRegExp(name)}(?![\\w.-])`;
  const pattern = new RegExp(`${id(start)}.*?[-=.~]{2,}.*?${id(end)}`);
  let seen = 0;
  for (const [index, text] of lines.entries()) {
    const match = pattern.exec(text);
    if (!match || ++seen < nth) continue;
    return { line: index + 1, column: match.index + 1 };
  }
  return undefined;
}
