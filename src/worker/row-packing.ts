import type { SecondRow } from '../sim/results';

/**
 * Per-second rows as one flat Float64Array instead of an object per row, node and edge (README "Speed").
 * At speed Max the worker closes a thousand or more simulated seconds per wall second; as objects each
 * batch of them was thousands of objects for the page to copy out of the message, keep and collect.
 * Packed, a batch's rows are one buffer handed over without a copy (a transferable), and the page turns
 * into objects only the rows it keeps.
 *
 * A shape lists the keys of a row in the order the engine wrote them, so that unpacking gives objects
 * equal to the engine's, key order included (an export or report lists them in that order). Every value
 * of a row is a finite number (src/sim/results.ts); a key a row lacks is packed as NaN.
 */
export interface RowShape {
  /** Keys of `total`, in order. */
  readonly total: readonly string[];
  /** Each node's id and its keys in order, `errorsByCause` standing for the causes' keys below. */
  readonly nodes: readonly (readonly [id: string, keys: readonly string[]])[];
  /** Keys of a node's `errorsByCause`, in order. */
  readonly causes: readonly string[];
  /** Each edge's id and its keys in order. */
  readonly edges: readonly (readonly [id: string, keys: readonly string[]])[];
}

/** Rows of one shape: `count` rows of `width` numbers each, `t` first. */
export interface PackedRows {
  readonly shape: RowShape;
  readonly width: number;
  readonly count: number;
  readonly data: Float64Array<ArrayBuffer>;
}

const CAUSES = 'errorsByCause';

type NumberRecord = Readonly<Record<string, number>>;
type LooseRow = {
  readonly t: number;
  readonly total: NumberRecord;
  readonly nodes: Readonly<Record<string, Readonly<Record<string, number | NumberRecord>>>>;
  readonly edges: Readonly<Record<string, NumberRecord>>;
};

const loose = (row: SecondRow): LooseRow => row as unknown as LooseRow;

function shapeOf(row: SecondRow): RowShape {
  const r = loose(row);
  let causes: readonly string[] = [];
  const nodes = Object.entries(r.nodes).map(([id, node]) => {
    const keys = Object.keys(node);
    const byCause = node[CAUSES];
    if (typeof byCause === 'object' && causes.length === 0) causes = Object.keys(byCause);
    return [id, keys] as const;
  });
  return {
    total: Object.keys(r.total),
    nodes,
    causes,
    edges: Object.entries(r.edges).map(([id, edge]) => [id, Object.keys(edge)] as const),
  };
}

/** Numbers per row of a shape. */
export function widthOf(shape: RowShape): number {
  let width = 1 + shape.total.length;
  for (const [, keys] of shape.nodes)
    for (const key of keys) width += key === CAUSES ? shape.causes.length : 1;
  for (const [, keys] of shape.edges) width += keys.length;
  return width;
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, i) => b[i] === key);

/** Whether `row` has exactly the keys of `shape`, in its order. */
function fits(row: SecondRow, shape: RowShape): boolean {
  const r = loose(row);
  if (!sameKeys(Object.keys(r.total), shape.total)) return false;
  const nodeIds = Object.keys(r.nodes);
  if (nodeIds.length !== shape.nodes.length) return false;
  for (let i = 0; i < nodeIds.length; i++) {
    const [id, keys] = shape.nodes[i] as RowShape['nodes'][number];
    const node = r.nodes[id];
    if (nodeIds[i] !== id || !node || !sameKeys(Object.keys(node), keys)) return false;
    const byCause = node[CAUSES];
    if (typeof byCause === 'object' && !sameKeys(Object.keys(byCause), shape.causes)) return false;
  }
  const edgeIds = Object.keys(r.edges);
  if (edgeIds.length !== shape.edges.length) return false;
  for (let i = 0; i < edgeIds.length; i++) {
    const [id, keys] = shape.edges[i] as RowShape['edges'][number];
    const edge = r.edges[id];
    if (edgeIds[i] !== id || !edge || !sameKeys(Object.keys(edge), keys)) return false;
  }
  return true;
}

function write(row: SecondRow, shape: RowShape, data: Float64Array, at: number): void {
  const r = loose(row);
  let i = at;
  data[i++] = r.t;
  for (const key of shape.total) data[i++] = r.total[key] ?? NaN;
  for (const [id, keys] of shape.nodes) {
    const node = r.nodes[id];
    for (const key of keys) {
      const value = node?.[key];
      if (key !== CAUSES) data[i++] = typeof value === 'number' ? value : NaN;
      else
        for (const cause of shape.causes) data[i++] = typeof value === 'object' ? (value[cause] ?? NaN) : NaN;
    }
  }
  for (const [id, keys] of shape.edges) {
    const edge = r.edges[id];
    for (const key of keys) data[i++] = edge?.[key] ?? NaN;
  }
}

/**
 * Packs rows, in order, into runs of one shape each: one run for the rows of one document (its shape
 * does not change during a run), a new run where a row's keys differ from the one before.
 */
export function packRows(rows: readonly SecondRow[]): PackedRows[] {
  const packed: PackedRows[] = [];
  let from = 0;
  while (from < rows.length) {
    const shape = shapeOf(rows[from] as SecondRow);
    let to = from + 1;
    while (to < rows.length && fits(rows[to] as SecondRow, shape)) to++;
    const width = widthOf(shape);
    const data = new Float64Array(width * (to - from));
    for (let i = from; i < to; i++) write(rows[i] as SecondRow, shape, data, (i - from) * width);
    packed.push({ shape, width, count: to - from, data });
    from = to;
  }
  return packed;
}

/** The number of rows in packed runs. */
export const countOf = (runs: readonly PackedRows[]): number => runs.reduce((n, run) => n + run.count, 0);

/** Row `index` of a packed run as the engine's object (keys packed as NaN left out). */
export function unpackRow(run: PackedRows, index: number): SecondRow {
  const { shape, data } = run;
  let i = index * run.width;
  const t = data[i++] as number;
  const total: Record<string, number> = {};
  for (const key of shape.total) {
    const value = data[i++] as number;
    if (!Number.isNaN(value)) total[key] = value;
  }
  const nodes: Record<string, Record<string, number | Record<string, number>>> = {};
  for (const [id, keys] of shape.nodes) {
    const node: Record<string, number | Record<string, number>> = {};
    for (const key of keys) {
      if (key === CAUSES) {
        const byCause: Record<string, number> = {};
        for (const cause of shape.causes) {
          const value = data[i++] as number;
          if (!Number.isNaN(value)) byCause[cause] = value;
        }
        node[key] = byCause;
        continue;
      }
      const value = data[i++] as number;
      if (!Number.isNaN(value)) node[key] = value;
    }
    nodes[id] = node;
  }
  const edges: Record<string, Record<string, number>> = {};
  for (const [id, keys] of shape.edges) {
    const edge: Record<string, number> = {};
    for (const key of keys) {
      const value = data[i++] as number;
      if (!Number.isNaN(value)) edge[key] = value;
    }
    edges[id] = edge;
  }
  return { t, total, nodes, edges } as unknown as SecondRow;
}

/** The last `limit` rows of packed runs (all when there are fewer), unpacked, in order. */
export function unpackLast(runs: readonly PackedRows[], limit = Infinity): SecondRow[] {
  let skip = Math.max(0, countOf(runs) - limit);
  const rows: SecondRow[] = [];
  for (const run of runs) {
    const first = Math.min(run.count, skip);
    skip -= first;
    for (let i = first; i < run.count; i++) rows.push(unpackRow(run, i));
  }
  return rows;
}

/** Which keys of a row to keep (see {@link keepKeys}); `t` is always kept. */
export interface RowKeys {
  readonly total: readonly string[];
  readonly node: readonly string[];
  readonly causes: readonly string[];
}

/**
 * The same rows with only the keys in `keep` (and none of the edges'): a smaller copy for a log that
 * needs only some figures. The kept keys stay in the engine's order.
 */
export function keepKeys(run: PackedRows, keep: RowKeys): PackedRows {
  const { shape } = run;
  const columns: number[] = [0];
  let column = 1;
  const total = shape.total.filter((key) => {
    if (keep.total.includes(key)) columns.push(column);
    column++;
    return keep.total.includes(key);
  });
  const causes = shape.causes.filter((cause) => keep.causes.includes(cause));
  const nodes = shape.nodes.map(([id, keys]) => {
    const kept: string[] = [];
    for (const key of keys) {
      if (key === CAUSES) {
        if (causes.length) kept.push(key);
        for (const cause of shape.causes) {
          if (keep.causes.includes(cause)) columns.push(column);
          column++;
        }
        continue;
      }
      if (keep.node.includes(key)) {
        kept.push(key);
        columns.push(column);
      }
      column++;
    }
    return [id, kept] as const;
  });
  const width = columns.length;
  const data = new Float64Array(width * run.count);
  for (let r = 0; r < run.count; r++) {
    const from = r * run.width;
    const to = r * width;
    for (let c = 0; c < width; c++) data[to + c] = run.data[from + (columns[c] as number)] as number;
  }
  return { shape: { total, nodes, causes, edges: [] }, width, count: run.count, data };
}
