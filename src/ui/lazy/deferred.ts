import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component that lives in its own chunk, fetched when it is first needed (or earlier, by
 * {@link Deferred.preload} on hover, focus or idle time). The first screen's chunk stays small; see
 * README "Speed" for the budget and for which parts are deferred.
 */
export interface Deferred<P extends object> {
  /** Render inside a `<Suspense>` (its fallback shows while the chunk arrives). */
  readonly Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts fetching the chunk (once); resolves when it has arrived, or failed (the render then retries). */
  preload(): Promise<void>;
  /** Whether the chunk has arrived, so an opener can show a busy state only when it has to wait. */
  readonly loaded: boolean;
}

/** Defers `load`, a dynamic `import()` that picks the component out of its module. */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let loaded = false;
  const fetchOnce = () =>
    (pending ??= load().then(
      (component) => {
        loaded = true;
        return component;
      },
      (cause: unknown) => {
        // A failed fetch (offline for a moment) is tried again on the next use.
        pending = null;
        throw cause;
      },
    ));
  return {
    Component: lazy(() => fetchOnce().then((component) => ({ default: component }))),
    preload: () =>
      fetchOnce().then(
        () => undefined,
        () => undefined,
      ),
    get loaded() {
      return loaded;
    },
  };
}

/** Runs `task` when the browser is idle (or after `timeoutMs` at the latest); returns a cancel function. */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
