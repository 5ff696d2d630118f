/** Bit helpers on 32-bit masks (qubit q ↔ bit q). */

/** The number of set bits of a 32-bit mask. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** 1 when a 32-bit mask has an odd number of set bits, else 0: the sign bit of (−1)^{|x|}. */
export function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}
