import { recentDocumentOf } from '../../share/doc-storage';
import { useArchStore } from '../../store/store';
import { Menu } from '../export/Menu';
import { rememberRecent } from './document-keeping';

const timeOf = (ms: number) =>
  new Date(ms).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * "Recent": documents a link, a preset or a file replaced, newest first. Opening one keeps the current
 * document in the list in turn, so going back and forth loses nothing.
 */
export function RecentMenu() {
  const recent = useArchStore((s) => s.recent);
  if (recent.length === 0) return null;
  return (
    <Menu
      label="Recent"
      title="Recent documents: the ones links and files replaced"
      entries={recent.map((entry, i) => ({
        label: `${entry.name} · ${timeOf(entry.savedAtMs)}`,
        ...(i === 0 ? { section: 'Recent documents' } : {}),
        onSelect: () => {
          const doc = recentDocumentOf(entry);
          if (!doc) return;
          const store = useArchStore.getState();
          rememberRecent(store.doc);
          store.openDocument(doc, null);
        },
      }))}
    />
  );
}
