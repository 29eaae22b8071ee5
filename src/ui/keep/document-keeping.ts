import type { ArchDocument } from '../../model/types';
import {
  addRecentDocument,
  browserStorage,
  loadSavedDocument,
  recentDocuments,
  saveDocument,
  type KeyValueStore,
} from '../../share/doc-storage';
import { useArchStore } from '../../store/store';

/** Pause after the last change before the document is written (a drag or typing writes once). */
export const SAVE_DELAY_MS = 300;

let storage: KeyValueStore | null = null;

/**
 * Starts keeping the document: reopens the saved one (a fresh visit keeps the default preset), then
 * records every change for undo and writes it to storage after a pause. Without storage (an embed, a
 * sandboxed frame, storage refused) the app works in memory and says so. Returns the way to stop.
 */
export function startDocumentKeeping(options: { readonly useStorage: boolean }): () => void {
  const store = useArchStore.getState();
  storage = options.useStorage ? browserStorage() : null;
  if (!options.useStorage) store.setSaveStatus('off');
  else if (!storage) store.setSaveStatus('memory', 'unavailable');
  else {
    const saved = loadSavedDocument(storage);
    if (saved) store.replaceDocument(saved, { restart: true });
    store.setRecent(recentDocuments(storage));
    store.setSaveStatus('saved');
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!storage) return;
    // While a sweep case is replayed, the design to keep is the user's own, not the case.
    const { doc, replay } = useArchStore.getState();
    const outcome = saveDocument(storage, replay?.saved ?? doc);
    if (outcome === 'saved') useArchStore.getState().setSaveStatus('saved');
    else useArchStore.getState().setSaveStatus('memory', outcome);
  };
  const unsubscribe = useArchStore.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    state.noteDocChange(prev.doc, state.doc);
    if (!storage) return;
    if (state.saveStatus !== 'saving') state.setSaveStatus('saving');
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  // Closing the tab within the pause must not lose the last change.
  const onHide = () => {
    if (timer) flush();
  };
  window.addEventListener('pagehide', onHide);
  return () => {
    onHide();
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
  };
}

/** Keeps `doc` in the recent documents (before something replaces it). */
export function rememberRecent(doc: ArchDocument): void {
  if (!storage) return;
  const { recent } = addRecentDocument(storage, doc, Date.now());
  useArchStore.getState().setRecent(recent);
}
