/**
 * The page's own URL flags, read from its query string (the fragment belongs to share links). Unknown
 * parameters (tracking parameters, say) are ignored and left in place.
 */

/** How an embedded view may be used: watched (Play/Pause only) or also broken (Fail on click). */
export type EmbedMode = 'read-only' | 'interactive';

export interface AppFlags {
  /** Set by `?embed` (read-only) or `?embed=interactive`: no editing chrome, no storage. */
  readonly embed: EmbedMode | null;
  /** Set by `?present`: a trainer's link, opened straight into presenter mode at step 1. */
  readonly present: boolean;
}

/** Reads the flags from a query string such as `?embed=interactive` (with or without the `?`). */
export function appFlagsOf(search: string): AppFlags {
  const params = new URLSearchParams(search);
  const present = params.has('present');
  if (!params.has('embed')) return { embed: null, present };
  const value = (params.get('embed') ?? '').trim().toLowerCase();
  return { embed: value === 'interactive' ? 'interactive' : 'read-only', present };
}

/** The query string of an embed URL for `mode`: what the embed snippet points its iframe at. */
export function embedQuery(mode: EmbedMode): string {
  return mode === 'interactive' ? '?embed=interactive' : '?embed';
}
