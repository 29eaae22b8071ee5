/**
 * Seeded random streams. Every source of randomness in a run (a client's arrivals, a node's service
 * times, an edge's latency) has its own stream derived from the run's seed and the stream's name, so a
 * change to one node does not shift the random numbers of another, and a run never reads Math.random.
 */

/** sfc32: a small, fast generator with 128 bits of state, good enough for simulation. */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, name: string) {
    const h = hashString(name);
    this.a = splitmix32(seed ^ 0x9e3779b9);
    this.b = splitmix32(h);
    this.c = splitmix32(this.a ^ this.b ^ 0x85ebca6b);
    this.d = 1;
    // Discard the first outputs: nearby seeds start from nearby states.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform number in (0, 1]: safe to take the logarithm of. */
  nextOpenZero(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }
}

/** Mixes a 32-bit integer into a well-spread 32-bit integer (splitmix32 finaliser). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** FNV-1a hash of a string, for naming streams. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
