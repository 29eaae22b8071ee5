import { stepCountOf } from '../../store/lesson-slice';
import { useArchStore } from '../../store/store';
import { targetLabelOf } from '../target-label';
import { stepText } from '../../model/step-text';

/** What presenter mode shows of the current step: the lesson's text, or the scenario step and its caption. */
function currentStepText(state: ReturnType<typeof useArchStore.getState>): string {
  const { doc, lessonStep } = state;
  if (doc.lesson) return doc.lesson.steps[lessonStep]?.text ?? doc.lesson.question?.text ?? 'All steps done';
  const step = doc.scenario[lessonStep];
  if (!step) return 'No scenario steps: press F to fail the selected node';
  const what = stepText(step, (id) => targetLabelOf(doc, id));
  return `${step.atSec} s: ${step.caption ?? what}`;
}

/** The presenter's strip: step k of n, its text, the keys, and a way out. */
export function PresenterBar() {
  const presenting = useArchStore((s) => s.presenting);
  const step = useArchStore((s) => s.lessonStep);
  const count = useArchStore((s) => stepCountOf(s.doc));
  const text = useArchStore(currentStepText);
  const setPresenting = useArchStore((s) => s.setPresenting);
  if (!presenting) return null;
  return (
    <section className="presenter-bar" aria-label="Presenter">
      <p className="presenter-bar__step" data-testid="presenter-step">
        <span className="presenter-bar__count">
          {step >= count && count > 0
            ? 'Question'
            : `Step ${Math.min(step + 1, Math.max(count, 1))} of ${Math.max(count, 1)}`}
        </span>{' '}
        {text}
      </p>
      <p className="presenter-bar__keys" aria-hidden="true">
        <kbd>Space</kbd> play/pause <kbd>F</kbd> fail <kbd>R</kbd> recover <kbd>1</kbd>–<kbd>4</kbd> speed{' '}
        <kbd>N</kbd>/<kbd>P</kbd> step <kbd>Esc</kbd> leave
      </p>
      <button type="button" className="btn" onClick={() => setPresenting(false)}>
        Leave presenter
      </button>
    </section>
  );
}
