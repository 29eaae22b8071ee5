import { useArchStore } from '../../store/store';
import { LessonQuestion } from './LessonQuestion';
import { LessonSummary } from './LessonSummary';
import { MitigationLink } from './MitigationLink';

/**
 * The open lesson under the top bar: its title and text, the steps with the current one highlighted
 * (each advances when the user does it or the run reaches it), then the question.
 */
export function LessonPanel() {
  const lesson = useArchStore((s) => s.doc.lesson);
  const current = useArchStore((s) => s.lessonStep);
  const go = useArchStore((s) => s.goLessonStep);
  const restart = useArchStore((s) => s.restartLesson);
  if (!lesson) return null;
  const finished = current >= lesson.steps.length;
  const step = lesson.steps[current];
  return (
    <section className="lesson-panel" aria-label="Lesson steps">
      <div className="lesson-panel__head">
        <span className="lesson__tag" aria-hidden="true">
          Lesson
        </span>
        <h2 className="lesson-panel__title">{lesson.title}</h2>
        <p className="lesson-panel__progress" data-testid="lesson-progress">
          {finished ? 'All steps done' : `Step ${current + 1} of ${lesson.steps.length}`}
        </p>
        {/* Keyed by lesson: another lesson starts with its summary open again. */}
        {lesson.summary && (
          <LessonSummary key={lesson.title} summary={lesson.summary} atStart={current === 0} />
        )}
        <div className="lesson-panel__nav">
          <button type="button" className="btn btn--small" onClick={() => go(-1)} disabled={current === 0}>
            Previous step
          </button>
          <button type="button" className="btn btn--small" onClick={() => go(1)} disabled={finished}>
            Skip step
          </button>
          <button type="button" className="btn btn--small" onClick={restart}>
            Restart lesson
          </button>
        </div>
      </div>
      <ol className="lesson-panel__steps">
        {lesson.steps.map((s, i) => (
          <li
            key={i}
            className={`lesson-step ${i < current ? 'lesson-step--done' : i === current ? 'lesson-step--current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span aria-hidden="true">{i < current ? '✓' : i + 1}</span> {s.text}
          </li>
        ))}
      </ol>
      {step && (
        <p className="visually-hidden" role="status">
          Step {current + 1}: {step.text}
        </p>
      )}
      {finished && lesson.question && <LessonQuestion question={lesson.question} />}
      {/* A metastable failure has a fix to compare once it has been watched (README "Metastable failures"). */}
      {finished && lesson.topic === 'metastable' && (
        <p className="lesson-panel__next">
          The failure outlived its trigger: compare it with its fix. <MitigationLink />
        </p>
      )}
    </section>
  );
}
