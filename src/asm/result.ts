// What one assembly produces: laid-out sections, symbols, the relocations GNU as would leave to
// the linker, a per-line listing and the diagnostics. The output stage (src/output/) renders it
// as raw bytes or JSON today, as an ELF object or a GNU `-a` listing later.

import type { Diagnostic } from './errors.js';
import type { Binding } from './symbols.js';

export interface SectionOut {
  readonly name: string;
  /** ELF section flag letters (a, w, x, M, S, G, T, ...). */
  readonly flags: string;
  /** ELF type without '@': progbits, nobits, note, ... */
  readonly type: string;
  /** Alignment in bytes (the largest .align seen in it, 1 if none). */
  readonly align: number;
  readonly size: number;
  /** Contents; empty for nobits sections (`size` gives their length, and x86lab keeps no memory for them). */
  readonly bytes: Uint8Array;
  readonly entsize?: number;
  /** ELF section group (`.section name, "..G", @type, group, comdat`). */
  readonly group?: { readonly name: string; readonly comdat: boolean };
  /** `o` flag: the section (or a symbol in it) this one is linked to (sh_link). */
  readonly linkOrder?: string;
  /** Order of creation among the symbols (`SymbolOut.seq`): where GNU's section symbol goes. */
  readonly seq: number;
}

export interface SymbolOut {
  readonly name: string;
  /** Section name, '*UND*' for undefined, '*ABS*' for absolute (equated) symbols. */
  readonly section: string;
  readonly value: bigint;
  readonly binding: Binding;
  readonly type?: string;
  readonly size?: bigint;
  readonly visibility?: string;
  /** Order of first appearance (GNU's symbol chain order). */
  readonly seq: number;
  /** A `.L` symbol's place in GNU's chain when that is later (see Sym.chainSeq). */
  readonly chainSeq?: number;
  /** Where it was defined (for GNU's listing symbol table). */
  readonly def?: { readonly file: string; readonly line: number };
}

export interface RelocOut {
  /** Section the field is in. */
  readonly section: string;
  readonly offset: number;
  /** ELF relocation type name, e.g. R_X86_64_PLT32, R_386_32. */
  readonly type: string;
  /** Symbol the linker resolves against: the symbol itself, or its section for local labels (as GNU does). */
  readonly symbol: string;
  /** RELA addend (x86-64). On i386 (REL) the same value is also stored in the section bytes. */
  readonly addend: bigint;
  readonly size: number;
  readonly pcrel: boolean;
  /** A `.L` label named by a memory displacement: its place among the symbols (`SymbolOut.seq`). */
  readonly symSeq?: number;
}

export interface ListingOut {
  readonly file: string;
  readonly line: number;
  /** For a line from a macro or .rept expansion: the line of the outermost invocation. */
  readonly via?: number;
  readonly section: string;
  readonly offset: number;
  readonly size: number;
}

/** An instruction's start and source line (recorded only for --gdwarf-N, for .debug_line). */
export interface LineOut {
  readonly section: string;
  readonly offset: number;
  readonly file: string;
  readonly line: number;
}

/** A `.loc` row (compiler-directive mode) at its address. */
export interface LocRowOut {
  readonly section: string;
  readonly offset: number;
  readonly file: number;
  readonly line: number;
  readonly column: number;
  readonly isStmt: boolean;
  readonly isa: number;
  readonly discriminator: number;
  readonly basicBlock: boolean;
  readonly prologueEnd: boolean;
  readonly epilogueBegin: boolean;
}

/** A `.file N ["dir"] "name" [md5 VALUE]` directive as written. */
export interface FileDirectiveOut {
  readonly num: number;
  readonly dir?: string;
  readonly name: string;
  readonly md5?: bigint;
}

/** `.file N` directives in order and the `.loc` rows. */
export interface LocLinesOut {
  readonly files: readonly FileDirectiveOut[];
  /** The sections with line entries, in order of their first, those of rows purged by `.file N` included. */
  readonly segs: readonly string[];
  readonly rows: readonly LocRowOut[];
}

/** One CFA instruction of an FDE, with code positions resolved to an advance in bytes. */
export type CfiInsnOut =
  | { readonly op: 'advance'; readonly delta: number; readonly sameFrag: boolean }
  | { readonly op: 'val_encoded_addr'; readonly reg: number; readonly ptr: EncodedPtrOut }
  | Exclude<import('./cfi.js').CfiInsn, { op: 'advance' | 'val_encoded_addr' }>;

/**
 * A `.cfi_personality`/`.cfi_lsda` pointer: DW_EH_PE encoding, and what the linker resolves it
 * against (a global's own name, or a local label's section with its offset), if anything.
 */
export interface EncodedPtrOut {
  readonly enc: number;
  readonly symbol?: string;
  readonly addend: bigint;
}

/** One `.cfi_startproc` ... `.cfi_endproc` region. */
export interface FdeOut {
  readonly section: string;
  readonly start: number;
  readonly end: number;
  readonly returnColumn: number;
  readonly signalFrame: boolean;
  readonly insns: readonly CfiInsnOut[];
  readonly personality?: EncodedPtrOut;
  readonly lsda?: EncodedPtrOut;
}

/** What an ELF object needs beyond sections, symbols and relocations. */
export interface ObjectInfo {
  /** `.file "name"`: the STT_FILE symbol. */
  readonly fileSymbol?: string;
  /** FDEs, in source order (empty without `.cfi_*`). */
  readonly fdes: readonly FdeOut[];
  /** `.cfi_sections`: the sections the FDEs go to. */
  readonly ehFrame: boolean;
  readonly debugFrame: boolean;
  /** `.gnu_attribute`: the `.gnu.attributes` section's contents. */
  readonly gnuAttributes?: Uint8Array;
  /** Sections whose section symbol GNU writes though no relocation names it (`.reloc` at a constant offset). */
  readonly sectionSyms?: readonly string[];
  /** A `.cfi_*` directive whose encoding x86lab does not model (the ELF writer refuses it). */
  readonly cfiUnsupported?: string;
}

export interface AssembleResult {
  readonly mode: 32 | 64;
  readonly sections: readonly SectionOut[];
  readonly symbols: readonly SymbolOut[];
  readonly relocations: readonly RelocOut[];
  readonly listing: readonly ListingOut[];
  /** Instruction lines, when the assembly was asked to record them (`debugLines`). */
  readonly lines?: readonly LineOut[];
  /** `.file N`/`.loc` line information, when the source has any (gcc -g -S output). */
  readonly locLines?: LocLinesOut;
  /** With `listingTrace`: every line read, in order, with its bytes (GNU `-alm` listings). */
  readonly trace?: readonly import('./listing-trace.js').TraceLineOut[];
  readonly object: ObjectInfo;
  readonly diagnostics: readonly Diagnostic[];
  /** Number of errors among the diagnostics; output must not be written when non-zero. */
  readonly errors: number;
}
