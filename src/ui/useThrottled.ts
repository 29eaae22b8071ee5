import { useEffect, useRef, useState } from 'react';

/**
 * The value, updated at most once per `ms` of wall time (the latest value always arrives in the end).
 * Charts are costly to draw; the run produces data faster than anyone reads a chart.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, lastShown.current + ms - performance.now());
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
