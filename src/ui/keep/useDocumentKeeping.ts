import { useEffect } from 'react';
import { APP_FLAGS } from '../embed/app-flags';
import { startDocumentKeeping } from './document-keeping';
import { openLinkFromFragment } from './open-link';

/**
 * Autosave, undo history and share links at startup: reopens the saved document, then the link in the
 * address (and any link pasted into the address bar later, on `hashchange`). Called before the
 * simulation worker starts, so the first run is of the right document. An embed uses no storage.
 */
export function useDocumentKeeping(): void {
  useEffect(() => {
    const embed = APP_FLAGS.embed !== null;
    const stop = startDocumentKeeping({ useStorage: !embed });
    void openLinkFromFragment(location.hash, { embed, present: APP_FLAGS.present });
    const onHashChange = () => void openLinkFromFragment(location.hash, { embed, force: true });
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      stop();
    };
  }, []);
}
