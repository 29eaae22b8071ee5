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

  // Mermaid's own text clean-ups, done here so that they keep positions: quotes inside HTML tags
  // become single quotes (same length); `#name;` entities are encoded (longer: recorded per line).
  const shifts: Array<Array<{ at: number; by: number }>> = [];
  const encoded = out.map((lineText, index) => {
    let line = lineText.replace(
      /<(\w+)([^>]*)>/g,
      (_m, tag: string, attrs: string) => `<${tag}${attrs.replace(/="([^"]*)"/g, "='$1'")}>`,
    );
    line = line.replace(/^(\s*(?:style|classDef)\b.*:\S*#.*);\s*$/, '$1');
    const lineShifts: Array<{ at: number; by: number }> = [];
    let added = 0;
    line = line.replace(/#\w+;/g, (entity, offset: number) => {
      const inner = entity.slice(1, -1);
      const replacement = /^\+?\d+$/.test(inner)
        ? `\uFB02\xB0\xB0${inner}\xB6\xDF`
        : `\uFB02\xB0${inner}\xB6\xDF`;
      added += replacement.length - entity.length;
      lineShifts.push({ at: offset + added + entity.length, by: added });
      return replacement;
    });
    shifts[index] = lineShifts;
    return line;
  });

  return {
    text: encoded.join('\n') + '\n',
    lines,
    ...(front?.title !== undefined ? { title: front.title } : {}),
    annotations,
    ignored,
    toSource(line, column) {
      const index = Math.min(Math.max(line, 1), out.length) - 1;
      let shift = 0;
      for (const s of shifts[index] ?? []) if (column >= s.at) shift = s.by;
      return { line: index + 1, column: Math.max(0, column - shift) };
    },
  };
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
