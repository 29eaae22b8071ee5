import { DeferredDialogButton } from '../lazy/DeferredDialogButton';
import { LessonGalleryPart } from '../lazy/parts';

/** The top bar's "Lessons" button; the gallery it opens is a chunk of its own. */
export function LessonsButton() {
  return (
    <DeferredDialogButton part={LessonGalleryPart} what="the lessons" title="Guided lessons, one per topic">
      <span aria-hidden="true">▤</span> Lessons
    </DeferredDialogButton>
  );
}
