import { absentOf, CACHE_PARAMS } from '../model/params';
import type { CacheParams } from '../model/types';
import { KeyIndex, NO_SLOT } from './key-index';
import { RandomStream } from './random';
import type { Topology } from './topology';

/** How a node answers from cache: not at all, by key (an LRU/FIFO store with TTL), or by a drawn hit ratio. */
export const CacheMode = { none: 0, keyed: 1, probabilistic: 2 } as const;

const NONE = -1;
const DEFAULT_SIZE = absentOf(CACHE_PARAMS, 'size');
const DEFAULT_TTL_MS = absentOf(CACHE_PARAMS, 'ttlMs');
const DEFAULT_EVICT = absentOf(CACHE_PARAMS, 'evict');
/** Entry arrays start this small and double: a cache that never fills never pays for its size. */
const INITIAL_ENTRIES = 1024;

/**
 * One keyed cache's entries (README "Keyed caches"): a table from key to entry slot, and the entries in a
 * doubly linked list in recency order (LRU) or insertion order (FIFO), all in typed arrays. Memory
 * follows the entries held, never the key space: 20 bytes per entry plus its place in the key index
 * (8 to 16 bytes; the index starts at 16 KiB), whatever the traffic.
 */
class KeyedStore {
  private readonly slotOf = new KeyIndex();
  private entryKey = new Int32Array(0);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private expires = new Float64Array(0);
  private head = NONE;
  private tail = NONE;
  private freeSlots: number[] = [];
  private used = 0;
  count = 0;

  constructor(
    private readonly keySpace: number,
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly lru: boolean,
  ) {}

  /** Whether `key` is held and fresh; an LRU hit becomes the most recent entry, an expired one is dropped. */
  lookup(key: number, nowMs: number): boolean {
    if (key < 0 || key >= this.keySpace) return false;
    const slot = this.slotOf.get(key);
    if (slot === NO_SLOT) return false;
    if ((this.expires[slot] as number) <= nowMs) {
      this.remove(slot);
      return false;
    }
    if (this.lru) this.toFront(slot);
    return true;
  }

  /** Stores `key` after a successful answer from downstream; returns 1 when an entry was evicted for it. */
  fill(key: number, nowMs: number): number {
    if (key < 0 || key >= this.keySpace || this.capacity < 1) return 0;
    const existing = this.slotOf.get(key);
    if (existing !== NO_SLOT) {
      // Several misses for one key raced to the backend (no request coalescing): the last answer wins.
      this.expires[existing] = nowMs + this.ttlMs;
      if (this.lru) this.toFront(existing);
      return 0;
    }
    let evicted = 0;
    if (this.count >= this.capacity) {
      this.remove(this.tail);
      evicted = 1;
    }
    const slot = this.allocSlot();
    this.entryKey[slot] = key;
    this.expires[slot] = nowMs + this.ttlMs;
    this.slotOf.set(key, slot);
    this.pushFront(slot);
    this.count++;
    return evicted;
  }

  /** Empties the cache (a flush or a crash): every entry is gone. */
  clear(): void {
    this.slotOf.clear();
    this.head = this.tail = NONE;
    this.count = 0;
    this.used = 0;
    this.freeSlots = [];
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.slotOf.bytes + this.entryKey.byteLength * 3 + this.expires.byteLength;
  }

  private allocSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.used === this.entryKey.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = Math.min(this.capacity, Math.max(INITIAL_ENTRIES, this.entryKey.length * 2));
    const int = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    this.entryKey = int(this.entryKey);
    this.prev = int(this.prev);
    this.next = int(this.next);
    const expires = new Float64Array(size);
    expires.set(this.expires);
    this.expires = expires;
  }

  private remove(slot: number): void {
    this.unlink(slot);
    this.slotOf.delete(this.entryKey[slot] as number);
    this.freeSlots.push(slot);
    this.count--;
  }

  private unlink(slot: number): void {
    const before = this.prev[slot] as number;
    const after = this.next[slot] as number;
    if (before === NONE) this.head = after;
    else this.next[before] = after;
    if (after === NONE) this.tail = before;
    else this.prev[after] = before;
  }

  private pushFront(slot: number): void {
    this.prev[slot] = NONE;
    this.next[slot] = this.head;
    if (this.head !== NONE) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail === NONE) this.tail = slot;
  }

  private toFront(slot: number): void {
    if (slot === this.head) return;
    this.unlink(slot);
    this.pushFront(slot);
  }
}

/** A cache's figures over a span: lookups that hit and missed, entries evicted, and entries held at the end. */
export interface CacheFigures {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly entries: number;
}

/**
 * Every cache node's answering from cache (README "Keyed caches"). A cache with keyed requests reaching
 * it, or with `hit=`, answers hits itself; a cache with neither (a session store) is a plain worker node,
 * and the engine never asks this class about it.
 */
export class Caches {
  /** CacheMode per node, decided when the topology is compiled. */
  readonly mode: Int8Array;
  private readonly stores: (KeyedStore | null)[];
  private readonly hitRatio: Float64Array;
  private readonly rng: (RandomStream | null)[];
  private readonly secHits: Float64Array;
  private readonly secMisses: Float64Array;
  private readonly secEvictions: Float64Array;
  private readonly runHits: Float64Array;
  private readonly runMisses: Float64Array;
  private readonly runEvictions: Float64Array;

  constructor(t: Topology, seed: number) {
    const n = t.nodeIds.length;
    this.mode = new Int8Array(n);
    this.hitRatio = new Float64Array(n);
    this.stores = [];
    this.rng = [];
    for (let i = 0; i < n; i++) {
      const params = t.kinds[i] === 'cache' ? (t.params[i] as CacheParams) : null;
      let store: KeyedStore | null = null;
      if (params?.hitRatio !== undefined) {
        this.mode[i] = CacheMode.probabilistic;
        this.hitRatio[i] = params.hitRatio;
      } else if (params && t.keySpace > 0) {
        this.mode[i] = CacheMode.keyed;
        const size = params.size ?? DEFAULT_SIZE;
        store = new KeyedStore(
          t.keySpace,
          Math.min(size, t.keySpace),
          params.ttlMs ?? DEFAULT_TTL_MS,
          (params.evict ?? DEFAULT_EVICT) === 'lru',
        );
      }
      this.stores.push(store);
      this.rng.push(
        this.mode[i] === CacheMode.probabilistic ? new RandomStream(seed, `cache:${t.nodeIds[i]}`) : null,
      );
    }
    this.secHits = new Float64Array(n);
    this.secMisses = new Float64Array(n);
    this.secEvictions = new Float64Array(n);
    this.runHits = new Float64Array(n);
    this.runMisses = new Float64Array(n);
    this.runEvictions = new Float64Array(n);
  }

  /** Whether a request for `key` (-1: none) is answered from the cache at `node`. */
  lookup(node: number, key: number, nowMs: number): boolean {
    const hit =
      this.mode[node] === CacheMode.probabilistic
        ? (this.rng[node] as RandomStream).next() < (this.hitRatio[node] as number)
        : (this.stores[node] as KeyedStore).lookup(key, nowMs);
    if (hit) {
      this.secHits[node] = (this.secHits[node] as number) + 1;
      this.runHits[node] = (this.runHits[node] as number) + 1;
    } else {
      this.secMisses[node] = (this.secMisses[node] as number) + 1;
      this.runMisses[node] = (this.runMisses[node] as number) + 1;
    }
    return hit;
  }

  /** A miss was answered successfully by the cache's downstream nodes: the entry is filled. */
  fill(node: number, key: number, nowMs: number): void {
    const store = this.stores[node];
    if (!store) return;
    const evicted = store.fill(key, nowMs);
    if (evicted > 0) {
      this.secEvictions[node] = (this.secEvictions[node] as number) + evicted;
      this.runEvictions[node] = (this.runEvictions[node] as number) + evicted;
    }
  }

  /** A `flush` step or a crash: the cache forgets every entry. */
  flush(node: number): void {
    this.stores[node]?.clear();
  }

  /** The second's figures of a cache node, then its per-second counters start again. */
  takeSecond(node: number): CacheFigures {
    const figures = {
      hits: this.secHits[node] as number,
      misses: this.secMisses[node] as number,
      evictions: this.secEvictions[node] as number,
      entries: this.stores[node]?.count ?? 0,
    };
    this.secHits[node] = 0;
    this.secMisses[node] = 0;
    this.secEvictions[node] = 0;
    return figures;
  }

  /** Whole-run figures of a cache node (since the warm-up). */
  run(node: number): CacheFigures {
    return {
      hits: this.runHits[node] as number,
      misses: this.runMisses[node] as number,
      evictions: this.runEvictions[node] as number,
      entries: this.stores[node]?.count ?? 0,
    };
  }

  endWarmup(): void {
    this.runHits.fill(0);
    this.runMisses.fill(0);
    this.runEvictions.fill(0);
  }

  /** Bytes held by the keyed stores (the benchmark's bounded-memory figure). */
  get bytes(): number {
    return this.stores.reduce((sum, store) => sum + (store?.bytes ?? 0), 0);
  }
}

/** hits / (hits + misses), 0 when nothing was looked up (never NaN in a chart). */
export function hitRatioOf(figures: CacheFigures): number {
  const lookups = figures.hits + figures.misses;
  return lookups > 0 ? figures.hits / lookups : 0;
}
