/**
 * Share links (DESIGN.md §7, a Contract): the whole document in the URL fragment, as
 * `v1.` + base64url (no padding) of the zlib-compressed (RFC 1950: deflate with an Adler-32 checksum)
 * compact canonical JSON. The same code runs in the browser and in the CLI.
 *
 * Versions: `v1` is read by {@link DECODERS} forever; a new format gets a new tag and a new entry, and
 * every old entry stays. The bytes a given version's encoder writes may change with the platform's
 * deflate (Node's zlib and Chromium's differ), so links are pinned by what they decode to, not by how
 * an encoder writes them today.
 */
import type { ArchDocument } from '../model/types';
import { base64urlToBytes, bytesToBase64url, firstNonBase64urlIndex } from './base64url';
import { deflate, inflateCapped } from './compression';
import { documentToCompactJson } from './document-json';
import { checkedDocument } from './document-schema';
import { linkErrors, plain, type LinkError } from './link-error';
import { MAX_LINK_CHARS, MAX_LINK_INPUT_CHARS, MAX_LINK_JSON_BYTES } from './link-limits';

export type { LinkError, LinkErrorKind, LinkProblem } from './link-error';

/** The tag of the format {@link encodeLink} writes. */
export const LINK_VERSION = 'v1';

export type DecodedLink =
  { readonly ok: true; readonly document: ArchDocument } | { readonly ok: false; readonly error: LinkError };

/** The fragment payload for a document, e.g. `v1.eNqt…` (no `#`). */
export async function encodeLink(doc: ArchDocument): Promise<string> {
  const bytes = await deflate(new TextEncoder().encode(documentToCompactJson(doc)));
  return `${LINK_VERSION}.${bytesToBase64url(bytes)}`;
}

/** A full share URL: `base` without its own fragment, then `#` and the payload. */
export function linkUrl(base: string, link: string): string {
  const hash = base.indexOf('#');
  return `${hash === -1 ? base : base.slice(0, hash)}#${link}`;
}

/**
 * Reads a link: a full URL (`https://…/#v1.…`), a fragment with or without `#`, as people paste them
 * (surrounding whitespace, line breaks and spaces inside, percent-encoding, a trailing `.` or `)` or
 * `>` from the sentence around it). Never throws: every failure is a {@link LinkError}.
 */
export async function decodeLink(fragmentOrUrl: string): Promise<DecodedLink> {
  try {
    const payload = payloadOf(fragmentOrUrl);
    if (!payload.ok) return payload;
    const decoder = Object.hasOwn(DECODERS, payload.version) ? DECODERS[payload.version] : undefined;
    if (!decoder) return fail(versionError(payload.version));
    return await decoder(payload.body);
  } catch {
    // Every failure above is handled where it happens; this only keeps a bug from becoming a crash.
    return fail(linkErrors.damaged(UNREADABLE));
  }
}

/** The last-resort reason: tests assert that no input ever reaches it. */
export const UNREADABLE = 'it could not be read';

/**
 * Whether a command-line argument is a link rather than a file path: it starts with `http(s)://` or
 * `#`, or with a version tag (`v1.…`) and does not end in a document file extension.
 */
export function looksLikeLink(text: string): boolean {
  const trimmed = text.trim();
  if (/^(https?:\/\/|#|%23)/i.test(trimmed)) return true;
  return /^v\d+\./.test(trimmed) && !/\.(mmd|mermaid|md|markdown|json|txt)$/i.test(trimmed);
}

/** One decoder per format tag, kept forever. */
const DECODERS: Readonly<Record<string, (body: string) => Promise<DecodedLink>>> = {
  v1: decodeV1,
};

async function decodeV1(body: string): Promise<DecodedLink> {
  const inflated = await inflateCapped(base64urlToBytes(body), MAX_LINK_JSON_BYTES);
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') return fail(linkErrors.documentTooLarge());
    if (inflated.reason === 'truncated') return fail(linkErrors.cutShort());
    return fail(linkErrors.damaged('its data does not decompress or fails its checksum'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail(linkErrors.damaged('its document is not UTF-8 text'));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(linkErrors.damaged('its document is not readable JSON'));
  }
  return documentOf(data);
}

/** Shape (no unknown keys, so no `__proto__`), then meaning ({@link checkedDocument}). */
function documentOf(data: unknown): DecodedLink {
  const read = checkedDocument(data);
  if (!read.ok)
    return fail(
      linkErrors.invalid(read.issues.map((i) => ({ path: plain(i.path), message: plain(i.message) }))),
    );
  return read;
}

type Payload =
  | { readonly ok: true; readonly version: string; readonly body: string }
  | { readonly ok: false; readonly error: LinkError };

/** Finds `v<N>.<base64url>` in what was pasted, or says why there is none. */
function payloadOf(input: string): Payload {
  if (input.length > MAX_LINK_INPUT_CHARS) return fail(linkErrors.inputTooLarge());
  let text = withoutSpaces(input);
  // Chat apps and mail clients percent-encode, sometimes twice; base64url itself never holds `%`.
  for (let round = 0; round < 3 && text.includes('%'); round++)
    text = withoutSpaces(
      text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  const hash = text.lastIndexOf('#');
  if (hash === -1 && /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fail(linkErrors.cutShort());
  // What surrounds a link in a sentence or in Markdown; none of it is in the base64url alphabet.
  const fragment = (hash === -1 ? text : text.slice(hash + 1))
    .replace(/^[<("'`*]+/, '')
    .replace(/[.,;:!?)\]}>"'`*]+$/, '');
  if (fragment === '') return fail(linkErrors.empty());
  const tag = /^(v\d+)\./.exec(fragment);
  if (!tag) return fail(/^v\d*$/.test(fragment) ? linkErrors.cutShort() : linkErrors.notALink());
  const version = tag[1] as string;
  const body = fragment.slice(version.length + 1);
  if (!Object.hasOwn(DECODERS, version)) return fail(versionError(version));
  if (body === '') return fail(linkErrors.cutShort());
  if (body.length > MAX_LINK_CHARS) return fail(linkErrors.payloadTooLarge());
  const bad = firstNonBase64urlIndex(body);
  if (bad !== -1) return fail(linkErrors.badCharacter(String.fromCodePoint(body.codePointAt(bad) ?? 0)));
  return { ok: true, version, body };
}

/** `v2` and up were written by a newer archplay; `v0` and zero-padded tags never were. */
function versionError(version: string): LinkError {
  return /^v[1-9]\d*$/.test(version) && Number(version.slice(1)) > Number(LINK_VERSION.slice(1))
    ? linkErrors.newerVersion(version, LINK_VERSION)
    : linkErrors.unknownVersion(version);
}

function withoutSpaces(text: string): string {
  return text.replace(/[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]+/g, '');
}

function fail(error: LinkError): { readonly ok: false; readonly error: LinkError } {
  return { ok: false, error };
}
