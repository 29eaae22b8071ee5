/**
 * Branded index types of the engine. Nodes, edges and calls are all numbered from 0 and live in typed
 * arrays, so a node index passed where an edge index belongs would silently read another record; the
 * brands make that a compile error. They cost nothing at run time: each is a plain number.
 */
declare const brand: unique symbol;

/** A node's position in the compiled topology (the document's node order). */
export type NodeIx = number & { readonly [brand]: 'NodeIx' };
/** An edge's position in the compiled topology (the document's edge order, dangling edges dropped). */
export type EdgeIx = number & { readonly [brand]: 'EdgeIx' };
/** A slot of the call pool: one hop of a request in flight (see call-pool.ts). */
export type CallIx = number & { readonly [brand]: 'CallIx' };

/** No such edge: no target is eligible, or a call that did not travel over one (a root). */
export const NO_EDGE = -1 as EdgeIx;
/** No such call: the parent of a root or of a queue's delivery. */
export const NO_CALL = -1 as CallIx;
/** No such node: a session with no home, a server with no session store. */
export const NO_NODE = -1 as NodeIx;

/** An Int32Array holding indices of one kind: reads give that index type, writes require it. */
export interface IxArray<Ix extends number> extends Int32Array<ArrayBuffer> {
  [index: number]: Ix;
  [Symbol.iterator](): ArrayIterator<Ix>;
}

/** A zero-filled array of `length` indices. */
export function ixArray<Ix extends number>(length: number): IxArray<Ix> {
  return new Int32Array(length) as IxArray<Ix>;
}

/** An array of the given indices. */
export function ixArrayOf<Ix extends number>(values: readonly Ix[]): IxArray<Ix> {
  return Int32Array.from(values) as IxArray<Ix>;
}
