import { PresenterBar } from './PresenterBar';
import { PresenterCaption } from './PresenterCaption';
import { usePresenterCaptions } from './usePresenterCaptions';
import { usePresenterKeys } from './usePresenterKeys';
import { usePresenterMode } from './usePresenterMode';

/**
 * Presenter mode (its own chunk, mounted the first time presenting starts and kept): the page's
 * presenting class and full screen, the keys, the strip and the captions.
 */
export function PresenterLayer() {
  usePresenterMode();
  usePresenterKeys();
  usePresenterCaptions();
  return (
    <>
      <PresenterBar />
      <PresenterCaption />
    </>
  );
}
