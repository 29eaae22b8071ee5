import { useState } from 'react';
import type { ScenarioStep } from '../../model/types';
import { formatSec } from '../format';
import { CaptionInput } from './CaptionInput';
import { stepText } from '../../model/step-text';
import { readStepTime, stepTimeText } from './step-text';

interface Props {
  readonly step: ScenarioStep;
  readonly labelOf: (id: string) => string;
  /** Whether the run has passed the step already. */
  readonly past: boolean;
  readonly durationSec: number;
  /** Moves the step to a new time; returns an error message when refused. */
  readonly onMove: (atSec: number) => string | null;
  readonly onDelete: () => void;
  /** Sets the trainer's caption (empty text removes it); returns an error message when refused. */
  readonly onCaption: (caption: string) => string | null;
}

/** One scenario step: its time (editable), what it does, whether it happened, and a delete button. */
export function StepRow({ step, labelOf, past, durationSec, onMove, onDelete, onCaption }: Props) {
  const saved = stepTimeText(step.atSec);
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const description = stepText(step, labelOf);
  const commit = () => {
    if (text.trim() === saved) return setError(null);
    const read = readStepTime(text, durationSec);
    if ('error' in read) return setError(read.error);
    setError(onMove(read.atSec));
  };
  return (
    <li className={`step step--${step.action} ${past ? 'step--past' : 'step--future'}`}>
      <span className="step__state" title={past ? 'Happened' : 'Will happen'} aria-hidden="true">
        {past ? '●' : '○'}
      </span>
      <span className="step__time">
        <input
          className="step__time-input"
          value={text}
          aria-label={`Time of ${description} (s)`}
          aria-invalid={error ? true : undefined}
          title={`At ${formatSec(step.atSec, 3)}: type a new time and press Enter (the run restarts)`}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(saved);
              setError(null);
            }
          }}
        />
        <span aria-hidden="true">s</span>
      </span>
      <span className="step__text">
        {description}
        <span className="visually-hidden">{past ? ' (happened)' : ' (upcoming)'}</span>
      </span>
      <button
        type="button"
        className="step__delete"
        aria-label={`Delete step ${description} at ${saved} s`}
        title="Delete the step (the run restarts)"
        onClick={onDelete}
      >
        ×
      </button>
      <CaptionInput
        caption={step.caption ?? ''}
        label={`Caption of ${description}`}
        onCommit={(caption) => setError(onCaption(caption))}
      />
      {error && (
        <span className="param__error step__error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
