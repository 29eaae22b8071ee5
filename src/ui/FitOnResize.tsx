import {
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type FitViewOptions,
  type InternalNode,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import { useEffect } from 'react';
import { CANVAS_HEADER_CLASS } from './CanvasHeader';

const selectSize = (s: ReactFlowState) => `${Math.round(s.width)}x${Math.round(s.height)}`;

/** Room kept between the canvas header and the graph fitted below it (pixels). */
const BELOW_HEADER_PX = 16;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether any node, drawn with viewport `v`, covers `box` (pixels of the canvas). */
function anyNodeCovers(nodes: Iterable<InternalNode>, v: Viewport, box: Box): boolean {
  for (const node of nodes) {
    const left = node.internals.positionAbsolute.x * v.zoom + v.x;
    const top = node.internals.positionAbsolute.y * v.zoom + v.y;
    const right = left + (node.measured.width ?? 0) * v.zoom;
    const bottom = top + (node.measured.height ?? 0) * v.zoom;
    if (left < box.x + box.width && right > box.x && top < box.y + box.height && bottom > box.y) return true;
  }
  return false;
}

/**
 * Fits the graph to the canvas whenever the canvas changes size (a side panel opens, the window
 * resizes) or its nodes are first measured. When the fitted graph would lie under the canvas header
 * (the document's name and the run totals, top left), it is fitted again below it: most layouts leave
 * that corner free and keep their full size, the others start clear of it. `options` must be a stable
 * (module-level) object.
 */
export function FitOnResize({ options }: { readonly options: FitViewOptions }) {
  const size = useStore(selectSize);
  const measured = useNodesInitialized();
  const { fitView, getViewport } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (!measured) return;
    const frame = requestAnimationFrame(() => {
      void fitView(options).then(() => {
        const { domNode, nodeLookup } = store.getState();
        const header = domNode?.querySelector<HTMLElement>(`.${CANVAS_HEADER_CLASS}`);
        if (!header) return;
        const box = {
          x: header.offsetLeft,
          y: header.offsetTop,
          width: header.offsetWidth,
          height: header.offsetHeight,
        };
        if (!anyNodeCovers(nodeLookup.values(), getViewport(), box)) return;
        void fitView({
          ...options,
          padding: { top: `${box.y + box.height + BELOW_HEADER_PX}px`, bottom: '5%', x: '5%' },
        });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [size, measured, fitView, getViewport, store, options]);
  return null;
}
