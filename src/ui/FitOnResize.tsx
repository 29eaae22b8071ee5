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
import { useArchStore } from '../store/store';
import { CANVAS_HEADER_CLASS } from './CanvasHeader';
import { PRESENTER_CAPTION_CLASS } from './presenter/PresenterCaption';

const selectSize = (s: ReactFlowState) => `${Math.round(s.width)}x${Math.round(s.height)}`;

/** Room kept between the canvas header and the graph fitted below it (pixels). */
const BELOW_HEADER_PX = 16;
/** Room kept between the graph and the presenter's caption band under it (pixels). */
const ABOVE_CAPTION_PX = 12;

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

/** An element's box in the canvas (header and caption are both placed in React Flow's own element). */
function boxOf(element: HTMLElement | null | undefined): Box | null {
  if (!element) return null;
  return {
    x: element.offsetLeft,
    y: element.offsetTop,
    width: element.offsetWidth,
    height: element.offsetHeight,
  };
}

/**
 * The things drawn over the graph that it must stay clear of: the header (top), the caption band
 * (bottom, presenting) and the zoom buttons (bottom right).
 */
function overlaysOf(domNode: HTMLElement | null) {
  return {
    header: boxOf(domNode?.querySelector<HTMLElement>(`.${CANVAS_HEADER_CLASS}`)),
    caption: boxOf(domNode?.querySelector<HTMLElement>(`.${PRESENTER_CAPTION_CLASS}`)),
    controls: boxOf(domNode?.querySelector<HTMLElement>('.react-flow__controls')),
    width: domNode?.clientWidth ?? 0,
    height: domNode?.clientHeight ?? 0,
  };
}

/** Height of the badge a node can carry under its box (pixels; not part of its measured size). */
const BADGE_PX = 20;
/** Room kept between the graph and the zoom buttons at its right (pixels). */
const BESIDE_CONTROLS_PX = 8;

/** Fit padding that keeps the graph clear of the overlays present: below the header, above the caption, left of the zoom buttons. */
function paddingClearOf({
  header,
  caption,
  controls,
  width,
  height,
}: ReturnType<typeof overlaysOf>): NonNullable<FitViewOptions['padding']> {
  return {
    top: header ? `${header.y + header.height + BELOW_HEADER_PX}px` : '5%',
    // Below, room for the badge some nodes hang under their box (a limiter's "limit 1000 at once").
    bottom: `${(caption ? height - caption.y + ABOVE_CAPTION_PX : height * 0.05) + BADGE_PX}px`,
    left: '5%',
    right: controls ? `${width - controls.x + BESIDE_CONTROLS_PX}px` : '5%',
  };
}

/**
 * Fits the graph to the canvas whenever the canvas changes size (a side panel opens, the window
 * resizes), its nodes are first measured, or presenter mode starts or ends. When the fitted graph would
 * lie under the canvas header (the document's name and the run totals, top left), the zoom buttons
 * (bottom right) or, presenting, the caption band at the bottom, it is fitted again clear of them: most layouts leave those places free
 * and keep their full size, the others start clear of them. A caption taller than its band (a long one,
 * on two lines) moves the graph up only if it would cover a node. `options` must be a stable
 * (module-level) object.
 */
export function FitOnResize({ options }: { readonly options: FitViewOptions }) {
  const size = useStore(selectSize);
  const measured = useNodesInitialized();
  const presenting = useArchStore((s) => s.presenting);
  const captionId = useArchStore((s) => s.caption?.id ?? 0);
  const { fitView, getViewport } = useReactFlow();
  const store = useStoreApi();

  useEffect(() => {
    if (!measured) return;
    /** Fits again clear of the overlays when the graph, as drawn now, lies under one of them. */
    const keepClear = () => {
      const { domNode, nodeLookup } = store.getState();
      const overlays = overlaysOf(domNode);
      const covered = [overlays.header, overlays.caption, overlays.controls].some(
        (box) => box !== null && anyNodeCovers(nodeLookup.values(), getViewport(), box),
      );
      if (covered) void fitView({ ...options, padding: paddingClearOf(overlays) });
    };
    const frame = requestAnimationFrame(() => void fitView(options).then(keepClear));
    return () => cancelAnimationFrame(frame);
  }, [size, measured, presenting, fitView, getViewport, store, options]);

  // A new caption keeps the user's zoom unless it is taller than its band and would cover a node.
  useEffect(() => {
    if (!measured || captionId === 0) return;
    const frame = requestAnimationFrame(() => {
      const { domNode, nodeLookup } = store.getState();
      const overlays = overlaysOf(domNode);
      if (overlays.caption && anyNodeCovers(nodeLookup.values(), getViewport(), overlays.caption))
        void fitView({ ...options, padding: paddingClearOf(overlays) });
    });
    return () => cancelAnimationFrame(frame);
  }, [captionId, measured, fitView, getViewport, store, options]);
  return null;
}
