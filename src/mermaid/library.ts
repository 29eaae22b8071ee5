/**
 * The one module that touches the mermaid library (loaded lazily: it is large). Everything else in
 * src/mermaid works on the plain data returned here.
 *
 * Parsing uses mermaid's own flowchart parser and database class, the same pair `mermaid.parse` uses,
 * with one difference: archplay keeps labels as plain text and never renders them as HTML, so the
 * database instance gets an identity `sanitizeText` (mermaid's DOMPurify pass would otherwise turn
 * `<img src=x onerror=…>` into `<img src="x">` and `&` into `&amp;`). Click handlers and links are
 * recorded instead of being bound. The rendering path (the Preview) is untouched and keeps mermaid's
 * sanitising with `securityLevel: 'strict'`.
 */
import type { JSDOM as JsdomClass } from 'jsdom';
import type { Mermaid, MermaidConfig } from 'mermaid';

type MermaidModule = Mermaid;

/** A vertex as mermaid's flowchart database holds it (the fields archplay reads). */
export interface RawVertex {
  readonly id: string;
  readonly text?: string;
  readonly type?: string;
  readonly labelType?: string;
  readonly classes: readonly string[];
  /** From `style` lines, as `property:value` entries. */
  readonly styles?: readonly string[];
}

export interface RawEdge {
  readonly start: string;
  readonly end: string;
  readonly text: string;
  readonly labelType?: string;
  readonly stroke?: string;
  /** `arrow_point`, `arrow_open`, `arrow_circle`, `arrow_cross` or `double_arrow_…`. */
  readonly type?: string;
  /** 1 for `-->`, 2 for `--->`… */
  readonly length?: number;
  /** From `linkStyle` lines, as `property:value` entries. */
  readonly style?: readonly string[];
  /** The link's id: written by the user (`A e1@--> B`) when {@link isUserDefinedId}, else mermaid's own. */
  readonly id?: string;
  readonly isUserDefinedId?: boolean;
  /** From `e1@{ animate: true }` and `e1@{ animation: fast|slow }`. */
  readonly animate?: boolean;
  readonly animation?: string;
}

export interface RawSubGraph {
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly string[];
  readonly labelType?: string;
  /** From `class <subgraph id> name` lines. */
  readonly classes?: readonly string[];
}

export interface RawClassDef {
  readonly id: string;
  readonly styles: readonly string[];
}

/** What mermaid's parser made of a flowchart. */
export interface RawFlowchart {
  readonly direction: string | undefined;
  readonly vertices: readonly RawVertex[];
  readonly edges: readonly RawEdge[];
  readonly subGraphs: readonly RawSubGraph[];
  readonly classDefs: readonly RawClassDef[];
  /** Ids named by `click` statements (the statements themselves have no effect). */
  readonly clicked: readonly string[];
  /** `linkStyle default …` entries. */
  readonly defaultLinkStyle: readonly string[];
  readonly accTitle: string;
  readonly accDescription: string;
}

/** The shape of the flowchart database methods archplay calls or replaces. */
interface FlowDbInstance {
  clear(): void;
  setGen(version: string): void;
  getDirection(): string | undefined;
  getVertices(): Map<string, RawVertex>;
  getEdges(): RawEdge[] & { defaultStyle?: string[] };
  getAccTitle(): string;
  getAccDescription(): string;
  getSubGraphs(): RawSubGraph[];
  getClasses(): Map<string, RawClassDef>;
  sanitizeText: (text: string) => string;
  setLink: (ids: string) => void;
  setClickEvent: (ids: string) => void;
  setTooltip: (ids: string) => void;
}

/** Mermaid's flowchart parser module; `parser` is the generated (jison) parser itself. */
interface FlowParser {
  parser: { yy: unknown; parse(text: string): unknown };
}

interface FlowchartParts {
  readonly FlowDb: new () => FlowDbInstance;
  readonly parser: FlowParser;
}

/** Configuration for both parsing and the Preview: strict security, dagre layout, no auto-start. */
export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  layout: 'dagre',
  // Keys a diagram's own `%%{init}%%` or frontmatter may not change (mermaid's defaults plus ours).
  secure: [
    'secure',
    'securityLevel',
    'startOnLoad',
    'maxTextSize',
    'suppressErrorRendering',
    'maxEdges',
    'dompurifyConfig',
    'htmlLabels',
    'themeCSS',
    'layout',
    'logLevel',
  ],
  maxEdges: 500,
  logLevel: 'fatal',
};

let mermaidPromise: Promise<MermaidModule> | undefined;
let partsPromise: Promise<FlowchartParts> | undefined;
let reusedDb: FlowDbInstance | undefined;

/**
 * Loads and initialises mermaid once. Outside a browser (the CLI, Node tests) mermaid's DOMPurify is
 * given a jsdom window first, so that parsing runs the same code as in the app: without a window,
 * DOMPurify is an empty stub and `accTitle` or `accDescr` lines fail with "DOMPurify.addHook is not a
 * function". Rendering still needs a full DOM installed by the caller.
 */
export function loadMermaid(): Promise<MermaidModule> {
  mermaidPromise ??= withWindowForSanitiser(() => import('mermaid')).then((module) => {
    const mermaid = module.default;
    mermaid.initialize(MERMAID_CONFIG);
    return mermaid;
  });
  return mermaidPromise;
}

/**
 * Runs `load` with a global `window` present. DOMPurify takes the global window once, when its module is
 * evaluated, and keeps it; so where there is none, a jsdom window is installed for the import only and
 * removed afterwards, leaving the rest of the program without a fake browser global.
 */
async function withWindowForSanitiser<T>(load: () => Promise<T>): Promise<T> {
  if (typeof window !== 'undefined') return load();
  // A computed specifier: the browser bundle never includes jsdom (this branch never runs there).
  const specifier = 'jsdom';
  const { JSDOM } = (await import(/* @vite-ignore */ specifier)) as { JSDOM: typeof JsdomClass };
  const scope = globalThis as { window?: unknown };
  scope.window = new JSDOM('<!doctype html><html><body></body></html>').window;
  try {
    return await load();
  } finally {
    delete scope.window;
  }
}

async function loadFlowchartParts(): Promise<FlowchartParts> {
  partsPromise ??= loadMermaid().then(async (mermaid) => {
    // Parsing a tiny flowchart registers the diagram and hands us its parser and database class.
    const diagram = await mermaid.mermaidAPI.getDiagramFromText('flowchart LR\nA');
    const db = diagram.db as unknown as FlowDbInstance;
    return {
      FlowDb: db.constructor as new () => FlowDbInstance,
      parser: diagram.parser as unknown as FlowParser,
    };
  });
  return partsPromise;
}

/**
 * The diagram type mermaid detects for the text (e.g. `flowchart-v2`, `sequence`), or undefined when it
 * recognises none. The text should already be free of frontmatter and directives.
 */
export async function detectDiagramType(text: string): Promise<string | undefined> {
  const mermaid = await loadMermaid();
  try {
    return mermaid.detectType(text);
  } catch {
    return undefined;
  }
}

/**
 * Runs mermaid's flowchart parser on `text` (already preprocessed: no frontmatter, directives or
 * comments). Throws mermaid's own error (with `hash.loc` for syntax errors) when the text is invalid.
 */
export async function parseFlowchart(text: string): Promise<RawFlowchart> {
  const { FlowDb, parser } = await loadFlowchartParts();
  // One database for every parse (each starts with clear()): making one costs as much as a parse.
  reusedDb ??= new FlowDb();
  const db = reusedDb;
  const clicked: string[] = [];
  const recordClick = (ids: string) => {
    clicked.push(...ids.split(','));
  };
  db.sanitizeText = (label) => label;
  db.setLink = recordClick;
  db.setClickEvent = recordClick;
  db.setTooltip = recordClick;
  db.clear();
  db.setGen('gen-2');
  // Synchronous: nothing can interleave between handing the parser our database and parsing.
  parser.parser.yy = db;
  // Mermaid's wrapper around the parser also collapses blank lines after a `}`, which would move the
  // lines of later errors; trimming only the spaces keeps what the wrapper is for and every line.
  parser.parser.parse(text.replace(/\}[ \t]*\n/g, '}\n'));
  return {
    direction: db.getDirection(),
    vertices: [...db.getVertices().values()],
    edges: [...db.getEdges()],
    subGraphs: [...db.getSubGraphs()],
    classDefs: [...db.getClasses().values()],
    clicked,
    defaultLinkStyle: [...(db.getEdges().defaultStyle ?? [])],
    accTitle: db.getAccTitle(),
    accDescription: db.getAccDescription(),
  };
}

/**
 * Renders Mermaid text to an SVG string with mermaid itself (strict security, dagre), for a preview of
 * what GitHub shows. Needs a browser DOM.
 */
export async function renderMermaidSvg(elementId: string, text: string): Promise<string> {
  const mermaid = await loadMermaid();
  const { svg } = await mermaid.render(elementId, text);
  return svg;
}
