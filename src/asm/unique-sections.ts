// `.section NAME, "flags", @type[, GROUP, comdat], unique, ID`: GNU makes a section of its own for
// each ID (and group), all named NAME in the object (measured on GNU as 2.40: three `.text`
// headers for `.text` and `.text,...,unique,1/2`, each COMDAT group listing its own). x86lab keys
// sections by name, so such a section is kept under NAME + SEPARATOR + ID (+ group), and the ELF
// writer writes NAME alone (elfSectionName).

import type { DirArg } from './ast.js';
import type { Tok } from './lexer.js';

const SEPARATOR = '\u0001';

/** The key the section is kept under: its name, or the name with its unique ID (and group). */
export function uniqueSectionKey(name: string, args: readonly DirArg[], toks: readonly Tok[], value: (a: DirArg) => bigint): string {
  const at = args.findIndex((a, i) => i >= 3 && a.k === 'sym' && toks[a.t].value === 'unique');
  if (at < 0 || !args[at + 1]) return name;
  const id = value(args[at + 1]);
  const f = args[1];
  const flags = f?.k === 'str' ? toks[f.t].value : '';
  let group = '';
  if (flags.includes('G')) {
    for (let i = 3; i < at && !group; i++) {
      const a = args[i];
      if (a.k === 'sym' && toks[a.t].value !== 'comdat') group = SEPARATOR + toks[a.t].value;
    }
  }
  return `${name}${SEPARATOR}${id}${group}`;
}

/** The name a section has in the object. */
export function elfSectionName(key: string): string {
  const i = key.indexOf(SEPARATOR);
  return i < 0 ? key : key.slice(0, i);
}
