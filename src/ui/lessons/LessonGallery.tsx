import { useRef, useState } from 'react';
import './lessons.css';
import { LESSONS, TOPIC_LABELS, type LessonSource } from '../../model/lessons';
import { Dialog } from '../dialog/Dialog';
import { lessonSummaryOf, lessonTitleOf, openLesson } from './load-lesson';

/**
 * The lesson gallery the top bar's "Lessons" button opens (a chunk of its own): one card per lesson,
 * grouped by the article's topics. A modal dialog like the preset gallery (the browser's own
 * `showModal`, Escape closes it), mounted while open.
 */
export function LessonGallery({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => dialog.current?.close();
  const load = async (source: LessonSource) => {
    setLoading(source.id);
    const problem = await openLesson(source);
    setLoading(null);
    setError(problem);
    if (!problem) close();
  };
  return (
    <Dialog
      ref={dialog}
      id="lessons"
      className="gallery"
      title="Lessons"
      intro="Each lesson walks you through a run step by step and ends with a question the run answers."
      closeLabel="Close lessons"
      onClose={onClose}
      error={error}
    >
      <ul className="gallery__grid">
        {LESSONS.map((source) => (
          <li key={source.id}>
            <button
              type="button"
              className="lesson-card"
              disabled={loading !== null}
              aria-busy={loading === source.id}
              onClick={() => void load(source)}
            >
              <span className="lesson-card__topic">{TOPIC_LABELS[source.topic]}</span>
              <span className="lesson-card__title">{lessonTitleOf(source)}</span>
              <span className="lesson-card__summary">{lessonSummaryOf(source)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
