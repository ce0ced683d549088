// Symbols: labels (a position in a section), equated symbols (`.set`, `=`, `.equ`, `.equiv`)
// and symbols only referenced so far (undefined; the linker's business if they stay so).
// Numeric local labels `1:` get GNU's internal names `.L1\x02<instance>`.

import type { SrcLoc } from './errors.js';
import type { Mark, Section } from './sections.js';

/** A relocatable value: `sym - minus + add`; absolute when neither symbol is present. */
export interface Val {
  readonly add: bigint;
  readonly sym?: Sym;
  readonly minus?: Sym;
  /** Relocation specifier written after the symbol (`foo@PLT` -> 'plt'). */
  readonly spec?: string;
  /** Read from a symbol equated to `ext + N` (ext undefined then), written bare: GNU chose a branch's
   *  relocation from that undefined symbol with no addend (PLT32). Dropped by any offset. */
  readonly bareEquate?: boolean;
}

export type SymDef =
  | { readonly kind: 'label'; readonly sec: Section; readonly mark: Mark }
  | { readonly kind: 'equ'; readonly value: Val };

export type Binding = 'local' | 'global' | 'weak';

export interface Sym {
  readonly name: string;
  def?: SymDef;
  binding: Binding;
  /** `.type` as written (function, object, ...). */
  type?: string;
  size?: Val;
  visibility?: 'hidden' | 'protected' | 'internal';
  /** `.equiv`/`.eqv`: may not be redefined. */
  equiv?: boolean;
  /** Defined by `.set`/`=`/`.equ`: may be redefined. */
  settable?: boolean;
  /** `.comm`: a common symbol (ELF SHN_COMMON) the linker allocates. */
  common?: { readonly size: bigint; readonly align: bigint };
  /** Named by `.local`: a later `.comm` allocates it in .bss like `.lcomm`. */
  localDir?: boolean;
  /** Statement count when the symbol was created (see SymbolTable.epoch). */
  readonly born?: number;
  /** Where GNU's listing places an equate: the statement that created it by defining it; null
   *  when it existed before its first definition (a forward reference, `.globl`). */
  listLoc?: SrcLoc | null;
  /** Named in an expression itself, not through an alias (a `.weakref` target then stays strong). */
  direct?: boolean;
  /** Equated to a symbol not yet defined then: takes its type and size at the end (alias-attrs.ts). */
  lateAlias?: boolean;
  /** Internal (`.` positions): never listed. */
  temp?: boolean;
  loc?: SrcLoc;
  /** Order of first appearance, for output. */
  readonly seq: number;
  /** A `.L` symbol joins GNU's symbol chain only when `.type`/`.size` make it a full symbol: there. */
  chainSeq?: number;
}

export const ABS: Val = Object.freeze({ add: 0n });

/**
 * A new symbol with every field present (undefined until set), in one order: all symbols then share
 * one object shape, and the code reading them (a few times per line of a large file) is optimized
 * once for it, instead of meeting a new shape whenever a symbol gains a field and deoptimizing.
 * (A class, not a literal: docs/asm-cold-start.md, long-lived records.)
 */
export function newSym(name: string, seq: number, born: number | undefined, temp?: boolean, def?: SymDef): Sym {
  return new SymRecord(name, seq, born, temp, def);
}

class SymRecord implements Sym {
  binding: Binding = 'local';
  type: string | undefined = undefined;
  size: Val | undefined = undefined;
  visibility: 'hidden' | 'protected' | 'internal' | undefined = undefined;
  equiv: boolean | undefined = undefined;
  settable: boolean | undefined = undefined;
  common: { readonly size: bigint; readonly align: bigint } | undefined = undefined;
  localDir: boolean | undefined = undefined;
  listLoc: SrcLoc | null | undefined = undefined;
  direct: boolean | undefined = undefined;
  lateAlias: boolean | undefined = undefined;
  loc: SrcLoc | undefined = undefined;
  chainSeq: number | undefined = undefined;
  constructor(readonly name: string, readonly seq: number, readonly born: number | undefined, readonly temp: boolean | undefined, public def: SymDef | undefined) {}
}

export class SymbolTable {
  private readonly map = new Map<string, Sym>();
  private readonly fbCount = new Map<string, number>();
  private seq = 0;
  /** Counts statements (the assembler bumps it per statement), to tell a symbol its own statement created. */
  epoch = 0;
  private temps = 0;

  /** Sequence number the next new symbol gets (sections record it to place their section symbol). */
  nextSeq(): number {
    return this.seq++;
  }

  get(name: string): Sym | undefined {
    return this.map.get(name);
  }

  /** Looks a symbol up, creating an undefined one on first reference (as GNU does). */
  ref(name: string): Sym {
    let s = this.map.get(name);
    if (!s) {
      s = newSym(name, this.seq++, this.epoch);
      this.map.set(name, s);
    }
    return s;
  }

  /** A fresh internal label (for `.`), kept out of the listing. */
  temp(sec: Section, mark: Mark): Sym {
    const name = `.L.dot\x01${this.temps++}`;
    const s = newSym(name, this.seq++, undefined, true, { kind: 'label', sec, mark });
    this.map.set(name, s);
    return s;
  }

  /**
   * A frozen local alias (`.set a, global_fn` with `a` local): references read it as a local label
   * at the target's address, as GNU does, and a later `.set a, ...` does not move them.
   */
  alias(value: Val): Sym {
    const name = `.L.alias\x01${this.temps++}`;
    const s = newSym(name, this.seq++, undefined, true, { kind: 'equ', value });
    this.map.set(name, s);
    return s;
  }

  /** Name of the next definition of numeric label `n` (for `nf` and for defining `n:`). */
  fbNext(n: string): string {
    return `.L${n}\x02${(this.fbCount.get(n) ?? 0) + 1}`;
  }

  /** Name of the last definition of numeric label `n` (for `nb`), or undefined if none yet. */
  fbPrev(n: string): string | undefined {
    const c = this.fbCount.get(n);
    return c ? `.L${n}\x02${c}` : undefined;
  }

  /** Defines numeric label `n` here: returns the symbol for the new instance. */
  fbDefine(n: string): Sym {
    const s = this.ref(this.fbNext(n));
    this.fbCount.set(n, (this.fbCount.get(n) ?? 0) + 1);
    return s;
  }

  all(): Sym[] {
    return [...this.map.values()];
  }
}

/** `.L1\x022` -> `1` (instance 2), for messages about numeric labels. */
export function fbParts(name: string): { label: string; instance: string } | undefined {
  const m = /^\.L(\d+)\x02(\d+)$/.exec(name);
  return m ? { label: m[1], instance: m[2] } : undefined;
}

/** How GNU prints a symbol name in messages and listings (numeric labels shown as `.L1^B2`). */
export function displayName(name: string): string {
  return name.replace(/\x02/g, '^B');
}
