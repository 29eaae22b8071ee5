/**
 * Label text between Mermaid and the document. A label is plain text in archplay (never HTML): on import
 * the entities mermaid and HTML understand are decoded, `<br>` becomes a line break and formatting tags
 * (`<b>`, `<i>`… without attributes) give way to their text, as a reader sees it; on export every
 * character that Mermaid or a browser would read as markup is written as an entity, so that the text
 * renders as the same characters on GitHub and reads back identically. What the plain text cannot hold
 * (markdown emphasis, formatting tags) is kept beside it as {@link LabelMarkup} and written back as is.
 */
import type { LabelMarkup } from '../model/types';

/**
 * Tags kept in a label's markup: formatting that mermaid's strict mode shows, written without
 * attributes. Any other tag (`<img>`, `<script>`, a tag with attributes) makes the label plain text.
 */
const FORMATTING_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'code',
  'span',
]);
const TAG_RE = /<(\/?)([A-Za-z][\w-]*)(\s*\/?)>|<\/?[A-Za-z][^<>]*>/g;

const NAMED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
  hash: '#',
  vert: '|',
  grave: '`',
});

function codePoint(value: number, fallback: string): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff)
    ? String.fromCodePoint(value)
    : fallback;
}

/**
 * Mermaid's encoded form of `#…;` entities (see its encodeEntities), the `#…;` form itself (as markup
 * keeps it; parser output never has it, mermaid encodes every one) and HTML entities, in one pass.
 */
const ENTITY_RE =
  /\uFB02\xB0\xB0(\d+)\xB6\xDF|\uFB02\xB0(\w+)\xB6\xDF|#(\d+);|#(\w+);|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);/g;

/** Turns label text as mermaid's parser returns it into the plain text archplay keeps. */
export function decodeLabel(raw: string, markdown = false): string {
  const stripped = markdown ? stripMarkdown(raw) : raw;
  const text = (onlyFormattingTags(stripped) ? stripped.replace(FORMATTING_TAG_RE, '') : stripped).replace(
    /<br\s*\/?>/gi,
    '\n',
  );
  const replace = (
    whole: string,
    internalNumber?: string,
    internalName?: string,
    typedNumber?: string,
    typedName?: string,
    html?: string,
  ) => {
    const mermaidNumber = internalNumber ?? typedNumber;
    const mermaidName = internalName ?? typedName;
    if (mermaidNumber !== undefined) return codePoint(Number(mermaidNumber), `#${mermaidNumber};`);
    if (mermaidName !== undefined) return NAMED[mermaidName] ?? `#${mermaidName};`;
    const name = html ?? '';
    if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return codePoint(Number(name.slice(1)), whole);
    return NAMED[name] ?? whole;
  };
  return text.replace(ENTITY_RE, replace);
}

/** Formatting tags other than `<br>` (which becomes a line break). */
const FORMATTING_TAG_RE = new RegExp(`</?(?:${[...FORMATTING_TAGS].join('|')})\\s*>`, 'gi');

/** Whether every tag in the text is `<br>` or a formatting tag without attributes. */
function onlyFormattingTags(text: string): boolean {
  for (const match of text.matchAll(TAG_RE)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined) return false;
    if (name === 'br' ? match[1] === '/' : !FORMATTING_TAGS.has(name) || (match[3] ?? '').trim() !== '')
      return false;
  }
  return true;
}

/** Mermaid's internal form of `#…;` entities (as its parser returns label text) → the form written. */
function sourceEntities(text: string): string {
  return text.replace(/\uFB02\xB0\xB0(\d+)\xB6\xDF/g, '#$1;').replace(/\uFB02\xB0(\w+)\xB6\xDF/g, '#$1;');
}

/**
 * The markup to keep beside a plain label, from label text as mermaid's parser returns it: undefined when
 * the plain label, written back, is already the same text, or when the text holds tags other than
 * formatting (those stay plain text, never markup).
 */
export function labelMarkupOf(
  raw: string,
  labelType: string | undefined,
  label: string,
): LabelMarkup | undefined {
  const markdown = labelType === 'markdown';
  const text = sourceEntities(raw);
  if (text.trim() === '' || text.includes('"') || text.includes('`') || !onlyFormattingTags(text))
    return undefined;
  if (!markdown && (encodeLabel(label) === text || text.includes('|'))) return undefined;
  return markdown ? { text, markdown: true } : { text };
}

/**
 * The label as Mermaid text between double quotes: its markup while that still reads as the label (the
 * label was not edited since), else the plain label with entities.
 */
export function quotedLabel(label: string, markup: LabelMarkup | undefined): string {
  if (markup && decodeLabel(markup.text, markup.markdown) === label)
    return markup.markdown ? `"\`${markup.text}\`"` : `"${markup.text}"`;
  return `"${encodeLabel(label)}"`;
}

/** Mermaid markdown strings: keeps the words and drops emphasis markers. */
function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[^\w*])\*(\S(?:.*?\S)?)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|[^\w_])_(\S(?:.*?\S)?)_(?=[^\w_]|$)/g, '$1$2');
}

/**
 * Writes a label for use inside Mermaid double quotes (`A["…"]`, `-->|"…"|`, `subgraph X["…"]`).
 * Readable characters stay as they are; quotes, markup and anything mermaid would reinterpret become
 * `#…;` entities.
 */
export function encodeLabel(label: string): string {
  // `A[""]` is a syntax error; a lone space is trimmed by mermaid to the same empty label.
  if (label === '') return ' ';
  return label.replace(ESCAPED_RE, (ch) => {
    if (ch === '\n') return '<br>';
    if (ch === '"') return '#quot;';
    if (ch === '<') return '#lt;';
    if (ch === '>') return '#gt;';
    return `#${ch.codePointAt(0) ?? 0};`;
  });
}

/**
 * Characters written as entities: line breaks, quotes, markup, the pipes and backticks that end or
 * start Mermaid label syntax, `ﬂ` (which starts mermaid's own internal entity encoding), `#` and `&`
 * only where they would start an entity, the first `%` of `%%` (mermaid reads `%%{` as a directive even
 * inside quotes), control characters, and spaces at either end (mermaid trims labels).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const ESCAPED_RE = /[\n"<>`|\uFB02]|[#&](?=#?\w+;)|%(?=%)|[\u0000-\u001f\u007f-\u009f\u2028\u2029]|^\s|\s$/gu;
