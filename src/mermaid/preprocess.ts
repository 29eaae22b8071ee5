/**
 * Prepares Mermaid text for mermaid's flowchart parser while keeping every line where it was, so that a
 * parse error's line and column point into the text the user typed. Mermaid's own preprocessing removes
 * frontmatter and comment lines and trims the start, which would shift lines; here those parts become
 * blank lines instead, and are read separately (the frontmatter title, the `%% @` annotation lines).
 */

/** A `%% @…` line, with the column (0-based) where the text after `@` starts. */
export interface AnnotationLine {
  /** 1-based line number in the source. */
  readonly line: number;
  /** 0-based column of the first character after `@`. */
  readonly column: number;
  readonly text: string;
}

/** A `click` / `style` / `%%{init}%%` or other statement that the import ignores, for a notice. */
export interface IgnoredStatement {
  readonly line: number;
  readonly column: number;
  readonly kind: 'click' | 'style' | 'linkStyle' | 'directive' | 'frontmatter-config';
}

export interface Preprocessed {
  /** Text for mermaid's parser (same line count as the source, entities encoded as mermaid does). */
  readonly text: string;
  /** Source lines after BOM and line-ending normalisation (for locating errors and hints). */
  readonly lines: readonly string[];
  readonly title?: string;
  readonly annotations: readonly AnnotationLine[];
  readonly ignored: readonly IgnoredStatement[];
  /** Maps a 1-based line and 0-based column of {@link text} back to the source. */
  toSource(line: number, column: number): { line: number; column: number };
}

/** Removes a byte-order mark and normalises CRLF / CR line endings to LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const ANNOTATION_RE = /^(\s*)%%\s*@/;
const COMMENT_RE = /^\s*%%(?!\{)/;
const DIRECTIVE_RE = /%%\{[\s\S]*?\}%%/g;

/** Replaces every character but newlines with spaces, so later positions do not move. */
const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

export function preprocess(source: string): Preprocessed {
  let text = normaliseNewlines(source);
  const lines = text.split('\n');
  const ignored: IgnoredStatement[] = [];
  const annotations: AnnotationLine[] = [];

  const front = readFrontmatter(lines);
  if (front) {
    for (let i = 0; i < front.endLine; i += 1) lines[i] = '';
    if (front.hasConfig) ignored.push({ line: 1, column: 0, kind: 'frontmatter-config' });
  }
  text = lines.join('\n');
  text = text.replace(DIRECTIVE_RE, (match, offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    ignored.push({ line, column: offset - before.lastIndexOf('\n') - 1, kind: 'directive' });
    return blank(match);
  });
  const out = text.split('\n');
  out.forEach((lineText, index) => {
    const annotation = ANNOTATION_RE.exec(lineText);
    if (annotation) {
      annotations.push({
        line: index + 1,
        column: annotation[0].length,
        text: lineText.slice(annotation[0].length),
      });
      out[index] = '';
    } else if (COMMENT_RE.test(lineText)) {
      out[index] = '';
    } else {
      const statement = /^(\s*)(click|style|linkStyle)\s/.exec(lineText);
      if (statement?.[2]) {
        ignored.push({
          line: index + 1,
          column: statement[1]?.length ?? 0,
          kind: statement[2] as IgnoredStatement['kind'],
        });
      }
    }
  });

  // Mermaid's own text clean-ups (its `encodeEntities`), done here so that they keep positions: quotes
  // inside HTML tags become single quotes (same length), the last `;` of a `style` or `classDef` with a
  // `#` colour is dropped and `#name;` entities are encoded (each edit recorded in a column map).
  const columnMaps: number[][] = [];
  const encoded = out.map((lineText, index) => {
    const line = new MappedLine(
      lineText.replace(
        /<(\w+)([^>]*)>/g,
        (_m, tag: string, attrs: string) => `<${tag}${attrs.replace(/="([^"]*)"/g, "='$1'")}>`,
      ),
    );
    // The same patterns as mermaid's, unanchored: `graph TD;style Q fill:#fff;` has its `;` dropped too.
    line.replace(/style.*:\S*#.*;/g, (match) => match.slice(0, -1));
    line.replace(/classDef.*:\S*#.*;/g, (match) => match.slice(0, -1));
    line.replace(/#\w+;/g, (entity) => {
      const inner = entity.slice(1, -1);
      return /^\+?\d+$/.test(inner) ? `\uFB02\xB0\xB0${inner}\xB6\xDF` : `\uFB02\xB0${inner}\xB6\xDF`;
    });
    columnMaps[index] = line.sourceColumns;
    return line.text;
  });

  return {
    text: encoded.join('\n') + '\n',
    lines,
    ...(front?.title !== undefined ? { title: front.title } : {}),
    annotations,
    ignored,
    toSource(line, column) {
      const index = Math.min(Math.max(line, 1), out.length) - 1;
      const map = columnMaps[index] ?? [];
      const last = map.length - 1;
      const source = column <= last ? (map[column] ?? column) : (map[last] ?? 0) + column - last;
      return { line: index + 1, column: Math.max(0, source) };
    },
  };
}

/**
 * A line being rewritten, with the source column of each of its characters: the part a replacement
 * shares with the start of the text it replaces keeps its columns, the rest maps to the first column
 * that changed, and the characters after it keep theirs.
 */
class MappedLine {
  /** `sourceColumns[i]` is the source column of character i; one extra entry for the end of the line. */
  sourceColumns: number[];

  constructor(public text: string) {
    this.sourceColumns = Array.from({ length: text.length + 1 }, (_, i) => i);
  }

  replace(pattern: RegExp, replacer: (match: string) => string): void {
    let text = '';
    const columns: number[] = [];
    let from = 0;
    for (const match of this.text.matchAll(pattern)) {
      const start = match.index;
      const replacement = replacer(match[0]);
      text += this.text.slice(from, start) + replacement;
      columns.push(...this.sourceColumns.slice(from, start));
      let same = 0;
      while (same < replacement.length && replacement[same] === match[0][same]) same += 1;
      columns.push(...this.sourceColumns.slice(start, start + same));
      const at = this.sourceColumns[start + same] ?? start + same;
      for (let i = same; i < replacement.length; i += 1) columns.push(at);
      from = start + match[0].length;
    }
    if (from === 0) return;
    text += this.text.slice(from);
    columns.push(...this.sourceColumns.slice(from));
    this.text = text;
    this.sourceColumns = columns;
  }
}

interface Frontmatter {
  /** Number of lines the block takes, including both `---` fences. */
  readonly endLine: number;
  readonly title?: string;
  readonly hasConfig: boolean;
}

/** Reads a leading `---` … `---` YAML block: only its top-level `title` matters to the import. */
function readFrontmatter(lines: readonly string[]): Frontmatter | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  let title: string | undefined;
  let hasConfig = false;
  for (const line of lines.slice(1, end)) {
    // Top-level keys only (no indentation).
    const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1];
    if (key === 'title') title = readYamlScalar(match[2] ?? '');
    if (key === 'config') hasConfig = true;
  }
  return { endLine: end + 1, ...(title !== undefined ? { title } : {}), hasConfig };
}

/** A YAML scalar as written on one line: double-quoted, single-quoted or plain. */
export function readYamlScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value.slice(1, value.endsWith('"') ? -1 : undefined);
    }
  }
  if (value.startsWith("'")) return value.slice(1, value.endsWith("'") ? -1 : undefined).replace(/''/g, "'");
  return value.replace(/\s+#.*$/, '');
}
