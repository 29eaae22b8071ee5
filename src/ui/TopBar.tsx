import { AlertsEditor } from './alerts/AlertsEditor';
import { DocumentTitle } from './DocumentTitle';
import { ExpectationsButton } from './expectations/ExpectationsButton';
import { PresetsButton } from './gallery/PresetsButton';
import { DocumentActions } from './keep/DocumentActions';
import { InsightButton } from './insight/InsightButton';
import { LessonControls } from './lessons/LessonControls';
import { RunControls } from './RunControls';

/** Document name, presets and lessons, alerts and insight, run controls, and the document's actions. */
export function TopBar() {
  return (
    <header className="topbar">
      <DocumentTitle />
      <PresetsButton />
      <LessonControls />
      <AlertsEditor />
      <ExpectationsButton />
      <InsightButton />
      <RunControls />
      <DocumentActions />
    </header>
  );
}
