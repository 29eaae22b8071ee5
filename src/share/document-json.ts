/**
 * The document as canonical JSON, and back (untrusted input: strict). JSON has no Infinity, so an
 * unbounded number (a queue of `inf`, no timeout) is written as the string `"inf"`. Canonical means
 * the same document always gives the same bytes: keys sorted at every level, two-space indentation,
 * a final newline.
 */
import type { ArchDocument } from '../model/types';
import { checkedDocument } from './document-schema';

/** Writes the document as canonical JSON. */
export function documentToJson(doc: ArchDocument): string {
  return `${JSON.stringify(canonical(doc), null, 2)}\n`;
}

/**
 * The same canonical JSON without whitespace (no indentation, no final newline): what a share link
 * compresses. Both forms read back with {@link documentFromJson}.
 */
export function documentToCompactJson(doc: ArchDocument): string {
  return JSON.stringify(canonical(doc));
}

function canonical(value: unknown): unknown {
  if (typeof value === 'number') {
    if (value === Infinity) return 'inf';
    if (value === -Infinity) return '-inf';
    return value;
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonical(item);
    }
    return out;
  }
  return value;
}

/** A problem in JSON input: where (1-based line and column, 1:1 when only a path is known) and what. */
export interface JsonProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type JsonDocumentResult =
  | { readonly ok: true; readonly document: ArchDocument }
  | { readonly ok: false; readonly errors: readonly JsonProblem[] };

/** Largest JSON document accepted, checked before parsing. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Reads a document from JSON: syntax, then shape and meaning ({@link checkedDocument}). */
export function documentFromJson(text: string): JsonDocumentResult {
  if (text.length > MAX_JSON_BYTES)
    return problem(1, 1, `the file is too large (the limit is ${MAX_JSON_BYTES / 1024 / 1024} MB)`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = positionOf(text, message);
    return problem(
      line,
      column,
      `invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
  const read = checkedDocument(data);
  if (!read.ok)
    return {
      ok: false,
      errors: read.issues.map((issue) => ({
        line: 1,
        column: 1,
        message: `${issue.path}: ${issue.message}`,
      })),
    };
  return read;
}

function problem(line: number, column: number, message: string): JsonDocumentResult {
  return { ok: false, errors: [{ line, column, message }] };
}

function positionOf(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return { line: 1, column: 1 };
  const before = text.slice(0, Number(position[1]));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
