import { Suspense } from 'react';
import { LoadingNote } from '../lazy/LoadingNote';
import { LessonGalleryPart } from '../lazy/parts';
import { useDeferredDialog } from '../lazy/useDeferredDialog';

/** The top bar's "Lessons" button; the gallery it opens is a chunk of its own. */
export function LessonsButton() {
  const { open, close, opener } = useDeferredDialog(LessonGalleryPart);
  return (
    <>
      <button
        type="button"
        className="btn"
        {...opener}
        aria-haspopup="dialog"
        title="Guided lessons, one per topic"
      >
        <span aria-hidden="true">▤</span> Lessons
      </button>
      {open && (
        <Suspense fallback={<LoadingNote what="the lessons" />}>
          <LessonGalleryPart.Component onClose={close} />
        </Suspense>
      )}
    </>
  );
}
