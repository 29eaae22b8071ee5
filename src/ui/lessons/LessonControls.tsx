import { PresentButton } from '../presenter/PresentButton';
import { LessonGallery } from './LessonGallery';

/** The top bar's teaching controls: the lesson gallery and presenter mode. */
export function LessonControls() {
  return (
    <>
      <LessonGallery />
      <PresentButton />
    </>
  );
}
