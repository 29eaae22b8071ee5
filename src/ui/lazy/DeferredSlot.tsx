import { Suspense, useState } from 'react';
import type { Deferred } from './deferred';
import { LoadingNote } from './LoadingNote';

/**
 * Where a deferred part without props goes on the screen: nothing until `shown` is first true, then the
 * part (with a loading note while its chunk arrives). With `keep`, the part stays mounted once shown
 * (it renders nothing while hidden, but keeps its listeners and state); otherwise it is unmounted.
 */
export function DeferredSlot({
  part,
  shown,
  what,
  keep = false,
  block = false,
}: {
  readonly part: Deferred<object>;
  readonly shown: boolean;
  /** Named in the loading note: "Loading <what>…". */
  readonly what: string;
  readonly keep?: boolean;
  /** The loading note takes the part's place (a panel) instead of floating (an overlay). */
  readonly block?: boolean;
}) {
  const [used, setUsed] = useState(shown);
  // Derived state, set while rendering (React's documented pattern): no extra commit.
  if (shown && !used) setUsed(true);
  if (!(keep ? used || shown : shown)) return null;
  return (
    <Suspense fallback={<LoadingNote what={what} block={block} />}>
      <part.Component />
    </Suspense>
  );
}
