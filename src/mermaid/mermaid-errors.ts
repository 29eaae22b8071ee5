/**
 * Turns an error thrown by mermaid's parser into a message at a line and column of the user's text,
 * with a hint for the mistakes people make most (unquoted parentheses in a label, a node called `end`,
 * a comment at the end of a line, a subgraph without `end`).
 */
import { MAX_EDGES, type MermaidError } from './diagnostics';
import type { Preprocessed } from './preprocess';

interface JisonHash {
  readonly text?: string;
  readonly token?: string | number | null;
  readonly line?: number;
  readonly loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
  readonly expected?: readonly string[];
}

/** Readable names of the parser's token names. */
const TOKEN_NAMES: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    SQE: ']',
    SQS: '[',
    PE: ')',
    PS: '(',
    DIAMOND_START: '{',
    DIAMOND_STOP: '}',
    PIPE: '|',
    TAGEND: '>',
    AMP: '&',
    SEMI: ';',
    COLON: ':',
    COMMA: ',',
    MINUS: '-',
    BRKT: '#',
    MULT: '*',
    EOF: 'end of text',
    NEWLINE: 'end of line',
    NODE_STRING: 'a node id',
    TEXT: 'text',
    STR: 'a quoted string',
    LINK: 'a link such as -->',
    START_LINK: 'a link such as -->',
    end: '"end"',
  },
);

/** Mermaid's internal encoding of `#…;` entities, back to what was typed (never shown as `ﬂ°…¶ß`). */
function asTyped(text: string): string {
  return text.replace(/\uFB02\xB0\xB0?(\w+)\xB6\xDF/g, '#$1;').replace(/\uFB02\xB0{0,2}/g, '#');
}

function tokenName(token: string | number | null | undefined, text: string | undefined): string {
  if (token === 1 || token === 'EOF') return 'end of text';
  const visible = asTyped(text ?? '').trim();
  if (visible !== '') return `"${visible}"`;
  return TOKEN_NAMES[String(token)] ?? String(token ?? 'input');
}

function expectedSummary(expected: readonly string[] | undefined): string {
  if (!expected || expected.length === 0) return '';
  const names = [
    ...new Set(
      expected
        .map((e) => e.replace(/^'|'$/g, ''))
        .map((e) => TOKEN_NAMES[e])
        .filter((e) => e !== undefined),
    ),
  ];
  if (names.length === 0 || names.length > 6) return '';
  return ` (expected ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`})`;
}

/** Converts what mermaid threw into a diagnostic located in the source text. */
export function diagnosticFromMermaidError(error: unknown, pre: Preprocessed): MermaidError {
  const message = error instanceof Error ? error.message : String(error);
  const hash = (error as { hash?: JisonHash } | null)?.hash;
  const mermaidLines = pre.text.split('\n');

  if (/^Edge limit exceeded/.test(message)) {
    return {
      code: 'too-many-edges',
      line: 1,
      column: 1,
      message: `too many edges: the limit is ${MAX_EDGES}`,
    };
  }
  if (hash?.loc) {
    const located = locateToken(mermaidLines, hash);
    const source = pre.toSource(located.line, located.column);
    const found = tokenName(hash.token, hash.text);
    const at = { line: source.line, column: source.column + 1 };
    const hint = hintFor(pre.lines[source.line - 1] ?? '', hash, pre.lines);
    const text =
      hash.token === null || hash.token === undefined
        ? 'syntax error'
        : `syntax error: unexpected ${found}${expectedSummary(hash.expected)}`;
    return { code: 'syntax', ...at, message: text, ...(hint ? { hint } : {}) };
  }
  if (hash && typeof hash.line === 'number') {
    // A lexical error: the caret in mermaid's message marks the column.
    const line = hash.line + 1;
    const column = caretColumn(message, mermaidLines[line - 1] ?? '');
    const source = pre.toSource(line, column);
    return {
      code: 'unrecognised-text',
      line: source.line,
      column: source.column + 1,
      message: 'syntax error: unrecognised text',
      hint: 'labels with punctuation or symbols need quotes, for example A["Price (€)"]',
    };
  }
  const shape = /No such shape: ([^.\s]+)/.exec(message);
  if (shape) {
    const where = findInLines(pre.lines, shape[1] ?? '');
    return {
      code: 'unknown-shape',
      ...where,
      message: `no such shape: ${asTyped(shape[1] ?? '')}`,
      hint: 'shape names are lower case, e.g. @{ shape: cyl }',
    };
  }
  return unreadable(message, pre);
}

/**
 * Any other error mermaid throws (from its database or its YAML reader for `@{ … }`, not its grammar):
 * its own words are for mermaid's developers, so the message says what is wrong in plain terms and
 * points at the first line with the construct that mermaid reads apart, when there is one.
 */
function unreadable(message: string, pre: Preprocessed): MermaidError {
  // `linkStyle 9 …` in a diagram with fewer links: mermaid's database fails on the missing link.
  const linkStyle = pre.lines.findIndex((line) => /^\s*linkStyle\s+\d/.test(line));
  if (linkStyle >= 0 && /setting '(?:style|interpolate)'/.test(message)) {
    return {
      code: 'unknown-link',
      line: linkStyle + 1,
      column: (pre.lines[linkStyle] ?? '').search(/\S/) + 1,
      message: 'linkStyle names a link the diagram does not have',
      hint: 'links are numbered from 0 in the order they are written',
    };
  }
  const props = pre.lines.findIndex((line) => /@\{/.test(line));
  if (props >= 0 && /yaml|mapping|flow|indent|scalar|@\{|props|shape|label/i.test(message)) {
    const column = (pre.lines[props] ?? '').indexOf('@{') + 1;
    return {
      code: 'unreadable',
      line: props + 1,
      column,
      message: 'mermaid cannot read this @{ … } block',
      hint: 'write it as @{ shape: NAME, label: "TEXT" }',
    };
  }
  return {
    code: 'unreadable',
    line: 1,
    column: 1,
    message: 'mermaid cannot read this diagram',
    hint: 'check it in the Mermaid live editor, which shows the same parser at work',
  };
}

/**
 * The position of the token the parser could not accept: it starts after the last token it did accept
 * (`hash.loc`). An unexpected end of line or of text is shown at the end of the last line with text.
 */
function locateToken(lines: readonly string[], hash: JisonHash): { line: number; column: number } {
  const loc = hash.loc ?? { first_line: 1, last_line: 1, first_column: 0, last_column: 0 };
  let line = Math.min(Math.max(loc.last_line, 1), lines.length);
  let column = loc.last_column;
  const text = lines[line - 1] ?? '';
  const token = (hash.text ?? '').trim();
  if (token !== '') {
    const found = text.indexOf(token, column);
    if (found >= 0) return { line, column: found };
  }
  while (column < text.length && /\s/.test(text[column] ?? '')) column += 1;
  if (column >= text.trimEnd().length && (token === '' || hash.token === 1 || hash.token === 'EOF')) {
    // End of line or text: step back to the last line that has something on it.
    while (line > 1 && (lines[line - 1] ?? '').trim() === '') line -= 1;
    const last = lines[line - 1] ?? '';
    return { line, column: last.trimEnd().length };
  }
  return { line, column };
}

/** Column of jison's `^` caret within `lineText`, found by matching the text around it. */
function caretColumn(message: string, lineText: string): number {
  const parts = message.split('\n');
  const context = parts[1] ?? '';
  const caret = (parts[2] ?? '').indexOf('^');
  if (caret < 0) return 0;
  const after = context.slice(caret).replace(/\.\.\.$/, '');
  const before = context.slice(0, caret).replace(/^\.\.\./, '');
  let best = -1;
  for (let c = 0; c <= lineText.length; c += 1) {
    const rest = lineText.slice(c);
    if (!(rest.startsWith(after) || after.startsWith(rest))) continue;
    const head = lineText.slice(0, c);
    const overlap = Math.min(head.length, before.length);
    if (head.slice(head.length - overlap) === before.slice(before.length - overlap)) return c;
    if (best < 0) best = c;
  }
  return Math.max(best, 0);
}

function findInLines(lines: readonly string[], needle: string): { line: number; column: number } {
  const index = lines.findIndex((line) => line.includes(needle));
  return index < 0
    ? { line: 1, column: 1 }
    : { line: index + 1, column: (lines[index] ?? '').indexOf(needle) + 1 };
}

function hintFor(lineText: string, hash: JisonHash, lines: readonly string[]): string | undefined {
  const token = (hash.text ?? '').trim();
  const unquoted = /([\p{L}\p{N}_.-]+)\s*\[([^\]"]*[()][^\]"]*)\]/u.exec(lineText);
  if (unquoted && (hash.token === 'PS' || hash.token === 'PE' || token === '(' || token === ')')) {
    return `labels with parentheses need quotes: ${unquoted[1]}["${(unquoted[2] ?? '').trim()}"]`;
  }
  if (token.startsWith('%%')) return 'a comment must be on a line of its own, starting with %%';
  if (hash.token === 'end' && !/^\s*end\s*$/.test(lineText)) {
    return 'a node cannot be called "end" in lower case; write End or END, or give it another id';
  }
  if (hash.token === 1 || hash.token === 'EOF') {
    const opened = lines.filter((line) => /^\s*subgraph\b/.test(line)).length;
    const closed = lines.filter((line) => /^\s*end\s*;?\s*$/.test(line)).length;
    if (opened > closed) return 'a subgraph is missing its "end" line';
    if (/-->|---|==>|-\.->|~~~/.test(lineText.trim().slice(-4))) return 'this link has no target node';
  }
  return undefined;
}
