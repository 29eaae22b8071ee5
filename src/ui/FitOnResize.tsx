import { useReactFlow, useStore, type FitViewOptions, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

const selectSize = (s: ReactFlowState) => `${Math.round(s.width)}x${Math.round(s.height)}`;

/**
 * Fits the graph to the canvas again whenever the canvas changes size (a side panel opens, the window
 * resizes). `options` must be a stable (module-level) object.
 */
export function FitOnResize({ options }: { readonly options: FitViewOptions }) {
  const size = useStore(selectSize);
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView(options));
    return () => cancelAnimationFrame(frame);
  }, [size, fitView, options]);
  return null;
}
