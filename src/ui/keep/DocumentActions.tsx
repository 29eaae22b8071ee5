import '../share/share.css';
import { ExportMenu } from '../export/ExportMenu';
import { ShareButton } from '../share/ShareButton';
import { RecentMenu } from './RecentMenu';
import { SaveStatus } from './SaveStatus';
import { UndoRedo } from './UndoRedo';

/** The top bar's document actions: Undo/Redo, save status, recent documents, Share and Export. */
export function DocumentActions() {
  return (
    <div className="doc-actions">
      <UndoRedo />
      <SaveStatus />
      <RecentMenu />
      <ShareButton />
      <ExportMenu />
    </div>
  );
}
