/**
 * Mermaid text ⇄ archplay document (DESIGN.md §5). The mermaid library is loaded lazily on the first
 * parse; {@link toMermaid} needs no library at all.
 */
export { parseMermaid, UNTITLED, type ParseMermaidOptions } from './import';
export { toMermaid, isValidMermaidId } from './export';
export { extractMermaidFromMarkdown } from './markdown';
export { inferKind } from './kind-inference';
export { loadMermaid, renderMermaidSvg } from './library';
export {
  MAX_EDGES,
  MAX_NODES,
  MAX_SOURCE_BYTES,
  type MermaidDiagnostic,
  type MermaidParseResult,
} from './diagnostics';
