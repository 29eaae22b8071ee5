import { selectLessonShown, selectOpenPreset } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { MitigationLink } from '../lessons/MitigationLink';
import { lessonParts } from './lesson-parts';

/** The open preset's lesson under the top bar, "Try … Watch …", until dismissed. */
export function LessonBanner() {
  const preset = useArchStore(selectOpenPreset);
  const shown = useArchStore(selectLessonShown);
  const dismiss = useArchStore((s) => s.dismissLesson);
  if (!preset || !shown) return null;
  const { scenario, watch } = lessonParts(preset.lesson);
  return (
    <aside className="lesson" aria-label="Lesson">
      <span className="lesson__tag" aria-hidden="true">
        Lesson
      </span>
      <p className="lesson__text">
        <strong>Try:</strong> press Play. {scenario}.
        {watch && (
          <>
            {' '}
            <strong>Watch:</strong> {watch}
          </>
        )}
      </p>
      {preset.mitigation !== undefined && <MitigationLink />}
      <button
        type="button"
        className="btn btn--small lesson__close"
        onClick={dismiss}
        aria-label="Dismiss lesson"
      >
        ✕
      </button>
    </aside>
  );
}
