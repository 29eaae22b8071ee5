import type { PoolProgress } from './useAnalysisPool';

/** "3 of 5 runs" with a bar, and a Cancel button: long work shows where it is and can be stopped. */
export function ProgressBar({
  progress,
  label,
  onCancel,
}: {
  readonly progress: PoolProgress;
  readonly label: string;
  readonly onCancel: () => void;
}) {
  const share = progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className="insight-progress">
      <div
        className="insight-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} of ${progress.total}`}
      >
        <div className="insight-progress__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="insight-progress__text">
        {label}: {progress.done} of {progress.total}
      </span>
      <button type="button" className="btn btn--small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
