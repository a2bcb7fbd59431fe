/**
 * Fixed-size bit sets over equivalence classes, as plain Uint32Arrays so the hot loops stay
 * monomorphic and allocation-free. All sets of one evaluation share one size.
 */
export type Bits = Uint32Array;

export function wordsFor(size: number): number {
  return (size + 31) >>> 5;
}

export function emptyBits(words: number): Bits {
  return new Uint32Array(words);
}

export function fullBits(size: number): Bits {
  const bits = new Uint32Array(wordsFor(size)).fill(0xffffffff);
  const tail = size & 31;
  if (tail !== 0) bits[bits.length - 1] = (1 << tail) - 1;
  return bits;
}

export function hasBit(bits: Bits, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function setBit(bits: Bits, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

export function orInto(target: Bits, source: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] |= source[w];
}

export function andInto(target: Bits, source: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] &= source[w];
}

export function andNotInto(target: Bits, source: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] &= ~source[w];
}

export function intersects(a: Bits, b: Bits): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w] & b[w]) !== 0) return true;
  return false;
}

export function isEmptyBits(bits: Bits): boolean {
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) return false;
  return true;
}

/** Calls `visit` with the index of every set bit, ascending. */
export function forEachBit(bits: Bits, visit: (i: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const low = word & -word;
      visit((w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/** Whether any bit in [from, to) is set. */
export function anyInRange(bits: Bits, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    if ((i & 31) === 0 && i + 32 <= to) {
      if (bits[i >>> 5] !== 0) return true;
      i += 32;
    } else {
      if (hasBit(bits, i)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Sum of `weights[i]` over set bits. `wordWeights[w]` is the sum for a full word, so dense
 * sets cost one addition per 32 classes.
 */
export function weightedCount(bits: Bits, weights: Int32Array, wordWeights: Float64Array): number {
  let total = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    if (word === 0) continue;
    if (word === 0xffffffff) {
      total += wordWeights[w];
      continue;
    }
    while (word !== 0) {
      const low = word & -word;
      total += weights[(w << 5) + (31 - Math.clz32(low))];
      word ^= low;
    }
  }
  return total;
}
