import { useState } from 'react';
import { LESSONS } from '../../model/lessons';
import { selectLessonShown, selectOpenPreset } from '../../store/state-selectors';
import { useArchStore } from '../../store/store';
import { openedWithLink, rememberWelcomeDismissed, welcomeDismissed } from './first-visit';
import { lessonTitleOf, openLesson } from './load-lesson';

/**
 * The first visit's welcome: a strip under the top bar (not a modal: it covers no node or control) that
 * starts the first lesson in one click, or goes away for good. Hidden while presenting and while a
 * lesson or a preset's lesson strip shows.
 */
export function WelcomeCard() {
  const [shown, setShown] = useState(() => !welcomeDismissed() && !openedWithLink());
  const [error, setError] = useState<string | null>(null);
  const presenting = useArchStore((s) => s.presenting);
  // A lesson or a preset's "Try … Watch …" strip already guides: the welcome waits until it is closed.
  const hasLesson = useArchStore(
    (s) => s.doc.lesson !== undefined || (selectOpenPreset(s) !== null && selectLessonShown(s)),
  );
  const first = LESSONS[0];
  if (!shown || !first || presenting || hasLesson) return null;
  const dismiss = () => {
    rememberWelcomeDismissed();
    setShown(false);
  };
  return (
    <section className="welcome" aria-label="Welcome">
      <p className="welcome__text">
        <strong>Welcome to archplay.</strong> Break a running architecture and watch what it costs. New here?
        The first lesson, <em>{lessonTitleOf(first)}</em>, takes three minutes.
      </p>
      {error && (
        <p className="welcome__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn--primary btn--small"
        onClick={async () => {
          const problem = await openLesson(first);
          setError(problem);
          if (!problem) dismiss();
        }}
      >
        Start the first lesson
      </button>
      <button type="button" className="btn btn--small" onClick={dismiss} aria-label="Dismiss welcome">
        ✕ Don&apos;t show again
      </button>
    </section>
  );
}
