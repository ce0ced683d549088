// -malign-branch-boundary=N, -malign-branch=TYPES, -malign-branch-prefix-size=N and
// -mbranches-within-32B-boundaries: keep branches (and a cmp/test/... fused with the jcc after it)
// from crossing or ending at an N-byte boundary, as GNU as 2.40 does it (rules measured with `as`):
//
// - Before each branch of a chosen type (jcc, jmp = direct jmp, call = direct call, ret = near ret,
//   indirect = jmp/call through a register or memory) sits a padding point; with `fused`, a
//   cmp/test/add/sub/and/inc/dec directly followed by a jcc it fuses with takes the padding point
//   for the pair, and the jcc has none. When the region would cross or end at a boundary it is
//   moved to the boundary.
// - Every other instruction with written operands (not branches, not VEX) is a prefix point: it
//   may take up to prefix-size minus its own prefixes (legacy, REX, 0F/0F38/0F3A escape) extra
//   segment prefixes: its own segment override, else CS in 64-bit code, else SS for an
//   %esp/%ebp base, else DS.
// - The padding goes to the prefix points since the last variable-size fragment (alignment, a
//   relaxable jump, another padding point), first one first, each up to its capacity, when they
//   can take all of it; otherwise it is NOPs (the CPU's NOP table) at the padding point.
// - No point follows data from a directive or a prefix on a line of its own in the same section;
//   a call of __tls_get_addr (direct or through the GOT) is never padded.

import type { AsmInsn, Encoded } from '../encode/types.js';
import { formById } from '../isa/lookup.js';
import type { Mode } from '../isa/types.js';
import type { ArchState } from './arch.js';
import type { SrcLoc } from './errors.js';
import { fragSize, addVarFrag, here, type Frag, type Mark, type Section } from './sections.js';
import type { Assembly } from './state.js';

export type BranchType = 'jcc' | 'fused' | 'jmp' | 'call' | 'ret' | 'indirect';
export const BRANCH_TYPES: readonly BranchType[] = ['jcc', 'fused', 'jmp', 'call', 'ret', 'indirect'];

export interface AlignBranch {
  /** The boundary in bytes (a power of two, at least 16). */
  readonly boundary: number;
  readonly types: readonly BranchType[];
  /** Most segment prefixes one instruction may carry (0 to 5). */
  readonly prefixSize: number;
}

/** A padding point (`end` set: NOPs before the region up to `end`) or a prefix point. */
export interface BranchBoundaryFrag {
  readonly kind: 'bbr';
  addr: number;
  size: number;
  /** Prefix point: how many prefixes the instruction may take, and which byte. */
  readonly max: number;
  readonly byte: number;
  /** Padding point: where the protected region ends; its boundary; the NOPs in force. */
  end?: Mark;
  readonly boundary: number;
  readonly arch: ArchState;
  readonly mode: Mode;
  readonly loc?: SrcLoc;
  /** A bundle padding point (bundle.ts): for one instruction or a .bundle_lock sequence. */
  readonly bundle?: 'insn' | 'lock';
  /** The region's length to assume instead of measuring it (a relaxable jump's long form). */
  readonly len?: number;
}

const SEGMENT = new Set([0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65]);
const LEGACY = new Set([0x66, 0x67, 0xf0, 0xf2, 0xf3, ...SEGMENT]);

/** Prefix bytes (legacy and REX) and escape bytes before the opcode, and the segment override. */
function prefixCount(b: Uint8Array, mode: Mode): { count: number; seg?: number } {
  let i = 0;
  let seg: number | undefined;
  while (i < b.length && (LEGACY.has(b[i]) || (mode === 64 && (b[i] & 0xf0) === 0x40))) {
    if (SEGMENT.has(b[i])) seg = b[i];
    i++;
  }
  let count = i;
  if (b[i] === 0x0f) count += b[i + 1] === 0x38 || b[i + 1] === 0x3a ? 2 : 1;
  return { count, ...(seg !== undefined ? { seg } : {}) };
}

type FuseKind = 'alu' | 'testand' | 'incdec';

/** Instructions that may fuse with a following jcc (not with memory and immediate together). */
function fuseKind(insn: AsmInsn): FuseKind | undefined {
  const m = /^(add|sub|cmp|and|test|inc|dec)[bwlq]?$/.exec(insn.mnemonic);
  if (!m) return undefined;
  const mem = insn.operands.some((o) => o.kind === 'mem');
  if (insn.operands.some((o) => o.kind === 'mem' && o.base?.name === 'rip')) return undefined;
  if (m[1] === 'inc' || m[1] === 'dec') return mem ? undefined : 'incdec';
  if (mem && insn.operands.some((o) => o.kind === 'imm')) return undefined;
  return m[1] === 'and' || m[1] === 'test' ? 'testand' : 'alu';
}

const CC: Readonly<Record<string, string>> = {
  o: 'o', no: 'no', b: 'b', c: 'b', nae: 'b', ae: 'ae', nb: 'ae', nc: 'ae', e: 'e', z: 'e', ne: 'ne', nz: 'ne',
  be: 'be', na: 'be', a: 'a', nbe: 'a', s: 's', ns: 'ns', p: 'p', pe: 'p', np: 'np', po: 'np',
  l: 'l', nge: 'l', ge: 'ge', nl: 'ge', le: 'le', ng: 'le', g: 'g', nle: 'g',
};

/** Whether a jcc with this condition fuses with the instruction before it (Intel's macro-fusion). */
function fuses(kind: FuseKind, cc: string): boolean {
  if (kind === 'testand') return true;
  if (kind === 'alu') return !['o', 'no', 's', 'ns', 'p', 'np'].includes(cc);
  return ['e', 'ne', 'l', 'ge', 'le', 'g'].includes(cc);
}

/** The branch type of an instruction, and its condition for a jcc. */
function branchType(insn: AsmInsn, enc: Encoded): { type?: BranchType; cc?: string; flow: string } {
  const form = formById(enc.form);
  const op = insn.operands[0];
  const indirect = insn.operands.length === 1 && (op.kind === 'reg' || op.kind === 'mem') && op.indirect;
  switch (form.flow) {
    case 'jcc': {
      const m = /^j([a-z]+)$/.exec(insn.mnemonic);
      return m && CC[m[1]] ? { type: 'jcc', cc: CC[m[1]], flow: form.flow } : { flow: form.flow };
    }
    case 'jmp': return { type: indirect ? 'indirect' : form.opcode[0] === 0xea || form.opcode[0] === 0xff && form.modrm?.reg === 5 ? undefined : 'jmp', flow: form.flow };
    case 'call': return { type: indirect ? 'indirect' : form.opcode[0] === 0x9a || form.opcode[0] === 0xff && form.modrm?.reg === 3 ? undefined : 'call', flow: form.flow };
    case 'ret': return { type: form.opcode[0] === 0xc3 || form.opcode[0] === 0xc2 ? 'ret' : undefined, flow: form.flow };
    default: return { flow: form.flow };
  }
}

/** Per assembly: the cmp-like instruction whose padding point may cover the jcc after it. */
export interface AlignBranchState {
  pending?: { frag: BranchBoundaryFrag; kind: FuseKind; sec: Section; end: Mark };
}

/**
 * Called with each instruction right before its bytes are placed: adds its padding or prefix
 * point. `after` is then called once the bytes are placed.
 */
export function alignBranchBefore(asm: Assembly, o: AlignBranch, insn: AsmInsn, enc: Encoded): (() => void) | undefined {
  const st = (asm.alignBranchState ??= {});
  const pending = st.pending;
  st.pending = undefined;
  const sec = asm.cur;
  if (asm.insnEnds?.dataSince(sec)) return undefined;
  const { type, cc, flow } = branchType(insn, enc);
  const base = { addr: 0, size: 0, boundary: o.boundary, arch: asm.arch.cur, mode: asm.mode } as const;
  // A call of the TLS resolver stays where it is: the linker rewrites the sequence around it.
  const tls = insn.operands.some((x) => x.kind === 'mem' && (x.disp?.sym === '__tls_get_addr' || x.disp?.sym === '___tls_get_addr'));
  if (type !== undefined && o.types.includes(type) && !tls) {
    // A jcc right after the cmp it fuses with: the cmp's padding point covers both.
    if (type === 'jcc' && pending && pending.sec === sec && o.types.includes('fused') && fuses(pending.kind, cc!)
      && pending.end.frag === sec.cur && pending.end.off === sec.cur.size) {
      return () => { pending.frag.end = here(sec); };
    }
    const frag: BranchBoundaryFrag = { kind: 'bbr', ...base, max: 0, byte: 0 };
    addVarFrag(sec, frag);
    return () => { frag.end = here(sec); };
  }
  if (flow !== 'none' || insn.operands.length === 0 || formById(enc.form).vex) return undefined;
  const { count, seg } = prefixCount(enc.bytes, asm.mode);
  const mem = insn.operands.find((x) => x.kind === 'mem');
  const byte = seg ?? (asm.mode === 64 ? 0x2e : mem?.kind === 'mem' && mem.base && (mem.base.num === 4 || mem.base.num === 5) ? 0x36 : 0x3e);
  const max = Math.max(0, o.prefixSize - count);
  const fk = o.types.includes('fused') && o.types.includes('jcc') ? fuseKind(insn) : undefined;
  if (max === 0 && fk === undefined) return undefined;
  const frag: BranchBoundaryFrag = { kind: 'bbr', ...base, max, byte };
  addVarFrag(sec, frag);
  if (fk === undefined) return undefined;
  // Until a fusing jcc follows, the point stays a prefix point for the instruction itself.
  return () => { st.pending = { frag, kind: fk, sec, end: here(sec) }; };
}

/**
 * Sizes a section's padding and prefix points during layout: `visit` is called for each fragment
 * in order with the address layout() gives it, before its own size is worked out, and returns
 * the address to use instead (a padding point moves the prefix points before it, and with them
 * every fragment since the first of them: only data and prefix points, laid out again here).
 */
export class BoundarySweep {
  changed = false;
  private group: BranchBoundaryFrag[] = [];
  private groupStart = 0;
  constructor(private readonly frags: readonly Frag[]) {}

  visit(i: number, addr: number): number {
    const f = this.frags[i];
    if (f.kind === 'data') return addr;
    if (f.kind !== 'bbr') return this.settle(i, addr, 0);
    const b = f;
    if (!b.end) {
      if (this.group.length === 0) this.groupStart = i;
      this.group.push(b);
      return addr;
    }
    // Where the region would start without this group's prefixes, and how long it is.
    const start = addr - this.group.reduce((s, g) => s + g.size, 0);
    let len = b.end.off;
    for (let j = i + 1; j < this.frags.length && this.frags[j] !== b.end.frag; j++) len += fragSize(this.frags[j]);
    len = b.len ?? len;
    const off = start & (b.boundary - 1);
    // A bundle may end at its boundary; a branch region may not.
    const need = off + len > b.boundary - (b.bundle ? 0 : 1) ? b.boundary - off : 0;
    const room = this.group.reduce((s, g) => s + g.max, 0);
    this.resize(b, need <= room ? 0 : need);
    return this.settle(i, addr, need <= room ? need : 0);
  }

  /** Gives `n` bytes to the current group (first come first), lays it out again, closes it. */
  private settle(i: number, addr: number, n: number): number {
    if (this.group.length === 0) return addr;
    let left = n;
    for (const g of this.group) { const k = Math.min(left, g.max); this.resize(g, k); left -= k; }
    let a = this.frags[this.groupStart].addr;
    for (let j = this.groupStart; j < i; j++) { this.frags[j].addr = a; a += fragSize(this.frags[j]); }
    this.frags[i].addr = a;
    this.group = [];
    return a;
  }

  private resize(f: BranchBoundaryFrag, n: number): void {
    if (f.size !== n) { f.size = n; this.changed = true; }
  }

  /** The end of the section: an open group gets nothing. */
  finish(addr: number): number {
    if (this.group.length === 0) return addr;
    for (const g of this.group) this.resize(g, 0);
    let a = this.frags[this.groupStart].addr;
    for (let j = this.groupStart; j < this.frags.length; j++) { this.frags[j].addr = a; a += fragSize(this.frags[j]); }
    this.group = [];
    return a;
  }
}

/** Writes a padding or prefix point's bytes (`nops` writes NOPs of the given state). */
export function writeBranchBoundary(out: Uint8Array, f: BranchBoundaryFrag, nops: (at: number, n: number) => void): void {
  if (f.size === 0) return;
  // GNU pads bundles with one-byte NOPs only, however long the gap (measured).
  if (f.bundle) out.fill(0x90, f.addr, f.addr + f.size);
  else if (f.end) nops(f.addr, f.size);
  else out.fill(f.byte, f.addr, f.addr + f.size);
}
