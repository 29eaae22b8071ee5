import { selectDocName } from '../store/selectors';
import { useArchStore } from '../store/store';
import { AlertsEditor } from './alerts/AlertsEditor';
import { PresetGallery } from './gallery/PresetGallery';
import { DocumentActions } from './keep/DocumentActions';
import { InsightButton } from './insight/InsightButton';
import { LessonControls } from './lessons/LessonControls';
import { RunControls } from './RunControls';

/** Document name, presets and lessons, alerts and insight, run controls, and the document's actions. */
export function TopBar() {
  const name = useArchStore(selectDocName);
  return (
    <header className="topbar">
      <span className="brand" aria-label="archplay">
        arch<strong>play</strong>
      </span>
      <h1 className="topbar__name" title={name}>
        {name}
      </h1>
      <PresetGallery />
      <LessonControls />
      <AlertsEditor />
      <InsightButton />
      <RunControls />
      <DocumentActions />
    </header>
  );
}
