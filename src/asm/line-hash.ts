// The line cache's hash (state.ts): FNV-1a over a line's UTF-16 code units. The file splitter
// (lines.ts) computes it while it reads the file, over the file's own flat string, which costs far
// less than hashing the sliced line string later (a Map keyed by the line strings spent ~12% of a
// large file's time hashing and probing; bench/asm.bench.mjs's input).

/** The hash of text[from, to); never 0 (0 stands for "not computed"). */
export function lineHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}
