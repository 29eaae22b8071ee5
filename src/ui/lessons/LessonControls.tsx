import { PresentButton } from '../presenter/PresentButton';
import { LessonsButton } from './LessonsButton';

/** The top bar's teaching controls: the lesson gallery and presenter mode. */
export function LessonControls() {
  return (
    <>
      <LessonsButton />
      <PresentButton />
    </>
  );
}
