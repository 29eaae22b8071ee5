const EMPTY = -1;
/** Absent key. */
export const NO_SLOT = -1;
const INITIAL_BITS = 11;

/**
 * A map from data key (a whole number ≥ 0) to an entry slot, for a keyed cache (README "Keyed
 * caches"): open addressing with linear probing in two typed arrays, at most half full, so that its
 * memory follows the entries held (8 to 16 bytes of table per entry), never the key space (a cache
 * of 10,000 entries over ten million keys holds a table of 32,768 places). Deletion shifts the probe
 * chain back rather than leaving tombstones, so a long run of fills and evictions never slows lookups.
 */
export class KeyIndex {
  private bits = INITIAL_BITS;
  private keys = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
  private slots = new Int32Array(1 << INITIAL_BITS);
  /** Keys held. */
  size = 0;

  /** The slot stored for `key`, or {@link NO_SLOT}. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const held = this.keys[i] as number;
      if (held === key) return this.slots[i] as number;
      if (held === EMPTY) return NO_SLOT;
    }
  }

  /** Stores `slot` for `key`, which the index does not hold yet. */
  set(key: number, slot: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.place(key, slot);
    this.size++;
  }

  /** Forgets `key` (held). */
  delete(key: number): void {
    const keys = this.keys;
    const slots = this.slots;
    const mask = keys.length - 1;
    let hole = this.home(key);
    while (keys[hole] !== key) hole = (hole + 1) & mask;
    // Backward-shift deletion: each later key of the probe run that may sit in the hole moves into it.
    for (let j = (hole + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
      const home = this.home(keys[j] as number);
      // `j`'s key may move back to `hole` unless its home lies cyclically in (hole, j].
      const staysPut = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (staysPut) continue;
      keys[hole] = keys[j] as number;
      slots[hole] = slots[j] as number;
      hole = j;
    }
    keys[hole] = EMPTY;
    this.size--;
  }

  /** Forgets every key, and gives back the memory a large table took. */
  clear(): void {
    this.bits = INITIAL_BITS;
    this.keys = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
    this.slots = new Int32Array(1 << INITIAL_BITS);
    this.size = 0;
  }

  get bytes(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }

  /** Fibonacci hashing: the top bits of key × 2³²/φ, so that neighbouring keys spread over the table. */
  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private place(key: number, slot: number): void {
    const mask = this.keys.length - 1;
    let i = this.home(key);
    while (this.keys[i] !== EMPTY) i = (i + 1) & mask;
    this.keys[i] = key;
    this.slots[i] = slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(EMPTY);
    this.slots = new Int32Array(1 << this.bits);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key !== EMPTY) this.place(key, oldSlots[i] as number);
    }
  }
}
