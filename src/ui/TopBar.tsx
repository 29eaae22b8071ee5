import { AlertsEditor } from './alerts/AlertsEditor';
import { Brand } from './DocumentTitle';
import { ExpectationsButton } from './expectations/ExpectationsButton';
import { PresetsButton } from './gallery/PresetsButton';
import { DocumentActions } from './keep/DocumentActions';
import { InsightButton } from './insight/InsightButton';
import { LessonControls } from './lessons/LessonControls';
import { RunControls } from './RunControls';

/** The brand, presets and lessons, alerts and insight, run controls, and the document's actions. */
export function TopBar() {
  return (
    <header className="topbar">
      <Brand />
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
