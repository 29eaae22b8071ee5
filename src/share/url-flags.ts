/**
 * The page's own URL flags, read from its query string (the fragment belongs to share links). Unknown
 * parameters are ignored and left in place: other features (a presenter mode, `?present`) use the same
 * query string.
 */

/** How an embedded view may be used: watched (Play/Pause only) or also broken (Fail on click). */
export type EmbedMode = 'read-only' | 'interactive';

export interface AppFlags {
  /** Set by `?embed` (read-only) or `?embed=interactive`: no editing chrome, no storage. */
  readonly embed: EmbedMode | null;
}

/** Reads the flags from a query string such as `?embed=interactive` (with or without the `?`). */
export function appFlagsOf(search: string): AppFlags {
  const params = new URLSearchParams(search);
  if (!params.has('embed')) return { embed: null };
  const value = (params.get('embed') ?? '').trim().toLowerCase();
  return { embed: value === 'interactive' ? 'interactive' : 'read-only' };
}

/** The query string of an embed URL for `mode`: what the embed snippet points its iframe at. */
export function embedQuery(mode: EmbedMode): string {
  return mode === 'interactive' ? '?embed=interactive' : '?embed';
}
