/**
 * The `<iframe>` snippet that embeds a document in a web page (DESIGN.md §7). The frame is sandboxed
 * with `allow-scripts` only: the embedded app runs in an opaque origin, with no access to the host
 * page, its cookies or its storage, and it needs none.
 */
import { embedQuery, type EmbedMode } from './url-flags';

/** Size of the frame: the canvas and the charts stay readable in a documentation column. */
export const EMBED_WIDTH = 960;
export const EMBED_HEIGHT = 640;

/** The URL the frame loads: the page (without query or fragment), the embed flag, then the link. */
export function embedUrl(pageUrl: string, link: string, mode: EmbedMode): string {
  const page = pageUrl.replace(/[?#].*$/s, '');
  return `${page}${embedQuery(mode)}#${link}`;
}

/** The snippet to paste into HTML or Markdown. The title is the document's name, escaped. */
export function embedSnippet(pageUrl: string, link: string, mode: EmbedMode, name: string): string {
  const src = escapeAttribute(embedUrl(pageUrl, link, mode));
  const title = escapeAttribute(`archplay: ${name}`);
  return `<iframe src="${src}" title="${title}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" sandbox="allow-scripts" loading="lazy" style="border:1px solid #d8dde6;border-radius:8px"></iframe>`;
}

/** Escapes text for a double-quoted HTML attribute: a hostile label cannot close the attribute or the tag. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll("'", '&#39;');
}
