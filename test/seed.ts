// Seeds for the live-oracle samples. Fixed by default so a CI run is reproducible (a failure names
// its seed and fails the same way again); set X86LAB_SEED=N to sweep other samples by hand.
export function liveSeed(fallback: number): number {
  const env = process.env.X86LAB_SEED;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : fallback;
}
