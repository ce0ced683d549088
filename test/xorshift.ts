/** xorshift32: a small seedable generator, the same on every platform, so a failing case reproduces. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

/** xorshift32 with the draws the case generators make: a uniform pick and a chance of p. */
export function randomDraws(seed: number): { next: () => number; pick: <T>(a: readonly T[]) => T; chance: (p: number) => boolean } {
  const next = xorshift32(seed);
  return { next, pick: (a) => a[next() % a.length], chance: (p) => next() % 1000 < p * 1000 };
}
