import { PresenterBar } from '../presenter/PresenterBar';
import { PresenterCaption } from '../presenter/PresenterCaption';
import { usePresenterCaptions } from '../presenter/usePresenterCaptions';
import { usePresenterKeys } from '../presenter/usePresenterKeys';
import { usePresenterMode } from '../presenter/usePresenterMode';
import './lessons.css';
import '../presenter/presenter.css';
import { LessonPanel } from './LessonPanel';
import { useLessonTracker } from './useLessonTracker';
import { WelcomeCard } from './WelcomeCard';

/**
 * Everything of teaching and demos under the top bar: the welcome of a first visit, the open lesson's
 * steps, presenter mode's strip and captions, and the hooks that follow the lesson and handle
 * presenter keys. One element in App, so the feature stays in its own folders.
 */
export function LessonLayer() {
  useLessonTracker();
  usePresenterMode();
  usePresenterKeys();
  usePresenterCaptions();
  return (
    <>
      <PresenterBar />
      <WelcomeCard />
      <LessonPanel />
      <PresenterCaption />
    </>
  );
}
