import type { ArchDocument } from '../model/types';

/**
 * What kind of problem an error is, stable across versions for code and tests to branch on (the message
 * may be reworded): the size and type checks made before parsing, mermaid's syntax errors, the
 * annotation lines, and the values the whole document is checked for.
 */
export type DiagnosticCode =
  | 'too-large'
  | 'empty'
  | 'not-mermaid'
  | 'not-flowchart'
  | 'too-many-links'
  | 'too-many-nodes'
  | 'too-many-edges'
  | 'syntax'
  | 'unrecognised-text'
  | 'unknown-shape'
  | 'unreadable'
  | 'unknown-link'
  | 'invalid-id'
  | 'annotation'
  | 'invalid-value';

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
  /** What kind of problem it is; every error {@link parseMermaid} returns has one. */
  readonly code?: DiagnosticCode;
}

/** An error: a diagnostic with its code. */
export interface MermaidError extends MermaidDiagnostic {
  readonly code: DiagnosticCode;
}

/** The result of {@link parseMermaid}: a document and notices, or errors (and no document). */
export type MermaidParseResult =
  | { readonly ok: true; readonly document: ArchDocument; readonly notices: readonly MermaidDiagnostic[] }
  | { readonly ok: false; readonly errors: readonly MermaidError[] };

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
