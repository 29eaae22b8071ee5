import { useEffect, useRef, useState } from 'react';

/**
 * The value, updated at most once per `ms` of wall time (the latest value always arrives in the end).
 * Charts are costly to draw; the run produces data faster than anyone reads a chart. With `ms` 0 the
 * value is passed through as it comes, in the same render (not one task and one render later).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  // Kept up to date while passing through, so that throttling, once it begins, starts from the value shown.
  if (ms <= 0 && shown !== value) setShown(value);
  useEffect(() => {
    if (ms <= 0) return;
    const wait = Math.max(0, lastShown.current + ms - performance.now());
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms <= 0 ? value : shown;
}
