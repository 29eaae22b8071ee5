/**
 * Why a share link did not open (DESIGN.md §7): a kind for code to branch on, and a plain, one-line
 * message for people that says what happened and what to do.
 */
import { MAX_LINK_CHARS, MAX_LINK_INPUT_CHARS, MAX_LINK_JSON_BYTES } from './link-limits';

/** A problem in a link's document: the field path (e.g. `nodes.Server1.params.workers`) and what is wrong. */
export interface LinkProblem {
  readonly path: string;
  readonly message: string;
}

export type LinkError =
  /** Cut short (by a chat app, a copy that missed the end): nothing after `#`, or data that stops early. */
  | { readonly kind: 'incomplete'; readonly message: string }
  /** Characters that links never hold, or data that does not decompress or check out. */
  | { readonly kind: 'damaged'; readonly message: string }
  /** Made by a newer archplay: `version` is its tag, e.g. `v2`. */
  | { readonly kind: 'newer-version'; readonly message: string; readonly version: string }
  /** Not an archplay link, or a tag that no version of archplay ever wrote (`v0`). */
  | { readonly kind: 'unknown-version'; readonly message: string }
  /** Over a size cap, before or while decompressing; `limit` is the cap that was hit. */
  | { readonly kind: 'too-large'; readonly message: string; readonly limit: number }
  /** Readable, but not a valid document: `path` of the first problem, all of them in `problems`. */
  | {
      readonly kind: 'invalid';
      readonly message: string;
      readonly path: string;
      readonly problems: readonly LinkProblem[];
    };

export type LinkErrorKind = LinkError['kind'];

const COPY_AGAIN = 'Copy the whole link again from where it was shared.';
const kb = (chars: number) => `${Math.round(chars / 1024)} KB`;

/** The messages, in one place so that they read alike. */
export const linkErrors = {
  empty: (): LinkError => ({
    kind: 'incomplete',
    message: `This link holds no document: nothing follows the "#". ${COPY_AGAIN}`,
  }),
  cutShort: (): LinkError => ({
    kind: 'incomplete',
    message: `This link is incomplete: it was cut short, perhaps by the app it was sent through. ${COPY_AGAIN}`,
  }),
  inputTooLarge: (): LinkError => ({
    kind: 'too-large',
    limit: MAX_LINK_INPUT_CHARS,
    message: `This link is too large to open: more than ${kb(MAX_LINK_INPUT_CHARS)} of text. Share the document as a file instead.`,
  }),
  payloadTooLarge: (): LinkError => ({
    kind: 'too-large',
    limit: MAX_LINK_CHARS,
    message: `This link is too large to open: more than ${kb(MAX_LINK_CHARS)} of link text. Share the document as a file instead.`,
  }),
  documentTooLarge: (): LinkError => ({
    kind: 'too-large',
    limit: MAX_LINK_JSON_BYTES,
    message: `This link is too large to open: its document is more than ${MAX_LINK_JSON_BYTES / 1024 / 1024} MB once decompressed.`,
  }),
  badCharacter: (char: string): LinkError => ({
    kind: 'damaged',
    message: `This link is damaged: it contains ${describeChar(char)}, which archplay links never contain (something changed the link on its way). ${COPY_AGAIN}`,
  }),
  damaged: (what: string): LinkError => ({
    kind: 'damaged',
    message: `This link is damaged: ${what}. ${COPY_AGAIN}`,
  }),
  newerVersion: (version: string, current: string): LinkError => ({
    kind: 'newer-version',
    version,
    message: `This link was made by a newer version of archplay (link format ${clip(version, 12)}); this version opens ${current} links. Open it in an up-to-date archplay.`,
  }),
  notALink: (): LinkError => ({
    kind: 'unknown-version',
    message:
      'This is not an archplay link: the part after "#" should start with "v1." or another version tag.',
  }),
  unknownVersion: (version: string): LinkError => ({
    kind: 'unknown-version',
    message: `This link has a format tag that archplay does not know (${clip(version, 12)}).`,
  }),
  invalid: (problems: readonly LinkProblem[]): LinkError => {
    const first = problems[0] ?? { path: 'document', message: 'not a document' };
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    return {
      kind: 'invalid',
      path: first.path,
      problems,
      message: plain(`This link's document is not valid: ${first.path}: ${first.message}${more}.`),
    };
  },
} as const;

function describeChar(char: string): string {
  if (char === '+' || char === '/' || char === '=') return `"${char}" (standard base64, not base64url)`;
  if (char === '%') return 'a "%" that is not percent-encoding';
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code > 0x7e
    ? `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `"${char}"`;
}

/**
 * Keeps a message one readable line whatever a document's ids and keys hold: control, line-separator
 * and bidirectional-override characters become spaces, and it is cut at 300 characters.
 */
export function plain(message: string): string {
  return clip(message.replace(UNSAFE_CHARACTERS, ' '), 300);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
