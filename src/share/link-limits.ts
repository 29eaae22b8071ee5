/**
 * Sizes that bound share links (DESIGN.md §7). A link is untrusted input, so it is measured before any
 * work is done on it and again while it is decompressed; and a link that is valid but long may not
 * survive being sent, so the UI offers a file instead past {@link MAX_SHAREABLE_URL_CHARS}.
 */
import { MAX_JSON_BYTES } from './document-json';

/** Longest link payload (the text after `#`, once cleaned) that is decoded at all: 64 KiB of text. */
export const MAX_LINK_CHARS = 64 * 1024;

/**
 * Longest text accepted before cleaning (whitespace, percent-encoding and the address around the
 * fragment may triple it); longer input is refused before it is scanned.
 */
export const MAX_LINK_INPUT_CHARS = 4 * MAX_LINK_CHARS;

/** Largest decompressed document: the same 2 MiB as a JSON file, enforced while inflating. */
export const MAX_LINK_JSON_BYTES = MAX_JSON_BYTES;

/**
 * Longest full URL offered as a link. Browsers open much longer ones, but chat apps, mail clients and
 * some servers cut or refuse URLs past a few thousand characters; 8,000 is the common safe bound.
 */
export const MAX_SHAREABLE_URL_CHARS = 8000;

/** Whether a full share URL (base, `#`, payload) is too long to send as a link: offer a file instead. */
export function isTooLongForUrl(url: string): boolean {
  return url.length > MAX_SHAREABLE_URL_CHARS;
}
