import type { NodeShape } from '../model/types';

/** Mermaid vertex types (classic brackets and `@{ shape: … }` names) → the shapes a document keeps. */
const SHAPES: Readonly<Record<string, NodeShape>> = Object.assign(
  Object.create(null) as Record<string, NodeShape>,
  {
    round: 'round',
    rounded: 'round',
    event: 'round',
    ellipse: 'round',
    stadium: 'stadium',
    pill: 'stadium',
    terminal: 'stadium',
    subroutine: 'subroutine',
    'fr-rect': 'subroutine',
    subprocess: 'subroutine',
    subproc: 'subroutine',
    'framed-rectangle': 'subroutine',
    cylinder: 'cylinder',
    cyl: 'cylinder',
    database: 'cylinder',
    db: 'cylinder',
    das: 'cylinder',
    'h-cyl': 'cylinder',
    'horizontal-cylinder': 'cylinder',
    'lin-cyl': 'cylinder',
    disk: 'cylinder',
    circle: 'circle',
    circ: 'circle',
    diamond: 'rhombus',
    diam: 'rhombus',
    decision: 'rhombus',
    question: 'rhombus',
    hexagon: 'hexagon',
    hex: 'hexagon',
    prepare: 'hexagon',
    odd: 'odd',
    lean_right: 'parallelogram',
    lean_left: 'parallelogram',
    'lean-r': 'parallelogram',
    'lean-l': 'parallelogram',
    'in-out': 'parallelogram',
    'out-in': 'parallelogram',
    trapezoid: 'trapezoid',
    inv_trapezoid: 'trapezoid',
    'trap-b': 'trapezoid',
    'trap-t': 'trapezoid',
    priority: 'trapezoid',
    manual: 'trapezoid',
    doublecircle: 'doublecircle',
    'dbl-circ': 'doublecircle',
    'double-circle': 'doublecircle',
  },
);

export function shapeOf(type: string | undefined): NodeShape | undefined {
  return type === undefined ? undefined : SHAPES[type];
}

/** The vertex type each canvas shape is drawn with by default (classic brackets). */
const DEFAULT_TYPE: { readonly [S in NodeShape]: string } = {
  rect: 'square',
  round: 'round',
  stadium: 'stadium',
  subroutine: 'subroutine',
  cylinder: 'cylinder',
  circle: 'circle',
  rhombus: 'diamond',
  hexagon: 'hexagon',
  odd: 'odd',
  parallelogram: 'lean_right',
  trapezoid: 'trapezoid',
  doublecircle: 'doublecircle',
};

/** Brackets of the classic vertex types; every other type is written as `@{ shape: … }`. */
export const CLASSIC_BRACKETS: Readonly<Record<string, readonly [string, string]>> = Object.assign(
  Object.create(null) as Record<string, readonly [string, string]>,
  {
    square: ['[', ']'],
    round: ['(', ')'],
    stadium: ['([', '])'],
    subroutine: ['[[', ']]'],
    cylinder: ['[(', ')]'],
    circle: ['((', '))'],
    diamond: ['{', '}'],
    hexagon: ['{{', '}}'],
    odd: ['>', ']'],
    lean_right: ['[/', '/]'],
    lean_left: ['[\\', '\\]'],
    trapezoid: ['[/', '\\]'],
    inv_trapezoid: ['[\\', '/]'],
    doublecircle: ['(((', ')))'],
    ellipse: ['(-', '-)'],
  },
);

/** The exact vertex type to keep beside the canvas shape, when the shape alone would draw another one. */
export function mermaidShapeOf(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  return type === DEFAULT_TYPE[shapeOf(type) ?? 'rect'] ? undefined : type;
}

/**
 * The vertex type to write for a node: its kept Mermaid shape while that still matches its canvas shape
 * (the shape was not changed since), else the canvas shape's own brackets.
 */
export function vertexTypeOf(shape: NodeShape | undefined, mermaidShape: string | undefined): string {
  if (mermaidShape !== undefined && shapeOf(mermaidShape) === shape) return mermaidShape;
  return DEFAULT_TYPE[shape ?? 'rect'];
}
