import { useEffect } from 'react';
import { decodeLink } from '../../share/link';
import { useArchStore } from '../../store/store';

/**
 * A trainer's link, `<page>?present#v1.…`: at startup, opens the document it carries (with its lesson
 * and captions) in presenter mode at step 1. The narrow piece of link opening this feature needs; the
 * general opening of share links lives elsewhere and takes over links without `?present`.
 */
export function usePresenterLink(): void {
  useEffect(() => {
    const { search, hash } = window.location;
    if (!new URLSearchParams(search).has('present') || !hash.startsWith('#v1.')) return;
    let cancelled = false;
    void decodeLink(hash).then((decoded) => {
      if (cancelled) return;
      const store = useArchStore.getState();
      if (decoded.ok) store.openLessonDocument(decoded.document, { present: true });
      else store.showLessonNotice(`The presenter link could not be opened: ${decoded.error.message}`);
    });
    return () => {
      cancelled = true;
    };
  }, []);
}

/** The link a trainer shares: this page, `?present`, and the document in the fragment. */
export function presenterUrl(base: string, link: string): string {
  const url = new URL(base);
  url.search = '?present';
  url.hash = link;
  return url.toString();
}
