import { selectDocName, selectDone, selectNowSec, selectPlaying, selectSpeed } from '../store/selectors';
import { useArchStore } from '../store/store';
import { SPEEDS, type Speed } from '../worker/protocol';
import { AlertsEditor } from './alerts/AlertsEditor';
import { formatClock } from './format';
import { PresetGallery } from './gallery/PresetGallery';
import { DocumentActions } from './keep/DocumentActions';
import { InsightButton } from './insight/InsightButton';
import { LessonControls } from './lessons/LessonControls';

const speedLabel = (speed: Speed) => (speed === 'max' ? 'Max' : `${speed}×`);
const speedOf = (value: string): Speed => SPEEDS.find((s) => String(s) === value) ?? 1;

/** Document name, preset picker, run controls and the simulated clock. */
export function TopBar() {
  const name = useArchStore(selectDocName);
  const playing = useArchStore(selectPlaying);
  const done = useArchStore(selectDone);
  const speed = useArchStore(selectSpeed);
  const nowSec = useArchStore(selectNowSec);
  const { play, pause, reset, setSpeed } = useArchStore.getState();
  return (
    <header className="topbar">
      <span className="brand" aria-label="archplay">
        arch<strong>play</strong>
      </span>
      <h1 className="topbar__name" title="Document name">
        {name}
      </h1>
      <PresetGallery />
      <LessonControls />
      <AlertsEditor />
      <InsightButton />
      <div className="topbar__run" role="group" aria-label="Run controls">
        <button
          type="button"
          className="btn btn--primary btn--play"
          onClick={playing ? pause : play}
          disabled={done && !playing}
          title="Space"
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        <label className="field">
          <span className="field__label">Speed</span>
          <select
            aria-label="Speed"
            value={String(speed)}
            onChange={(e) => setSpeed(speedOf(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={reset}
          title="Run again from t = 0 with the same seed and scenario"
        >
          <span aria-hidden="true">↺</span> Reset
        </button>
        <output className="clock" aria-label="Simulated time" data-testid="clock">
          {formatClock(nowSec)}
        </output>
      </div>
      <DocumentActions />
    </header>
  );
}
