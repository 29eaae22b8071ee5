/**
 * The style allow-list for `classDef`, `style` and `linkStyle` (DESIGN.md §5): colours, stroke widths and
 * stroke dashes only. Anything else
 * (fonts, sizes, `url(...)`, expressions) is dropped, so that an imported style can never carry more
 * than a colour.
 */

const COLOUR_PROPERTIES = new Set(['fill', 'stroke', 'color']);
const WIDTH_PROPERTIES = new Set(['stroke-width']);
const DASH_PROPERTIES = new Set(['stroke-dasharray']);

const COLOUR_RE =
  /^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20}|(?:rgb|rgba|hsl|hsla)\(\s*[\d.%\s/+-]{1,60}\))$/;
const WIDTH_RE = /^\d{1,3}(?:\.\d{1,3})?(?:px)?$/;
/** `5 5`, `4,2`: up to eight lengths (a linkStyle value cannot hold commas, mermaid splits on them). */
const DASH_RE = /^\d{1,3}(?:\.\d{1,2})?(?:px)?(?:\s+\d{1,3}(?:\.\d{1,2})?(?:px)?){0,7}$/;

/** Keeps the allowed `property:value` entries of a style list; returns them and what was dropped. */
export function filterStyles(entries: readonly string[]): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const property = trimmed.slice(0, colon).trim().toLowerCase();
    const value = trimmed.slice(colon + 1).trim();
    const allowed =
      colon > 0 &&
      ((COLOUR_PROPERTIES.has(property) && COLOUR_RE.test(value)) ||
        (WIDTH_PROPERTIES.has(property) && WIDTH_RE.test(value)) ||
        (DASH_PROPERTIES.has(property) && DASH_RE.test(value)));
    (allowed ? kept : dropped).push(`${property}:${value}`);
  }
  return { kept, dropped };
}
