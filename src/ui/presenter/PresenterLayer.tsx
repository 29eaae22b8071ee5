import { PresenterBar } from './PresenterBar';
import { usePresenterCaptions } from './usePresenterCaptions';
import { usePresenterKeys } from './usePresenterKeys';
import { usePresenterMode } from './usePresenterMode';

/**
 * Presenter mode (its own chunk, mounted the first time presenting starts and kept): the page's
 * presenting class and full screen, the keys, the strip and the captions' timing.
 */
export function PresenterLayer() {
  usePresenterMode();
  usePresenterKeys();
  usePresenterCaptions();
  // The caption itself is drawn by the canvas, in the band the graph is fitted above (PresenterCaption).
  return <PresenterBar />;
}
