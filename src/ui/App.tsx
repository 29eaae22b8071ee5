import { useEffect } from 'react';
import { selectInsightOpen } from '../store/insight-selectors';
import { selectNotice } from '../store/selectors';
import { useArchStore } from '../store/store';
import { useSimulationWorker } from '../store/useSimulationWorker';
import { Canvas } from './Canvas';
import { ChartsPanel } from './ChartsPanel';
import { EventLog } from './EventLog';
import { LessonBanner } from './gallery/LessonBanner';
import { LessonLayer } from './lessons/LessonLayer';
import { Inspector } from './Inspector';
import { ReplayBanner } from './insight/ReplayBanner';
import { ScenarioPanel } from './timeline/ScenarioPanel';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { KeyboardHelp } from './shortcuts/KeyboardHelp';
import { KeepNotice } from './keep/KeepNotice';
import { DeferredSlot } from './lazy/DeferredSlot';
import { InsightPanelPart, preloadPartsWhenIdle } from './lazy/parts';
import { useDocumentKeeping } from './keep/useDocumentKeeping';
import { useUndoShortcuts } from './keep/useUndoShortcuts';

/** The one screen (DESIGN.md §10): top bar; side panel, canvas, Inspector; charts and logs below. */
export function App() {
  // Before the worker: the first run is of the saved (or linked) document.
  useDocumentKeeping();
  useSimulationWorker();
  useUndoShortcuts();
  useKeyboardShortcuts();
  // The dialogs and panels not on the first screen are fetched once it is drawn (README "Speed").
  useEffect(preloadPartsWhenIdle, []);
  const notice = useArchStore(selectNotice);
  const insightOpen = useArchStore(selectInsightOpen);
  return (
    <div className="app">
      <TopBar />
      <div className="banners">
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <KeepNotice />
        <LessonBanner />
        <ReplayBanner />
        <LessonLayer />
      </div>
      <main className="workspace">
        <SidePanel />
        <Canvas />
        <Inspector />
      </main>
      <footer className="dock">
        <ChartsPanel />
        <div className="dock__side">
          <EventLog />
          <ScenarioPanel />
        </div>
      </footer>
      <DeferredSlot part={InsightPanelPart} shown={insightOpen} what="Insight" keep />
      <KeyboardHelp />
    </div>
  );
}
