import type { ArchDocument } from '../model/types';

/**
 * A problem or a notice about Mermaid text, at a 1-based line and column of the text as given (after
 * a byte-order mark is dropped; CRLF counts as one line ending). Whole-file messages point at 1:1.
 */
export interface MermaidDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** A suggestion for a common mistake, e.g. quoting a label that contains parentheses. */
  readonly hint?: string;
}

/** The result of {@link parseMermaid}: a document and notices, or errors (and no document). */
export type MermaidParseResult =
  | { readonly ok: true; readonly document: ArchDocument; readonly notices: readonly MermaidDiagnostic[] }
  | { readonly ok: false; readonly errors: readonly MermaidDiagnostic[] };

/** Largest Mermaid text accepted, checked before anything is parsed. */
export const MAX_SOURCE_BYTES = 200 * 1024;
/** Most nodes in one diagram. */
export const MAX_NODES = 500;
/** Most edges in one diagram (mermaid's own default limit). */
export const MAX_EDGES = 500;

/** Where annotation readers put what they find, each at the position of a token. */
export interface DiagnosticReport {
  error(token: { line: number; column: number }, message: string, hint?: string): void;
  notice(token: { line: number; column: number }, message: string): void;
}
