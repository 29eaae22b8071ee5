/**
 * Base64url without padding (RFC 4648 §5), by table rather than `btoa`/`atob`: those work on binary
 * strings and `atob` silently skips whitespace, and the link decoder wants to see every character.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as base64url, no `=` padding. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    if (rest === 2) out += ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Index of the first character outside the base64url alphabet, or -1. */
export function firstNonBase64urlIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUES[code] === -1) return i;
  }
  return -1;
}

/**
 * Decodes base64url text that holds only alphabet characters (check with
 * {@link firstNonBase64urlIndex} first). A dangling last character (length 4n + 1) carries no whole byte
 * and is ignored: it is what a cut-off link looks like, and decompression then reports the cut.
 */
export function base64urlToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | (VALUES[text.charCodeAt(i)] as number)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
