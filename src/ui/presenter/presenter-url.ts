/**
 * The link a trainer shares: this page, `?present`, and the document (with its lesson and captions) in
 * the fragment. Opening it is the general link opening's job (src/ui/keep/open-link.ts), which starts
 * presenter mode at step 1 when the page has `?present`.
 */
export function presenterUrl(base: string, link: string): string {
  const url = new URL(base);
  url.search = '?present';
  url.hash = link;
  return url.toString();
}
