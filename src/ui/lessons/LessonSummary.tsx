import { useId, useState } from 'react';

interface Props {
  readonly summary: string;
  /** Whether the lesson is at its first step: the summary is its introduction, open until the steps begin. */
  readonly atStart: boolean;
}

/**
 * The lesson's summary behind a "Summary" toggle. It is open at step 1 and folds once the steps begin (a
 * long summary would keep the canvas small through the whole lesson on a laptop screen), unless the user
 * opened or closed it: their choice stands.
 */
export function LessonSummary({ summary, atStart }: Props) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? atStart;
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="btn btn--small lesson-panel__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setChosen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Summary
      </button>
      <p id={id} className="lesson-panel__summary" hidden={!open}>
        {summary}
      </p>
    </>
  );
}
