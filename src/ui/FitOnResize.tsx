import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

const selectSize = (s: ReactFlowState) => `${Math.round(s.width)}x${Math.round(s.height)}`;

/** Fits the graph to the canvas again whenever the canvas changes size (a side panel opens, the window resizes). */
export function FitOnResize({ padding, maxZoom }: { readonly padding: number; readonly maxZoom: number }) {
  const size = useStore(selectSize);
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ padding, maxZoom }));
    return () => cancelAnimationFrame(frame);
  }, [size, fitView, padding, maxZoom]);
  return null;
}
