/**
 * The `%% @…` annotation lines (DESIGN.md §5), read into targets and `key=value` pairs with their
 * positions. Applying them to a document is annotation-apply.ts.
 *
 *   %% @ID key=value ...            node or subgraph parameters (also `%% @node ID ...`, `%% @group ID ...`)
 *   %% @A-->B key=value ...         edge parameters (also `%% @edge A-->B ...` and `%% @A --> B ...`)
 *   %% @sim key=value ...           run settings
 *   %% @at TIME ACTION TARGET ...   a scenario step
 *   %% @alert ID key=value ...      an alert rule
 *   %% @expect METRIC OP VALUE ...  an expectation (annotation-expect.ts reads its text)
 *   %% @lesson / @step / @question key=value ...   a lesson's script (annotation-lesson.ts)
 */
import type { AnnotationLine } from './preprocess';
import type { MermaidDiagnostic } from './diagnostics';

/** A token of an annotation line; `column` is 1-based in the source line. */
export interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export interface Pair {
  readonly key: Token;
  /** The value with quotes removed and escapes decoded; its position is where the raw value starts. */
  readonly value: Token;
}

export type Annotation =
  | { readonly type: 'node'; readonly id: Token; readonly pairs: readonly Pair[] }
  | { readonly type: 'edge'; readonly source: Token; readonly target: Token; readonly pairs: readonly Pair[] }
  | { readonly type: 'sim'; readonly head: Token; readonly pairs: readonly Pair[] }
  | { readonly type: 'alert'; readonly head: Token; readonly id: Token; readonly pairs: readonly Pair[] }
  | { readonly type: LessonPart; readonly head: Token; readonly pairs: readonly Pair[] }
  /** `body` is the text after `@expect`, as written; `pairs` stays empty (it is not key=value). */
  | { readonly type: 'expect'; readonly head: Token; readonly body: Token; readonly pairs: readonly Pair[] }
  | {
      readonly type: 'at';
      readonly head: Token;
      readonly time: Token;
      readonly action: Token;
      readonly target: Token;
      readonly pairs: readonly Pair[];
    };

/** The annotation lines of a lesson. */
export type LessonPart = 'lesson' | 'step' | 'question';
const LESSON_PARTS: ReadonlySet<string> = new Set<LessonPart>(['lesson', 'step', 'question']);

/** Words after `@` that are not node ids. */
export const RESERVED_HEADS: ReadonlySet<string> = new Set([
  'sim',
  'at',
  'node',
  'edge',
  'group',
  'alert',
  'expect',
  ...LESSON_PARTS,
]);

/** Reads every annotation line; malformed lines become errors and are skipped. */
export function readAnnotations(lines: readonly AnnotationLine[]): {
  annotations: Annotation[];
  errors: MermaidDiagnostic[];
} {
  const annotations: Annotation[] = [];
  const errors: MermaidDiagnostic[] = [];
  for (const line of lines) {
    const result = readAnnotation(line);
    if ('error' in result) errors.push(result.error);
    else annotations.push(result.annotation);
  }
  return { annotations, errors };
}

function readAnnotation(line: AnnotationLine): { annotation: Annotation } | { error: MermaidDiagnostic } {
  const scanned = tokenize(line);
  if ('error' in scanned) return scanned;
  const tokens = [...scanned.tokens];
  const at = (column: number, message: string, hint?: string) => ({
    error: { line: line.line, column, message, ...(hint ? { hint } : {}) },
  });
  const head = tokens.shift();
  if (!head) {
    return at(
      line.column,
      'an annotation needs a target after @',
      'write %% @NodeId key=value, %% @A-->B key=value, %% @sim … or %% @at 60s fail NodeId',
    );
  }
  const rest = (from: readonly Token[]) => readPairs(from);

  if (head.text === 'expect') {
    // Not key=value: `availability >= 99.9% during 60s..120s`, read by annotation-expect.ts.
    const start = head.column - line.column - 1 + head.text.length;
    const rest = line.text.slice(start);
    const lead = rest.length - rest.trimStart().length;
    const body = { text: rest.trim(), line: line.line, column: head.column + head.text.length + lead };
    return { annotation: { type: 'expect', head, body, pairs: [] } };
  }
  if (head.text === 'sim') {
    const pairs = rest(tokens);
    return 'error' in pairs ? pairs : { annotation: { type: 'sim', head, pairs: pairs.pairs } };
  }
  if (LESSON_PARTS.has(head.text)) {
    const pairs = rest(tokens);
    return 'error' in pairs
      ? pairs
      : { annotation: { type: head.text as LessonPart, head, pairs: pairs.pairs } };
  }
  if (head.text === 'alert') {
    const id = tokens.shift();
    if (!id || (!id.text.startsWith('"') && id.text.includes('=')))
      return at(
        head.column + head.text.length,
        '@alert needs an id',
        'example: %% @alert errors metric=error_rate threshold=1% for=10s',
      );
    let name = id.text;
    if (name.startsWith('"')) {
      try {
        name = String(JSON.parse(name));
      } catch {
        return at(id.column, `the quoted id ${id.text} is not closed or has a bad escape`);
      }
    }
    const pairs = rest(tokens);
    return 'error' in pairs
      ? pairs
      : { annotation: { type: 'alert', head, id: { ...id, text: name }, pairs: pairs.pairs } };
  }
  if (head.text === 'at') {
    const [time, action, target, ...more] = tokens;
    if (!time || !action || !target) {
      const missing = !time ? 'a time' : !action ? 'an action (fail or recover)' : 'a target node id';
      const last = target ?? action ?? time ?? head;
      return at(last.column + last.text.length, `@at needs ${missing}`, 'example: %% @at 60s fail Server1');
    }
    const pairs = rest(more);
    return 'error' in pairs
      ? pairs
      : { annotation: { type: 'at', head, time, action, target, pairs: pairs.pairs } };
  }
  let first = head;
  if (head.text === 'node' || head.text === 'edge' || head.text === 'group') {
    const next = tokens.shift();
    if (!next)
      return at(
        head.column + head.text.length,
        `@${head.text} needs ${head.text === 'edge' ? 'an edge A-->B' : 'an id'}`,
      );
    first = next;
  }
  // `@A --> B`: the arrow as its own word.
  if (
    (tokens[0]?.text === '-->' || tokens[0]?.text === '<-->') &&
    tokens[1] &&
    !tokens[1].text.includes('=')
  ) {
    const target = tokens[1];
    tokens.splice(0, 2);
    const pairs = rest(tokens);
    return 'error' in pairs
      ? pairs
      : { annotation: { type: 'edge', source: first, target, pairs: pairs.pairs } };
  }
  const arrow = first.text.indexOf('-->');
  if (arrow >= 0) {
    // `@A<-->B` names the same link as `@A-->B` (a replication link between peers is drawn so).
    const source = first.text.slice(0, arrow).replace(/<$/, '');
    const target = first.text.slice(arrow + 3);
    if (source === '' || target === '')
      return at(first.column, `"${first.text}" is not an edge: write A-->B`);
    const pairs = rest(tokens);
    if ('error' in pairs) return pairs;
    return {
      annotation: {
        type: 'edge',
        source: { text: source, line: line.line, column: first.column },
        target: { text: target, line: line.line, column: first.column + arrow + 3 },
        pairs: pairs.pairs,
      },
    };
  }
  if (head.text === 'edge') return at(first.column, `"${first.text}" is not an edge: write A-->B`);
  const pairs = rest(tokens);
  return 'error' in pairs ? pairs : { annotation: { type: 'node', id: first, pairs: pairs.pairs } };
}

function readPairs(tokens: readonly Token[]): { pairs: Pair[] } | { error: MermaidDiagnostic } {
  const pairs: Pair[] = [];
  for (const token of tokens) {
    const eq = token.text.indexOf('=');
    if (eq <= 0) {
      return {
        error: {
          line: token.line,
          column: token.column,
          message:
            eq === 0 ? `"${token.text}" has no key before =` : `expected key=value, found "${token.text}"`,
        },
      };
    }
    const key = token.text.slice(0, eq);
    const rawValue = token.text.slice(eq + 1);
    const valueColumn = token.column + eq + 1;
    let value = rawValue;
    if (rawValue.startsWith('"')) {
      try {
        value = String(JSON.parse(rawValue));
      } catch {
        return {
          error: {
            line: token.line,
            column: valueColumn,
            message: `the quoted value ${rawValue} is not closed or has a bad escape`,
          },
        };
      }
    }
    pairs.push({
      key: { text: key, line: token.line, column: token.column },
      value: { text: value, line: token.line, column: valueColumn },
    });
  }
  return { pairs };
}

/**
 * Splits an annotation into words. A word runs to the next space, except inside double quotes (with
 * JSON escapes) and parentheses, so `label="Server 1"` and `latency=uniform(1ms, 3ms)` are one word.
 */
function tokenize(line: AnnotationLine): { tokens: Token[] } | { error: MermaidDiagnostic } {
  const tokens: Token[] = [];
  const text = line.text;
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        const quoteStart = i;
        i += 1;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        if (i >= text.length) {
          return {
            error: {
              line: line.line,
              column: line.column + quoteStart + 1,
              message: 'this quote is not closed',
            },
          };
        }
        i += 1;
        continue;
      }
      if (ch === '(') depth += 1;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && /\s/.test(ch ?? '')) break;
      i += 1;
    }
    tokens.push({ text: text.slice(start, i), line: line.line, column: line.column + start + 1 });
  }
  return { tokens };
}
