// Sections as chains of fragments, the way GNU as lays out code: a fragment has a fixed size
// (data bytes) or a size decided only once addresses are known (a relaxable branch, an
// alignment, an .org). Labels point at (fragment, offset), so they move when relaxation grows
// an earlier branch; two labels in the same fragment are a fixed distance apart at once.

import type { ArchState } from './arch.js';
import type { BranchBoundaryFrag } from './align-branch.js';
import type { Encoded, Fixup } from '../encode/types.js';
import type { Mode } from '../isa/types.js';
import { LimitError, type SrcLoc } from './errors.js';
import { evalLate, type LateExpr } from './late.js';

export interface DataFrag {
  readonly kind: 'data';
  addr: number;
  /** Where this fragment's bytes start in its section's buffer (`Section.buf`). */
  readonly start: number;
  size: number;
  /** Opened by a subsection change: a statement ending here at offset 0 produced no bytes. */
  readonly subStart?: boolean;
}

export interface BranchFrag {
  readonly kind: 'branch';
  addr: number;
  readonly short: Encoded;
  readonly near: Encoded;
  /** Chosen form: false while the short form still reaches. */
  long: boolean;
  readonly loc: SrcLoc;
  /** Set when `short` and `near` are shared with other branches (shape-cache.ts): the symbol their fixups stand for. */
  readonly sym?: string;
}

/** A fixup naming `sym` instead of the symbol it names (see BranchFrag.sym, insn.ts placeInsn). */
export function renamedFixup(f: Fixup, sym: string | undefined): Fixup {
  return sym === undefined || f.value.sym === undefined ? f : { ...f, value: { ...f.value, sym } };
}

export interface AlignFrag {
  readonly kind: 'align';
  addr: number;
  /** Alignment in bytes (a power of two). */
  readonly align: number;
  /** Fill byte pattern (1..8 bytes, little-endian); undefined = NOPs in code, zeros elsewhere. */
  readonly fill?: { readonly value: bigint; readonly size: number };
  readonly nops: boolean;
  /** Skip the alignment if it needs more than this many bytes (0 = no limit). */
  readonly max: number;
  readonly mode: Mode;
  size: number;
  readonly loc?: SrcLoc;
  /** The CPU state where the padding was asked for (arch.ts picks the NOPs); absent: the default. */
  readonly arch?: ArchState;
}

export interface OrgFrag {
  readonly kind: 'org';
  addr: number;
  /** Target: `target` bytes past the start of `tfrag` (or of the section when absent). */
  readonly tfrag?: Frag;
  readonly target: number;
  /** A target known only after layout (`. = . + (b - a)` with a relaxable jump between): evaluated then. */
  readonly late?: LateExpr;
  readonly fill: number;
  readonly loc: SrcLoc;
  size: number;
}

/** `.nops N[, limit]`: a fixed number of NOP bytes, emitted with GNU's patterns. */
export interface NopsFrag {
  readonly kind: 'nops';
  addr: number;
  size: number;
  /** A count known only after layout (`.nops (2f-1f) > 0 ...`): sizes the fragment then, like SpaceFrag. */
  readonly count?: LateExpr;
  readonly limit: number;
  readonly mode: Mode;
  readonly loc?: SrcLoc;
  /** As AlignFrag.arch. */
  readonly arch?: ArchState;
}

/** `.skip`/`.space` whose count is known only after layout (a late expression). */
export interface SpaceFrag {
  readonly kind: 'space';
  addr: number;
  readonly count: LateExpr;
  readonly fill: number;
  size: number;
  /** `.uleb128`/`.sleb128` of a value known only after layout (`.uleb128 1f-0f`): `count` is the
   *  value, the size its encoding's length (GNU's rs_leb128 fragment). */
  readonly leb?: 'u' | 's';
  /** The value as of the last layout pass (leb only). */
  lebValue?: bigint;
}

export type Frag = DataFrag | BranchFrag | AlignFrag | OrgFrag | NopsFrag | SpaceFrag | BranchBoundaryFrag;

/** A position inside a section that survives relaxation. */
export interface Mark {
  readonly frag: Frag;
  readonly off: number;
}

/** A field to patch (or leave to the linker) once every address is known. */
export interface PendingFixup {
  readonly sec: Section;
  readonly frag: Frag;
  /** Offset of the field within the fragment. */
  readonly off: number;
  readonly fixup: Fixup;
  /** For pc-relative fields: offset (within the fragment) the CPU counts from (end of instruction). */
  readonly pcOff: number;
  /** A call/jmp/jcc target: GNU uses R_X86_64_PLT32 for those when the symbol is global or undefined. */
  readonly branch: boolean;
  readonly loc: SrcLoc;
  readonly mode: Mode;
  /** The value is an expression evaluated after layout (replaces `fixup.value`). */
  readonly late?: LateExpr;
  /** Symbol-table position when a displacement was read (GNU makes a `.L` label it names a real symbol then). */
  readonly seq?: number;
}

export interface Section {
  readonly name: string;
  readonly index: number;
  /** ELF flag letters as written in `.section` ("ax", "aw", "a", "awx", "aMS", ...). */
  flags: string;
  /** ELF type without '@': progbits, nobits, note, init_array, ... */
  type: string;
  /** Largest alignment requested, in bytes. */
  align: number;
  entsize?: number;
  readonly frags: Frag[];
  cur: DataFrag;
  /** Bytes of all data fragments, back to back (only the last fragment ever grows). */
  buf: Uint8Array;
  used: number;
  /** Set once the section is laid out: total size. */
  size: number;
  /** `.section name, "..G", @type, group[, comdat]`: the ELF section group it belongs to. */
  group?: { readonly name: string; readonly comdat: boolean };
  /** Subsections (subsections.ts): the one being filled, and the parked chains of the others. */
  subsections?: { sub: number; readonly chains: Map<number, Frag[]> };
  /** `o` (SHF_LINK_ORDER): the section, or a symbol in the section, it follows (sh_link). */
  linkOrder?: string;
  /** Symbol-table position at creation: GNU's section symbol sits there among the symbols. */
  readonly seq: number;
  /** NOBITS: bytes written into the scratch `buf` since the last check (nobits-check.ts). */
  scratch?: number;
}

/** Fragments and marks (a label's place) live to the end of the assembly. (A class, not a literal: docs/asm-cold-start.md, long-lived records.) */
class DataFragRecord implements DataFrag {
  readonly kind = 'data';
  addr = 0;
  size = 0;
  constructor(readonly start: number) {}
}

class MarkRecord implements Mark {
  constructor(readonly frag: Frag, readonly off: number) {}
}

export function createSection(name: string, index: number, flags: string, type: string, seq = 0): Section {
  const cur: DataFrag = new DataFragRecord(0);
  return { name, index, flags, type, align: 1, frags: [cur], cur, size: 0, buf: new Uint8Array(256), used: 0, seq };
}

/** Default flags and type for the names GNU knows (ELF special sections). */
export function defaultAttrs(name: string): { flags: string; type: string } {
  if (name === '.text' || name.startsWith('.text.') || name === '.init' || name === '.fini') return { flags: 'ax', type: 'progbits' };
  if (name === '.bss' || name.startsWith('.bss.') || name === '.tbss' || name.startsWith('.tbss.')) return { flags: name.startsWith('.t') ? 'awT' : 'aw', type: 'nobits' };
  if (name === '.data' || name.startsWith('.data.') || name === '.data1') return { flags: 'aw', type: 'progbits' };
  if (name === '.tdata' || name.startsWith('.tdata.')) return { flags: 'awT', type: 'progbits' };
  if (name === '.rodata' || name.startsWith('.rodata.') || name === '.rodata1') return { flags: 'a', type: 'progbits' };
  if (name === '.init_array' || name.startsWith('.init_array.')) return { flags: 'aw', type: 'init_array' };
  if (name === '.fini_array' || name.startsWith('.fini_array.')) return { flags: 'aw', type: 'fini_array' };
  if (name === '.preinit_array' || name.startsWith('.preinit_array.')) return { flags: 'aw', type: 'preinit_array' };
  if (name.startsWith('.note')) return { flags: '', type: 'note' };
  if (name.startsWith('.debug') || name === '.comment') return { flags: name === '.comment' ? 'MS' : '', type: 'progbits' };
  return { flags: '', type: 'progbits' };
}

/**
 * The most section contents one assembly may hold, all sections together. x86lab keeps every byte
 * in memory (and the JSON output spells each as two hex digits), where GNU as writes a sparse
 * object: `.p2align 31` or `.org 1<<40` must be a clean error, not gigabytes of memory.
 * NOBITS sections (.bss, .tbss, @nobits) hold no contents and do not count: their size is a number.
 */
export const SECTION_BYTES_LIMIT = 256 << 20;

export function limitMessage(sec: { readonly name: string }): string {
  return `section ${sec.name} would grow past x86lab's limit of ${SECTION_BYTES_LIMIT >> 20} MiB of section contents`;
}

/** Makes room for n bytes at the end of the section's current data fragment; returns their index in `sec.buf`. */
export function reserve(sec: Section, n: number): number {
  if (sec.type === 'nobits') return reserveScratch(sec, n);
  const need = sec.used + n;
  if (!(need <= SECTION_BYTES_LIMIT)) throw new LimitError(limitMessage(sec));
  if (need > sec.buf.length) {
    let cap = sec.buf.length * 2;
    while (cap < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(sec.buf.subarray(0, sec.used));
    sec.buf = nb;
  }
  const pos = sec.used;
  sec.used = need;
  sec.cur.size += n;
  return pos;
}

/**
 * A NOBITS section keeps no bytes (its contents are zeros by definition; the object stores only its
 * size): what a statement writes lands in a scratch area, checked and emptied after it (nobits-check.ts).
 */
function reserveScratch(sec: Section, n: number): number {
  const pos = sec.scratch ?? 0;
  const need = pos + n;
  if (!(need <= SECTION_BYTES_LIMIT)) throw new LimitError(limitMessage(sec));
  if (need > sec.buf.length) {
    let cap = sec.buf.length * 2;
    while (cap < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(sec.buf.subarray(0, pos));
    sec.buf = nb;
  }
  sec.scratch = need;
  sec.cur.size += n;
  return pos;
}

/** n zero bytes at the end of the section: written out, or in a NOBITS section only counted (no memory). */
export function reserveZeros(sec: Section, n: number): void {
  if (sec.type === 'nobits') {
    sec.cur.size += n;
    return;
  }
  const pos = reserve(sec, n);
  sec.buf.fill(0, pos, pos + n);
}

export function emitBytes(sec: Section, bytes: ArrayLike<number>): number {
  const pos = reserve(sec, bytes.length);
  const b = sec.buf;
  for (let i = 0; i < bytes.length; i++) b[pos + i] = bytes[i];
  return pos;
}

/** emitBytes for an encoder's Uint8Array: a separate function keeps its element loads monomorphic
 *  (emitBytes also sees plain arrays from directives), which is measurable once per instruction. */
export function emitEncoded(sec: Section, bytes: Uint8Array): number {
  const n = bytes.length;
  const pos = reserve(sec, n);
  const b = sec.buf;
  for (let i = 0; i < n; i++) b[pos + i] = bytes[i];
  return pos;
}

/** Ends the current data fragment with a variable-size one and opens a new data fragment. */
export function addVarFrag(sec: Section, f: Exclude<Frag, DataFrag>): void {
  sec.frags.push(f);
  const d: DataFrag = new DataFragRecord(sec.used);
  sec.frags.push(d);
  sec.cur = d;
}

/** Section offset an .org fragment moves to (its target fragment is laid out before it). */
export function orgTarget(f: OrgFrag): number {
  if (f.late) {
    const w = evalLate(f.late, () => undefined);
    return w.kind === 'abs' ? Number(w.value) : w.kind === 'label' ? w.addr + Number(w.add) : 0;
  }
  return (f.tfrag ? f.tfrag.addr : 0) + f.target;
}

export function here(sec: Section): Mark {
  return new MarkRecord(sec.cur, sec.cur.size);
}

export function isCode(sec: Section): boolean {
  return sec.flags.includes('x');
}

export function fragSize(f: Frag): number {
  switch (f.kind) {
    case 'data': return f.size;
    case 'branch': return f.long ? f.near.bytes.length : f.short.bytes.length;
    case 'align': case 'org': case 'nops': case 'space': case 'bbr': return f.size;
  }
}
