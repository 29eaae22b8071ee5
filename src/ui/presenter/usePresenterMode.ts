import { useEffect } from 'react';
import { useArchStore } from '../../store/store';

/**
 * Presenter mode's page: the `presenting` class on the root element (large type, thick lines, high
 * contrast: presenter.css) and full screen where the browser allows it. Full screen needs a user
 * gesture and may be refused (a link opened at startup, an iframe): presenter mode goes on without it.
 * Leaving full screen with the browser's own Escape leaves presenter mode too.
 */
export function usePresenterMode(): void {
  const presenting = useArchStore((s) => s.presenting);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('presenting', presenting);
    if (presenting) {
      // Not every focusable element can blur, and Safari on an iPhone has no element full screen.
      (document.activeElement as Partial<HTMLElement> | null)?.blur?.();
      if (!document.fullscreenElement)
        (root as Partial<Pick<HTMLElement, 'requestFullscreen'>>)
          .requestFullscreen?.()
          .catch(() => undefined);
    } else if (document.fullscreenElement) {
      (document as Partial<Pick<Document, 'exitFullscreen'>>).exitFullscreen?.().catch(() => undefined);
    }
    const onChange = () => {
      if (!document.fullscreenElement && useArchStore.getState().presenting)
        useArchStore.getState().setPresenting(false);
    };
    if (presenting) document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [presenting]);
}
