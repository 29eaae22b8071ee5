import { useArchStore } from '../../store/store';
import { DeferredSlot } from '../lazy/DeferredSlot';
import { LessonPanelPart, PresenterLayerPart } from '../lazy/parts';
import './lessons.css';
import '../presenter/presenter.css';
import { useLessonTracker } from './useLessonTracker';
import { WelcomeCard } from './WelcomeCard';

/**
 * Everything of teaching and demos under the top bar: the welcome of a first visit, the open lesson's
 * steps, presenter mode's strip and captions, and the hook that follows the lesson. One element in App,
 * so the feature stays in its own folders. The lesson panel and presenter mode are chunks of their own,
 * fetched when a lesson opens or presenting starts (the tracker stays here: it must see the opening).
 */
export function LessonLayer() {
  useLessonTracker();
  const presenting = useArchStore((s) => s.presenting);
  const hasLesson = useArchStore((s) => s.doc.lesson !== undefined);
  return (
    <>
      <DeferredSlot part={PresenterLayerPart} shown={presenting} what="presenter mode" keep />
      <WelcomeCard />
      <DeferredSlot part={LessonPanelPart} shown={hasLesson} what="the lesson" block />
    </>
  );
}
