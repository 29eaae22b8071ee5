import {
  selectDone,
  selectEnginePlaying,
  selectNowSec,
  selectPlaying,
  selectSpeed,
} from '../store/selectors';
import { useArchStore } from '../store/store';
import { SPEEDS, type Speed } from '../worker/protocol';
import { formatClock } from './format';

const speedLabel = (speed: Speed) => (speed === 'max' ? 'Max' : `${speed}×`);
const speedOf = (value: string): Speed => SPEEDS.find((s) => String(s) === value) ?? 1;

/** Play/Pause, speed, Reset and the simulated clock, as one group: in the top bar and the embed's bar. */
export function RunControls() {
  const playing = useArchStore(selectPlaying);
  const done = useArchStore(selectDone);
  const speed = useArchStore(selectSpeed);
  const nowSec = useArchStore(selectNowSec);
  const settling = useArchStore(selectEnginePlaying);
  const { play, pause, reset, setSpeed } = useArchStore.getState();
  return (
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
        <select aria-label="Speed" value={String(speed)} onChange={(e) => setSpeed(speedOf(e.target.value))}>
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
      <output className="clock" aria-label="Simulated time" aria-busy={settling} data-testid="clock">
        {formatClock(nowSec)}
      </output>
    </div>
  );
}
