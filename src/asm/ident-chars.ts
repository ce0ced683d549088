// Identifier characters as the lexer (lexer.ts) has them: [A-Za-z_.] first, then also [0-9$].
// For the scanners that recognise a statement's shape without lexing it (bare-label.ts, shape-cache.ts).

/** 1 for a character that may start an identifier (ASCII only; index by char code < 128). */
export const ID0 = new Uint8Array(128);
/** 1 for a character that may continue an identifier. */
export const ID = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.]/.test(ch)) ID0[c] = ID[c] = 1;
  if (/[0-9$]/.test(ch)) ID[c] = 1;
}
