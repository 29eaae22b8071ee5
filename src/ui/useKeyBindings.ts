import { useEffect } from 'react';
import { appKeymap, type KeyBinding } from './keymap';

let registrations = 0;
const onKeyDown = (event: KeyboardEvent) => {
  appKeymap.handle(event);
};

/**
 * Registers bindings in the app's keymap while the component is mounted. The first registration adds
 * the keymap's one window listener and the last removal takes it away. It listens in the capture phase,
 * so that a binding that stops the press (presenter keys) is decided before React Flow's own keys.
 * `bindings` should be a module-level constant: a new array registers again.
 */
export function useKeyBindings(bindings: readonly KeyBinding[], priority = 0): void {
  useEffect(() => {
    const unregister = appKeymap.register(bindings, priority);
    if (registrations++ === 0) window.addEventListener('keydown', onKeyDown, true);
    return () => {
      unregister();
      if (--registrations === 0) window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [bindings, priority]);
}
