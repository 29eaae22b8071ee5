import { documentToJson } from '../../share/document-json';
import { browserStorage } from '../../share/doc-storage';
import { decodeLink } from '../../share/link';
import { useArchStore } from '../../store/store';
import { rememberRecent } from './document-keeping';

/** The link this tab last opened: a reload of the same address keeps the (autosaved) edits made since. */
const OPENED_KEY = 'archplay.opened-link';

/** The fragment being decoded: React's development double mount must not open it twice. */
let pending: string | null = null;

/**
 * Opens the share link in the page's fragment (`#v1.…`) as the current document. The previous
 * document goes to the recent documents and stays one Undo away, and a notice offers to restore it; a
 * link that does not decode shows its plain message and changes nothing. With `present` (a trainer's
 * `?present` link) the document opens in presenter mode at step 1. The query string is never changed.
 */
export async function openLinkFromFragment(
  hash: string,
  options: { readonly embed: boolean; readonly present?: boolean; readonly force?: boolean },
): Promise<void> {
  const fragment = hash.replace(/^#/, '');
  if (fragment.trim() === '' || pending === fragment) return;
  const session = options.embed ? null : browserStorage('session');
  if (!options.force && session?.getItem(OPENED_KEY) === fragment) {
    // A reload: the document is the autosaved one, edits included; a trainer's link still presents.
    if (options.present) present();
    return;
  }
  pending = fragment;
  const decoded = await decodeLink(fragment).finally(() => {
    pending = null;
  });
  const store = useArchStore.getState();
  if (!decoded.ok) {
    store.showLinkNotice({ kind: 'error', message: decoded.error.message });
    return;
  }
  try {
    session?.setItem(OPENED_KEY, fragment);
  } catch {
    // Without session storage a reload opens the link again; the previous document is still kept.
  }
  const previous = store.doc;
  if (documentToJson(previous) === documentToJson(decoded.document)) {
    if (!options.embed) store.showLinkNotice({ kind: 'opened', name: previous.name, previous: null });
  } else if (options.embed) {
    store.openDocument(decoded.document, null);
  } else {
    rememberRecent(previous);
    store.openDocument(decoded.document, { kind: 'opened', name: decoded.document.name, previous });
  }
  if (options.present) present();
}

/** A trainer's link (`?present`): presenter mode, at step 1 of the lesson or scenario. */
function present(): void {
  const { restartLesson, setPresenting } = useArchStore.getState();
  restartLesson();
  setPresenting(true);
}
