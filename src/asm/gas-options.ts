// GNU as command-line options beyond mode, include path and --defsym: the machine options that
// change the object (-march, -mtune, -O, ...) and the ones GNU as accepts and x86lab honours by
// doing nothing (they only change diagnostics). Parsed here, once, for both `x86lab as` and
// scripts/gas-suite.ts; an option this module does not know is for the caller to reject.

/** What the options below set; every field absent means GNU as's default. */
export interface GasOptions {
  /** --strip-local-absolute: local symbols with absolute values stay out of the symbol table. */
  readonly stripLocalAbsolute?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Options GNU as takes that leave the object as it is (warnings and messages only). */
const IGNORED: readonly RegExp[] = [
  /^-J$/, // no signed-overflow warnings
  /^--warn$/, /^--no-warn$/, /^-W$/, /^--fatal-warnings$/,
];

/**
 * Applies one GNU as option (`-march=...`, `-O2`, ...) to `o`. Returns false for an option this
 * module does not know, leaving `o` untouched.
 */
export function applyGasOption(o: Mutable<GasOptions>, arg: string): boolean {
  if (IGNORED.some((r) => r.test(arg))) return true;
  if (arg === '--strip-local-absolute') { o.stripLocalAbsolute = true; return true; }
  return false;
}

export type { Mutable as MutableGasOptions };

/** The options that act on the finished assembly (the symbol table GNU writes). */
export function afterAssembly<R extends { readonly symbols: readonly { readonly section: string; readonly binding: string }[] }>(r: R, o: GasOptions | undefined): R {
  if (!o?.stripLocalAbsolute) return r;
  return { ...r, symbols: r.symbols.filter((s) => !(s.section === '*ABS*' && s.binding === 'local')) };
}
