// End of assembly: relax branches to a fixed point, lay sections out, write their bytes, then
// resolve every fixup — patching what GNU as resolves itself and keeping as relocations what it
// leaves to the linker (undefined, global or weak symbols, references into other sections,
// absolute addresses), with the same bytes left in the section as GNU leaves.

import type { Fixup, Value } from '../encode/types.js';
import { AsmError, type SrcLoc } from './errors.js';
import type { Mode } from '../isa/types.js';
import { maxNopSize, writeNops, type NopStyle } from './nops.js';
import { nopStyle, type ArchState } from './arch.js';
import { BoundarySweep, writeBranchBoundary } from './align-branch.js';
import { bundleErrors } from './bundle.js';
import { sharedPreemptible } from './gas-options.js';
import type { AssembleResult, CfiInsnOut, EncodedPtrOut, FdeOut, ListingOut, ObjectInfo, RelocOut, SectionOut, SymbolOut } from './result.js';
import { addVarFrag, fragSize, isCode, limitMessage, orgTarget, renamedFixup, SECTION_BYTES_LIMIT, type BranchFrag, type Frag, type Mark, type PendingFixup, type Section } from './sections.js';
import { type Assembly, type BranchInfo, writeLE } from './state.js';
import { equateAttrs } from './alias-attrs.js';
import { displayName, fbParts, type Sym, type SymDef, type Val } from './symbols.js';
import { diff, labelOf, secOf, where, type Where } from './where.js';
import { evalLate } from './late.js';
import { cfiFinish } from './cfi.js';
import { leb } from './directives.js';
import { finishElfDirectives, gnuAttributes } from './elf-directives.js';
import { buildTrace } from './listing-trace.js';
import { mergeSubsections, subsectionSwitch } from './subsections.js';

/**
 * Assigns the final addresses (after relax) and each section's size. `relaxed`: relax's last pass
 * over each section already did, with every fragment at its final size (no boundary padding to redo).
 */
function layout(asm: Assembly, relaxed: boolean): void {
  const swept = asm.gas.alignBranch || asm.bundleState;
  if (relaxed && !swept) return;
  for (const sec of asm.sections) {
    sec.size = swept ? layoutSwept(sec.frags, new BoundarySweep(sec.frags)) : layoutFrags(sec.frags);
  }
}

/** Lays fragments out in order; returns the section's size. */
function layoutFrags(frags: readonly Frag[]): number {
  let addr = 0;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    f.addr = addr;
    if (f.kind !== 'data' && f.kind !== 'branch') sizeFrag(f, addr);
    addr += fragSize(f);
  }
  return addr;
}

/** layoutFrags with branch-boundary padding (-malign-branch-boundary, .bundle_align_mode). */
function layoutSwept(frags: readonly Frag[], sweep: BoundarySweep): number {
  let addr = 0;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    f.addr = addr;
    addr = sweep.visit(i, addr);
    sizeFrag(f, addr);
    addr += fragSize(f);
  }
  return sweep.finish(addr);
}

/** Sizes a variable fragment placed at `addr`; true if a late-sized (.space) one changed size. */
function sizeFrag(f: Frag, addr: number): boolean {
  let changed = false;
  if (f.kind === 'space') {
    let n = 0;
    try {
      const w = evalLate(f.count, () => undefined);
      if (w.kind !== 'abs') throw new AsmError(f.count.loc, '.space specifies non-absolute value');
      if (f.leb) {
        f.lebValue = w.value;
        n = leb(w.value, f.leb === 's').length;
      } else n = Number(w.value) > 0 ? Number(w.value) : 0;
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
    }
    if (n !== f.size) { f.size = n; changed = true; }
  }
  if (f.kind === 'nops' && f.count) {
    let n = 0;
    try {
      const w = evalLate(f.count, () => undefined);
      if (w.kind === 'abs' && w.value > 0n) n = Number(w.value);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
    }
    if (n !== f.size) { f.size = n; changed = true; }
  }
  if (f.kind === 'align') {
    let pad = (f.align - (addr % f.align)) % f.align;
    if (f.max > 0 && pad > f.max) pad = 0;
    f.size = pad;
  } else if (f.kind === 'org') {
    const n = Math.max(0, orgTarget(f) - addr);
    // A target from a late expression may move with later fragments: another pass then.
    if (f.late && n !== f.size) changed = true;
    f.size = n;
  }
  return changed;
}

const isIfunc = (s: Sym): boolean => s.type === 'gnu_indirect_function';

/** Where a fixup's symbol is; an ifunc, even a local or absolute one, stays a symbol for the linker
 *  (GNU's S_FORCE_RELOC: `.long bar1 - .` is R_386_PC32 bar1). */
function fixupWhere(s: Sym): Where {
  const w = where(s);
  return (w.kind === 'abs' && isIfunc(s)) || (w.kind === 'label' && isIfunc(w.sym)) ? { kind: 'undef', sym: w.kind === 'label' ? w.sym : s, add: w.kind === 'label' ? w.add : 0n } : w;
}

/**
 * GNU relaxes a branch only to a symbol resolved within the branch's own section (tc-i386.c,
 * elf_symbol_resolved_in_segment_p): defined there, not weak, not an ifunc (those always go
 * through the PLT), and not a default-visibility global named with @PLT (it may be preempted).
 */
function relaxable(b: BranchInfo): boolean {
  const target = b.target;
  const sym = target.sym;
  if (!sym || target.minus) return false;
  // (A label, the usual target, is where() without its object: 20,000 branches.)
  const d = sym.def;
  let wsec: Section;
  let wsym: Sym;
  if (d?.kind === 'label') {
    wsec = d.sec;
    wsym = sym;
  } else {
    const x = where(sym);
    if (x.kind !== 'label') return false;
    wsec = x.sec;
    wsym = x.sym;
  }
  if (wsec !== b.sec) return false;
  // `jmp glob - abs2` (abs2 equated later): GNU's target is an expression symbol, local to
  // the section whatever glob's binding.
  if (b.viaExpr) return true;
  if (wsym.binding === 'weak' || sym.binding === 'weak') return false;
  if (isIfunc(wsym) || isIfunc(sym)) return false;
  // `@PLT` matters only for a default-visibility global (a local label, the usual target, skips the look).
  if (sym.binding === 'local' || sym.visibility !== undefined) return true;
  const fixups = b.frag.short.fixups;
  for (let k = 0; k < fixups.length; k++) if (fixups[k].pcrel && fixups[k].value.spec === 'plt') return false;
  return true;
}

/** A branch target `sym - abs` whose abs was equated after the branch, read as `sym + constant`. */
function foldLateMinus(b: BranchInfo): BranchInfo {
  if (!b.target.sym || !b.target.minus) return b;
  const m = where(b.target.minus);
  return m.kind === 'abs' ? { ...b, target: { sym: b.target.sym, add: b.target.add - m.value }, viaExpr: true } : b;
}

function branchDisp(b: { frag: BranchFrag; target: { add: bigint; sym?: Sym } }, len: number): number {
  const d = b.target.sym!.def;
  // (A label, the usual target, without where()'s object and BigInt sum: 20,000 branches.)
  if (d?.kind === 'label') return d.mark.frag.addr + d.mark.off + (b.target.add === 0n ? 0 : Number(b.target.add)) - (b.frag.addr + len);
  const w = where(b.target.sym!) as Extract<Where, { kind: 'label' }>;
  return w.addr + Number(w.add + b.target.add) - (b.frag.addr + len);
}

/** A displacement (a number, exact below 2^53) in a signed field of `size` bytes. */
function fitsSigned(d: number, size: number): boolean {
  if (size >= 8) return true;
  const half = 2 ** (size * 8 - 1);
  return d >= -half && d < half;
}

/**
 * Grows short branches that do not reach until nothing changes, as GNU's write.c does: each
 * section in turn is relaxed to a fixed point (relax_segment), and the round repeats while any
 * section's fragments moved — a section not yet relaxed has every fragment at address 0, which
 * is what an expression over its labels sees meanwhile. Returns each section's plan (in
 * asm.sections' order) and whether the sections stand laid out (one round, no late sizes).
 */
function relax(asm: Assembly): { readonly plans: readonly RelaxPlan[]; readonly laidOut: boolean } {
  const t = relaxTargets(asm);
  const all = relaxPlans(asm);
  const plans = new Map<Section, RelaxPlan>();
  for (const p of all) plans.set(p.sec, p);
  placeTargets(plans, t);
  // Without late-sized fragments (.space/.org/.nops over expressions) no section reads another's
  // addresses, nor its own before firstGuess sets them: one round is final, and the confirming
  // round GNU runs (every address compared again) cannot move anything.
  if (!all.some((p) => p.late)) {
    let laidOut = true;
    for (const p of all) if (!relaxSection(p)) laidOut = false;
    return { plans: all, laidOut };
  }
  for (const sec of asm.sections) zeroAddresses(sec.frags);
  for (let round = 0; round < 100; round++) {
    let moved = false;
    for (const p of all) {
      relaxSection(p);
      if (movedSince(p)) moved = true;
    }
    if (!moved) break;
  }
  return { plans: all, laidOut: false };
}

/** The relaxable branches (each marked long if not), with their target marks and addends. */
interface RelaxTargets {
  readonly branches: BranchFrag[];
  readonly secs: Section[];
  readonly marks: Mark[];
  readonly adds: bigint[];
}

/**
 * The relaxable branches and their targets (label + equ addends + written addend), resolved
 * once, before any address is touched (an equate's value read here may depend on them).
 * (relax's loops are functions of their own: see the note after relaxSection.)
 */
function relaxTargets(asm: Assembly): RelaxTargets {
  const t: RelaxTargets = { branches: [], secs: [], marks: [], adds: [] };
  const list = asm.branches;
  for (let i = 0; i < list.length; i++) {
    const b = list[i] = foldLateMinus(list[i]);
    // A target folded from `glob - later_abs` was GNU's expression symbol: local, never preempted.
    b.relaxable = relaxable(b) && (b.viaExpr === true || !sharedPreemptible(asm.gas, b.target.sym));
    if (b.relaxable) addTarget(t, b);
    else b.frag.long = true;
  }
  return t;
}

function addTarget(t: RelaxTargets, b: BranchInfo): void {
  const sym = b.target.sym!;
  const d = sym.def;
  if (d?.kind === 'label') {
    t.marks.push(d.mark);
    t.adds.push(b.target.add);
  } else {
    const l = labelOf(sym)!;
    t.marks.push((l.label.def as Extract<SymDef, { kind: 'label' }>).mark);
    t.adds.push(l.add + b.target.add);
  }
  t.branches.push(b.frag);
  t.secs.push(b.sec);
}

/**
 * Per section, arrays by fragment index rather than maps keyed by fragment: the passes visit
 * every fragment many times (6 walks over ~50,000 on bench/asm.bench.mjs's input). Each
 * fragment's index stands in its `addr` meanwhile (relaxation starts from 0 anyway).
 */
function relaxPlans(asm: Assembly): RelaxPlan[] {
  const all: RelaxPlan[] = [];
  for (const sec of asm.sections) all.push(relaxPlan(sec));
  return all;
}

function relaxPlan(sec: Section): RelaxPlan {
  const n = sec.frags.length;
  const aligns = new Int32Array(n + 1);
  const odd: Frag[] = [];
  const late = numberFrags(sec.frags, aligns, odd);
  return { sec, toFrag: new Array<Frag | undefined>(n).fill(undefined), toIndex: new Int32Array(n).fill(-1), toOff: new Float64Array(n), last: new Float64Array(n), lastEnd: 0, aligns, stretched: false, late, odd };
}

/** Sets each fragment's `addr` to its index, counts alignments and lists the fragments neither
 *  data nor branch (in `odd`); returns whether any is lateSized. */
function numberFrags(frags: readonly Frag[], aligns: Int32Array, odd: Frag[]): boolean {
  let late = false;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    f.addr = i;
    aligns[i + 1] = aligns[i] + (f.kind === 'align' ? 1 : 0);
    if (f.kind === 'data' || f.kind === 'branch') continue;
    odd.push(f);
    if (f.kind !== 'align' && lateSized(f)) late = true;
  }
  return late;
}

/** Whether a fragment's size comes from an expression (which may name another section's labels). */
function lateSized(f: Frag): boolean {
  return f.kind === 'space' || f.kind === 'org' || (f.kind === 'nops' && f.count !== undefined);
}

function placeTargets(plans: Map<Section, RelaxPlan>, t: RelaxTargets): void {
  const { branches, secs, marks, adds } = t;
  for (let k = 0; k < branches.length; k++) {
    const p = plans.get(secs[k]);
    const f = branches[k];
    const at = f.addr;
    if (p === undefined || p.sec.frags[at] !== f) continue;
    const mark = marks[k];
    p.toFrag[at] = mark.frag;
    const j = mark.frag.addr;
    p.toIndex[at] = p.sec.frags[j] === mark.frag ? j : -1;
    p.toOff[at] = mark.off + (adds[k] === 0n ? 0 : Number(adds[k]));
  }
}

function zeroAddresses(frags: readonly Frag[]): void {
  for (let i = 0; i < frags.length; i++) frags[i].addr = 0;
}

/** One section's relaxation state: each branch's target (fragment index and offset), last addresses. */
interface RelaxPlan {
  readonly sec: Section;
  /** Target fragment of fragment i, if it is a relaxable branch. */
  readonly toFrag: (Frag | undefined)[];
  /** Index of that fragment in this section (-1 if elsewhere) and the offset in it. */
  readonly toIndex: Int32Array;
  readonly toOff: Float64Array;
  /** Each fragment's address after the previous round (0 before the first), and the section's end. */
  readonly last: Float64Array;
  lastEnd: number;
  /** Alignment fragments before fragment i: a branch with none up to its target skips absorbed(). */
  readonly aligns: Int32Array;
  /** Set by stretchPass when a fragment changed size (another pass needed). */
  stretched: boolean;
  /** Some fragment is sized by an expression (lateSized). */
  readonly late: boolean;
  /** The section's fragments that are neither data nor branches, in order (the checks after layout look at no others). */
  readonly odd: readonly Frag[];
}

/**
 * One section to a fixed point. GNU's first guess: late .space counts empty, LEB128s one byte,
 * .org nugatory, branches at their current size. Then each pass walks the fragments in address
 * order, each moved by the growth before it (the "stretch"); a branch to a fragment not yet
 * visited sees its target moved by that stretch too, rounded down to the alignment of any
 * `.align` in between, which absorbs it (relax_frag) — so of two branches across an alignment,
 * the later one may stay short. Returns whether the last pass changed no size (its addresses are final).
 */
function relaxSection(p: RelaxPlan): boolean {
  const sec = p.sec;
  sec.size = firstGuess(sec.frags);
  for (let pass = 0; pass < 1000; pass++) {
    p.stretched = false;
    sec.size = stretchPass(p, sec.frags);
    if (!p.stretched) break;
  }
  return !p.stretched;
}

/** Whether any of the section's fragments ended elsewhere than after the previous round. */
function movedSince(p: RelaxPlan): boolean {
  const sec = p.sec;
  let moved = addressesMoved(sec.frags, p.last);
  if (p.lastEnd !== sec.size) moved = true;
  p.lastEnd = sec.size;
  return moved;
}

// (relaxSection's loops are functions of their own, and what follows each loop is in the caller:
// V8 compiles a long loop while it runs, with no type feedback yet for the code after it, and
// would throw that code away at the loop's end, again and again. So they end in a bare `return`
// of a local: even `sec.size = addr` or `-1 - addr` after the loop did that, once per call of a
// cold first file.)

/** Lays the section out with GNU's first guess of each fragment's size; returns the section's size. */
function firstGuess(frags: readonly Frag[]): number {
  let addr = 0;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    f.addr = addr;
    if (f.kind === 'data') {
      addr += f.size;
      continue;
    }
    if (f.kind === 'space') f.size = f.leb ? 1 : 0;
    else if (f.kind === 'org') f.size = 0;
    else sizeFrag(f, addr);
    addr += fragSize(f);
  }
  return addr;
}

/** One pass in address order; returns the section's size, and sets p.stretched if any fragment changed size. */
function stretchPass(p: RelaxPlan, frags: readonly Frag[]): number {
  let addr = 0;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    if (f.kind === 'data') {
      // (Most fragments: fixed bytes between branches.)
      f.addr = addr;
      addr += f.size;
      continue;
    }
    const stretch = addr - f.addr;
    const before = fragSize(f);
    f.addr = addr;
    if (f.kind === 'branch') {
      // (sizeFrag sizes only space, align and org fragments.)
      const tf = f.long ? undefined : p.toFrag[i];
      if (tf) {
        let to = tf.addr + p.toOff[i];
        const j = p.toIndex[i];
        if (j > i) to += p.aligns[j] === p.aligns[i] ? stretch : absorbed(frags, i, j, stretch);
        const d = to - (addr + f.short.bytes.length);
        if (d < -128 || d > 127) f.long = true;
      }
    } else sizeFrag(f, addr);
    const after = fragSize(f);
    if (after !== before) p.stretched = true;
    addr += after;
  }
  return addr;
}

/** GNU compares every fragment's address, the closing one (the section's end) included (the caller's). */
function addressesMoved(frags: readonly Frag[], last: Float64Array): boolean {
  let moved = false;
  for (let i = 0; i < frags.length; i++) {
    if (last[i] !== frags[i].addr) moved = true;
    last[i] = frags[i].addr;
  }
  return moved;
}

/** What is left of a forward stretch past the alignments between fragments i and j (relax_frag). */
function absorbed(frags: readonly Frag[], i: number, j: number, stretch: number): number {
  for (let k = i; k < j && stretch !== 0; k++) {
    const f = frags[k];
    if (f.kind === 'align') stretch = stretch < 0 ? -(-stretch & ~(f.align - 1)) : stretch & ~(f.align - 1);
  }
  return stretch;
}

function fill(b: Uint8Array, off: number, n: number, value: bigint, size: number): void {
  for (let i = 0; i < n; i += size) {
    const k = Math.min(size, n - i);
    const tmp = new Uint8Array(size);
    writeLE(tmp, 0, size, value);
    b.set(tmp.subarray(0, k), off + i);
  }
}

/** .code16's NOPs when the file ends in it, else the CPU's (arch.ts). */
function styleOf(f: { readonly arch?: ArchState }, nops: Mode, end: ArchState): NopStyle {
  return nops === 16 ? 'i8086' : f.arch ? nopStyle(f.arch, end) : nops === 64 ? 'long' : 'lea';
}

/** `.nops N, LIMIT`: GNU refuses a LIMIT beyond the longest NOP of the table that pads. */
function checkNopLimits(asm: Assembly, plans: readonly RelaxPlan[]): void {
  for (const p of plans) {
    for (const f of p.odd) {
      if (f.kind !== 'nops') continue;
      const max = maxNopSize(styleOf(f, nopMode(asm.mode, asm.objMode), asm.arch.cur));
      if (f.limit > max) asm.error(`invalid single nop size: ${f.limit} (expect within [0, ${max}])`, f.loc);
    }
  }
}

function writeSection(sec: Section, nops: Mode, end: ArchState): Uint8Array {
  // A NOBITS section has a size and no contents (SectionResult.bytes is empty for it).
  if (sec.type === 'nobits') return new Uint8Array(0);
  const out = new Uint8Array(sec.size);
  writeFrags(sec.frags, sec.buf, out, nops, end);
  return out;
}

/** Each fragment's bytes at its address (writeSection's loop, a function of its own like relax's). */
function writeFrags(frags: readonly Frag[], src: Uint8Array, out: Uint8Array, nops: Mode, end: ArchState): void {
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    switch (f.kind) {
      case 'data': if (f.size) out.set(src.subarray(f.start, f.start + f.size), f.addr); break;
      case 'branch': out.set((f.long ? f.near : f.short).bytes, f.addr); break;
      case 'align':
        if (f.size === 0) break;
        if (f.nops) writeNops(out, f.addr, f.size, styleOf(f, nops, end));
        else if (f.fill) fill(out, f.addr, f.size, f.fill.value, f.fill.size);
        break;
      case 'org': out.fill(f.fill & 0xff, f.addr, f.addr + f.size); break;
      case 'nops': writeNops(out, f.addr, f.size, styleOf(f, nops, end), f.limit); break;
      case 'bbr': writeBranchBoundary(out, f, (at, n) => writeNops(out, at, n, styleOf(f, nops, end))); break;
      case 'space':
        if (f.leb) out.set(leb(f.lebValue ?? 0n, f.leb === 's').slice(0, f.size), f.addr);
        else out.fill(f.fill, f.addr, f.addr + f.size);
        break;
    }
  }
}

/**
 * Laid out, the sections may be far larger than the bytes kept so far (`.p2align 31`, `.org 1<<40`,
 * a `.skip` sized by a later symbol): reports the fragment that crosses the budget, if any.
 */
function overBudget(asm: Assembly): boolean {
  // (Each section's size is the sum of its fragments' sizes: only a total over the budget needs the walk.)
  let sum = 0;
  for (const sec of asm.sections) if (sec.type !== 'nobits') sum += sec.size;
  if (sum <= SECTION_BYTES_LIMIT) return false;
  let total = 0;
  for (const sec of asm.sections) {
    if (sec.type === 'nobits') continue;
    for (const f of sec.frags) {
      total += fragSize(f);
      if (total > SECTION_BYTES_LIMIT) {
        const loc = f.kind === 'data' ? undefined : f.kind === 'space' ? f.count.loc : f.loc;
        asm.error(limitMessage(sec), loc ?? { file: asm.file, line: 0 });
        return true;
      }
    }
  }
  return false;
}

/**
 * Which NOP patterns GNU writes (tc-i386.c i386_generate_nops, measured): the 16-bit ones when the
 * file *ends* in .code16 (it looks at the mode at write time, not the padding's), else those of
 * the CPU the object targets — x86-64's `0f 1f` forms for --64 even in .code32 code, i386's lea
 * forms for --32 even in .code64 code.
 */
function nopMode(finalMode: Mode, objMode: 32 | 64): Mode {
  return finalMode === 16 ? 16 : objMode;
}

function relocType(mode: number, fx: Fixup, branch: boolean, plt: boolean, spec?: string): string {
  if (mode === 64) {
    if (fx.pcrel) {
      if (fx.size === 4) return branch && plt ? 'R_X86_64_PLT32' : 'R_X86_64_PC32';
      return fx.size === 8 ? 'R_X86_64_PC64' : fx.size === 2 ? 'R_X86_64_PC16' : 'R_X86_64_PC8';
    }
    if (fx.size === 8) return 'R_X86_64_64';
    if (fx.size === 4) return fx.signed ? 'R_X86_64_32S' : 'R_X86_64_32';
    return fx.size === 2 ? 'R_X86_64_16' : 'R_X86_64_8';
  }
  if (fx.pcrel && fx.size === 4 && spec === 'plt') return 'R_386_PLT32';
  if (fx.pcrel) return fx.size === 4 ? 'R_386_PC32' : fx.size === 2 ? 'R_386_PC16' : 'R_386_PC8';
  return fx.size === 4 ? 'R_386_32' : fx.size === 2 ? 'R_386_16' : fx.size === 1 ? 'R_386_8' : 'R_386_32';
}

/**
 * A local label in a mergeable section (`.section __ksymtab_strings,"aMS"`) keeps its own symbol in
 * a relocation, as GNU does (write.c, tc_i386_fix_adjustable): with a non-zero addend, and for any
 * pc-relative reference in a RELA (x86-64) object — the linker may move merged strings.
 */
function keepMergeSym(asm: Assembly, w: Where, pcrel: boolean, add: bigint, subtracted = false): boolean {
  if (w.kind !== 'label' || !w.sec.flags.includes('M') || w.sym.temp) return false;
  // `sym - .` keeps it in both objects: GNU decides while the fixup still subtracts (fx_subsy).
  return add !== 0n || subtracted || (pcrel && asm.objMode === 64);
}

/**
 * A local symbol the object lists, in a COMDAT group member or `.gnu.linkonce` section (BFD's
 * SEC_LINK_ONCE): GNU keeps it as itself in relocations (write.c adjust_reloc_syms), since the
 * linker may drop the section; a `.L` label there still goes by its section.
 */
function linkOnce(sec: Section, sym: Sym): boolean {
  // (The section first: it rules out nearly every symbol without a regular expression.)
  if (!sec.group?.comdat && !sec.name.startsWith('.gnu.linkonce')) return false;
  return !(sym.temp || sym.name.startsWith('.L') || /[\x01\x02]/.test(sym.name));
}

/**
 * Whether a relocation against local label `sym` of `sec` names the section instead (write.c
 * adjust_reloc_syms): not in a link-once section (linkOnce), nor in a mergeable section when the
 * relocation's offset from the label is not zero (the linker may move the strings apart).
 * resolveFixup and its fast path plainFixup both decide by this.
 */
function bySection(sec: Section, sym: Sym, offsetNonZero: boolean): boolean {
  return sym.binding === 'local' && !linkOnce(sec, sym) && !(offsetNonZero && sec.flags.includes('M'));
}

/** displayName without a regular expression for the names that need none (10,000 relocations). */
const relocName = (name: string): string => (name.includes('\x02') ? displayName(name) : name);

/** GNU's overflow test for a data field: the bits above it must be all zeros or all ones. */
function gnuFits(v: bigint, size: number): boolean {
  if (size >= 8) return true;
  const u = BigInt.asUintN(64, v);
  const mask = ((1n << 64n) - 1n) ^ ((1n << BigInt(size * 8)) - 1n);
  return (u & mask) === 0n || (u & mask) === mask;
}

/**
 * GNU's message: addresses as a full-width hex vma, values over 1000 likewise, else decimal. GNU
 * compares the value unsigned, so a negative one (a backward loop too far) prints in hex too.
 */
function tooLarge(asm: Assembly, v: bigint, size: number, at: number): string {
  const width = asm.objMode === 64 ? 16 : 8;
  const vma = (x: bigint): string => BigInt.asUintN(width * 4, x).toString(16).padStart(width, '0');
  return `value of ${BigInt.asUintN(64, v) > 1000n ? vma(v) : String(v)} too large for field of ${size} byte${size > 1 ? 's' : ''} at ${vma(BigInt(at))}`;
}

function fits(v: bigint, size: number, pcrel: boolean): boolean {
  if (size >= 8) return true;
  const bits = BigInt(size * 8);
  const min = -(1n << (bits - 1n));
  const max = pcrel ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return v >= min && v <= max;
}

export function finalize(asm: Assembly): AssembleResult {
  mergeSubsections(asm.sections);
  cfiFinish(asm);
  // GNU pads a mergeable (non-string) section to a whole number of entities' alignment
  // (write.c, subsegs_finish_section), without raising the section's alignment.
  for (const sec of asm.sections) {
    if (!sec.flags.includes('M') || sec.flags.includes('S') || !sec.entsize) continue;
    const align = sec.entsize & -sec.entsize;
    if (align > 1) addVarFrag(sec, { kind: 'align', addr: 0, align, nops: false, max: 0, mode: asm.mode, size: 0, fill: { value: 0n, size: 1 } });
  }
  // Numeric labels referenced forward but never defined.
  for (const s of asm.symbols.all()) {
    if (s.def || !s.name.startsWith('.L')) continue;
    const fb = fbParts(s.name);
    if (fb && !s.def) asm.error(`local label \`"${fb.label}" (instance number ${fb.instance} of a fb label)' is not defined`, { file: asm.file, line: 0 });
  }
  // A section's name is also its symbol in GNU as: `.long foo - __ex_table` inside __ex_table
  // (the vDSO exception table) measures from the section's start. Never listed as a symbol.
  for (const sec of asm.sections) {
    const s = asm.symbols.get(sec.name);
    if (s && !s.def && s.binding === 'local' && !s.common) {
      s.def = { kind: 'label', sec, mark: { frag: sec.frags[0], off: 0 } };
      s.temp = true;
    }
  }
  const relaxed = relax(asm);
  layout(asm, relaxed.laidOut);
  for (const p of relaxed.plans) checkLaidOut(asm, p.odd);
  // Over the budget, no bytes are materialized (the run has failed; fixups write nowhere).
  const over = overBudget(asm);
  const bytes = new Map<Section, Uint8Array>();
  checkNopLimits(asm, relaxed.plans);
  bundleErrors(asm);
  for (const sec of asm.sections) bytes.set(sec, over ? new Uint8Array(0) : writeSection(sec, nopMode(asm.mode, asm.objMode), asm.arch.cur));

  // Branch fragments: resolve relaxed ones here; the rest become ordinary fixups.
  const pending: PendingFixup[] = [...asm.fixups];
  resolveBranches(asm, bytes, pending);
  const relocations: RelocOut[] = [];
  resolveFixups(asm, pending, bytes, relocations);
  const secIndex = new Map(asm.sections.map((x) => [x.name, x.index]));
  // Per section in GNU's fixup order: fields read from the source in order, then the branches
  // whose form waited for relaxation (GNU makes their fixups when it converts the fragments).
  relocations.sort((a, b) => secIndex.get(a.section)! - secIndex.get(b.section)!);

  const sections: SectionOut[] = asm.sections.map((s) => ({
    name: s.name, flags: s.flags, type: s.type, align: s.align, size: s.size, bytes: bytes.get(s)!,
    ...(s.entsize !== undefined ? { entsize: s.entsize } : {}),
    ...(s.group ? { group: s.group } : {}),
    ...(s.linkOrder !== undefined ? { linkOrder: s.linkOrder } : {}),
    seq: s.seq,
  }));

  const symbols = listSymbols(asm);
  finishElfDirectives(asm, sections, symbols, relocations);

  // The listing is built on first use: `-f bin` never needs it.
  let listing: ListingOut[] | undefined;
  return {
    mode: asm.objMode,
    sections, symbols, relocations,
    get listing(): readonly ListingOut[] {
      listing ??= buildListing(asm);
      return listing;
    },
    ...(asm.listing.trace ? { trace: buildTrace(asm.listing, asm.cur.name) } : {}),
    object: objectInfo(asm),
    diagnostics: asm.diagnostics,
    errors: asm.errorCount,
  };
}

// (finalize's loops over fragments, branches, fixups and symbols are functions of their own, as
// relaxSection's are: see the note after it.)

/** The errors and warnings only final addresses tell. */
function checkLaidOut(asm: Assembly, frags: readonly Frag[]): void {
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    if (f.kind === 'data' || f.kind === 'branch') continue;
    if (f.kind === 'org' && orgTarget(f) < f.addr) asm.error('attempt to move .org backwards', f.loc);
    if (f.kind === 'space') {
      try {
        const w = evalLate(f.count, (m) => asm.warn(m, f.count.loc));
        if (w.kind !== 'abs') asm.error('.space specifies non-absolute value', f.count.loc);
        // GNU's relaxation drops a space that came out negative, with this warning.
        else if (!f.leb && w.value < 0n) asm.warn('.space, .nops or .fill with negative value, ignored', f.count.loc);
      } catch (e) {
        if (e instanceof AsmError) asm.error(e.message, e.loc); else throw e;
      }
    }
    if (f.kind === 'align' && f.fill && f.fill.size > 1 && f.size % f.fill.size !== 0) {
      asm.error(`alignment padding (${f.size} bytes) not a multiple of ${f.fill.size}`, f.loc);
    }
  }
}

/** Writes the relaxed branches' displacements; the others' fixups join `pending`. */
function resolveBranches(asm: Assembly, bytes: ReadonlyMap<Section, Uint8Array>, pending: PendingFixup[]): void {
  const list = asm.branches;
  let sec: Section | undefined;
  let out: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    const enc = b.frag.long ? b.frag.near : b.frag.short;
    const len = enc.bytes.length;
    const fixups = enc.fixups;
    for (let j = 0; j < fixups.length; j++) {
      const fx = fixups[j];
      if (fx.pcrel && b.relaxable && fx.value.sym !== undefined) {
        const d = branchDisp(b, len);
        // (The section's bytes looked up once per run of branches in it.)
        if (b.sec !== sec) { sec = b.sec; out = bytes.get(sec)!; }
        const at = b.frag.addr + fx.offset;
        if (fx.size <= 4 && fitsSigned(d, fx.size)) {
          // Little-endian two's complement of a value that fits (what writeLE makes of it).
          for (let k = 0; k < fx.size; k++) out[at + k] = (d >> (8 * k)) & 0xff;
          continue;
        }
        tooFar(asm, out, b, fx, d, at);
      } else {
        pending.push({ sec: b.sec, frag: b.frag as Frag, off: fx.offset, fixup: renamedFixup(fx, b.frag.sym), pcOff: len, branch: true, loc: b.frag.loc, mode: b.mode });
      }
    }
  }
}

/** A relaxed branch's displacement that does not fit its field (or a field wider than 4 bytes). */
function tooFar(asm: Assembly, out: Uint8Array, b: BranchInfo, fx: Fixup, d: number, at: number): void {
  if (!fitsSigned(d, fx.size)) asm.error(tooLarge(asm, BigInt(d), fx.size, at), b.frag.loc);
  writeLE(out, at, fx.size, BigInt(d));
}

/**
 * resolveFixup for the fields nearly every file is made of (`sym + n` with sym a label or an
 * undefined symbol: 12,000 on bench/asm.bench.mjs's input), the same bytes and relocations by the
 * same rules, with numbers instead of Where objects and BigInt sums. False for anything else, and
 * for a field that does not fit (resolveFixup's way, with its error). Being small, it is cheap for
 * V8 to optimize; resolveFixup itself then seldom runs hot enough to be compiled (20-50 ms each time).
 */
function plainFixup(asm: Assembly, p: PendingFixup, out: Uint8Array, relocs: RelocOut[]): boolean {
  const fx = p.fixup;
  const v = fx.value;
  const name = v.sym;
  if (name === undefined || v.spec !== undefined || v.minus !== undefined || p.late !== undefined) return false;
  if (asm.lateSyms.size !== 0 && asm.lateSyms.has(name)) return false;
  const s = asm.symByName(name);
  const d = s.def;
  // A label, or an undefined symbol (not common).
  if (d !== undefined && d.kind !== 'label') return false;
  if ((d === undefined && s.common !== undefined) || isIfunc(s)) return false;
  // (Exact: an addend beyond 2^53 is no safe integer, and one near it leaves no field.)
  const addend = v.addend === 0n ? 0 : Number(v.addend);
  if (!Number.isSafeInteger(addend)) return false;
  const field = p.frag.addr + p.off;
  const pc = p.frag.addr + p.pcOff;
  const local = s.binding === 'local';
  if (d !== undefined && local && fx.pcrel && d.sec === p.sec) {
    // A local label of the field's own section: the displacement, no relocation.
    if (fx.size > 4) return false;
    const disp = d.mark.frag.addr + d.mark.off + addend - pc;
    if (!fitsSigned(disp, fx.size)) return false;
    // Little-endian two's complement (what writeLE makes of it; it fits, so an i386 object's wrap
    // at 4 GiB changes nothing).
    for (let k = 0; k < fx.size; k++) out[field + k] = (disp >> (8 * k)) & 0xff;
    return true;
  }
  const toPc = fx.pcrel ? pc - field : 0;
  let symbol = name;
  let base = addend;
  let plt = false;
  let seq: number | undefined;
  if (d !== undefined && bySection(d.sec, s, addend - toPc !== 0)) {
    // A local label goes by its section.
    symbol = d.sec.name;
    base += d.mark.frag.addr + d.mark.off;
  } else {
    // A branch to the symbol itself asks for a PLT entry, unless relaxation chose its form
    // (a local label) or GNU saw an equate of `ext + N` (see resolveFixup).
    const decidedLate = p.frag.kind === 'branch' && d !== undefined && local;
    plt = !decidedLate && (base === 0 || (d === undefined && v.bareEquate === true));
    if (local) seq = p.seq;
  }
  // (The GOT symbol is a GOTPC relocation: resolveFixup's.)
  if (!Number.isSafeInteger(base - toPc) || symbol === '_GLOBAL_OFFSET_TABLE_') return false;
  const add = BigInt(base - toPc);
  const type = relocType(asm.objMode, fx, p.branch && (asm.objMode === 32 || p.mode === 64), plt);
  const r: { -readonly [K in keyof RelocOut]: RelocOut[K] } = {
    section: p.sec.name, offset: field, type, symbol: relocName(symbol), addend: add, size: fx.size, pcrel: fx.pcrel,
  };
  if (seq !== undefined) r.symSeq = seq;
  relocs.push(r);
  // RELA (x86-64) leaves zeros in the field; REL (i386) stores the addend there.
  if (asm.objMode === 64) for (let k = 0; k < fx.size; k++) out[field + k] = 0;
  else writeLE(out, field, fx.size, add);
  return true;
}

function resolveFixups(asm: Assembly, pending: readonly PendingFixup[], bytes: ReadonlyMap<Section, Uint8Array>, relocations: RelocOut[]): void {
  let sec: Section | undefined;
  let out: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i];
    if (p.sec !== sec) { sec = p.sec; out = bytes.get(sec)!; }
    if (plainFixup(asm, p, out, relocations)) continue;
    try {
      resolveFixup(asm, p, out, relocations);
    } catch (e) {
      if (e instanceof AsmError) asm.error(e.message, e.loc);
      else throw e;
    }
  }
}

/** The symbol table's entries, in order of first appearance. */
function listSymbols(asm: Assembly): SymbolOut[] {
  const symbols: SymbolOut[] = [];
  const all = asm.symbols.all().sort((a, b) => a.seq - b.seq);
  const late = asm.lateSyms.size !== 0;
  const regs = asm.regSyms.size !== 0;
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    // (The maps looked at only when not empty, as they nearly always are: 12,000 symbols.)
    if (s.temp || (late && asm.lateSyms.has(s.name))) continue;
    // A symbol that stands for a register is no symbol (regvalues.ts), unless an Intel operand named
    // it through an alias chain: GNU 2.40 then writes the chain as absolute 0s.
    if (regs && asm.regSyms.has(s.name)) {
      if (asm.syntax.regListed.has(s.name)) symbols.push({ name: s.name, section: '*ABS*', value: 0n, binding: 'local', seq: s.seq });
      continue;
    }
    const out = symbolOut(asm, s);
    if (out) symbols.push(out);
  }
  return symbols;
}

/** One symbol's entry; undefined if it is not listed (or its value is in error). */
function symbolOut(asm: Assembly, s: Sym): SymbolOut | undefined {
  const d = s.def;
  if (d?.kind === 'label') return labelOut(asm, s, d);
  let w: Where;
  try { w = where(s); } catch (e) {
    if (e instanceof AsmError) { asm.error(e.message, e.loc); return undefined; }
    throw e;
  }
  let size = symbolSize(asm, s);
  // A symbol equated to an undefined one is not written: references name the undefined symbol.
  if (s.def?.kind === 'equ' && w.kind === 'undef' && !s.common) return undefined;
  // An alias takes the type and size of what it names (GNU 2.40's rules: alias-attrs.ts).
  const attrs = s.def?.kind === 'equ' ? equateAttrs(s) : undefined;
  const type = attrs ? attrs.type : s.type;
  if (attrs?.sizeOf && attrs.sizeOf !== s) size = symbolSize(asm, attrs.sizeOf);
  if (s.common && w.kind === 'undef') {
    return { name: s.name, section: '*COM*', value: s.common.align, binding: s.binding, type: s.type ?? 'object', size: s.common.size, seq: s.seq, ...(s.visibility ? { visibility: s.visibility } : {}) };
  }
  // (Optional fields set in order on one object rather than spread from temporaries: 15,000 symbols.)
  const out: { -readonly [K in keyof SymbolOut]: SymbolOut[K] } = {
    name: s.name,
    section: secOf(w),
    value: w.kind === 'label' ? BigInt(w.addr) + w.add : w.kind === 'abs' ? w.value : 0n,
    binding: w.kind === 'undef' && s.binding === 'local' ? 'global' : s.binding,
  } as SymbolOut;
  if (type) out.type = type;
  if (size !== undefined) out.size = size;
  if (s.visibility) out.visibility = s.visibility;
  out.seq = s.seq;
  if (s.chainSeq !== undefined) out.chainSeq = s.chainSeq;
  // GNU's listing names the line of the symbol's fragment: an equate of a label goes by the label's.
  // An absolute equate goes by the statement that created it, or by none (symbols.ts listLoc).
  if (s.loc && s.def && !(s.def.kind === 'equ' && w.kind === 'abs' && !s.listLoc)) {
    out.def = listedAt(s.def.kind === 'equ' && w.kind === 'abs' ? s.listLoc! : w.kind === 'label' && w.sym.loc && s.def.kind === 'equ' ? labelOf(s)?.label.loc ?? s.loc : s.loc);
  }
  return out;
}

function objectInfo(asm: Assembly): ObjectInfo {
  const addr = (m: Mark): number => m.frag.addr + m.off;
  const fdes: FdeOut[] = asm.cfi.fdes.map((f) => ({
    section: f.sec.name,
    start: addr(f.start),
    end: addr(f.end ?? f.start),
    returnColumn: f.returnColumn,
    signalFrame: f.signalFrame,
    insns: f.insns.map((i): CfiInsnOut => i.op === 'advance' ? { op: 'advance', delta: addr(i.to) - addr(i.from), sameFrag: i.from.frag === i.to.frag }
      : i.op === 'val_encoded_addr' ? { op: 'val_encoded_addr', reg: i.reg, ptr: encodedPtr(asm, i) } : i),
    ...(f.personality ? { personality: encodedPtr(asm, f.personality) } : {}),
    ...(f.lsda ? { lsda: encodedPtr(asm, f.lsda) } : {}),
  }));
  return {
    ...(asm.fileSymbol !== undefined ? { fileSymbol: asm.fileSymbol } : {}),
    fdes,
    ehFrame: asm.cfi.ehFrame,
    debugFrame: asm.cfi.debugFrame,
    ...(asm.cfi.unsupported ? { cfiUnsupported: asm.cfi.unsupported } : {}),
    ...(asm.elfDirs.gnuAttrs.size ? { gnuAttributes: gnuAttributes(asm) } : {}),
    ...(asm.elfDirs.relocs.some((r) => !r.offset.sym) ? { sectionSyms: [...new Set(asm.elfDirs.relocs.filter((r) => !r.offset.sym).map((r) => r.sec.name))] } : {}),
  };
}

/** A personality/LSDA pointer once addresses are known: a local label goes by its section (as in fixups). */
function encodedPtr(asm: Assembly, p: { enc: number; value: Val }): EncodedPtrOut {
  const v = p.value;
  if (!v.sym) return { enc: p.enc, addend: v.add };
  try {
    const w = where(v.sym);
    if (w.kind === 'abs') return { enc: p.enc, addend: w.value + v.add };
    if (w.kind === 'label' && w.sym.binding === 'local' && !linkOnce(w.sec, w.sym)) return { enc: p.enc, symbol: w.sec.name, addend: BigInt(w.addr) + w.add + v.add };
    return { enc: p.enc, symbol: displayName(w.sym.name), addend: w.add + v.add };
  } catch (e) {
    if (e instanceof AsmError) asm.error(e.message, e.loc); else throw e;
    return { enc: p.enc, addend: 0n };
  }
}

/** The line GNU's listing names for a definition: a macro or .rept expansion's outermost invocation. */
function listedAt(loc: SrcLoc): { file: string; line: number } {
  while (loc.via) loc = loc.via;
  return { file: loc.file, line: loc.line };
}

/**
 * symbolOut for a label, the usual symbol (12,000 on bench/asm.bench.mjs's input): the same
 * fields in the same order, without where()'s object.
 */
function labelOut(asm: Assembly, s: Sym, d: Extract<SymDef, { kind: 'label' }>): SymbolOut {
  const size = symbolSize(asm, s);
  const out: { -readonly [K in keyof SymbolOut]: SymbolOut[K] } = {
    name: s.name,
    section: d.sec.name,
    value: BigInt(d.mark.frag.addr + d.mark.off),
    binding: s.binding,
  } as SymbolOut;
  if (s.type) out.type = s.type;
  if (size !== undefined) out.size = size;
  if (s.visibility) out.visibility = s.visibility;
  out.seq = s.seq;
  if (s.chainSeq !== undefined) out.chainSeq = s.chainSeq;
  if (s.loc) out.def = listedAt(s.loc);
  return out;
}

/** The `.size` of a symbol, once addresses are known. */
function symbolSize(asm: Assembly, s: Sym): bigint | undefined {
  if (!s.size) return undefined;
  try {
    const v = s.size;
    const a: Where = v.sym ? where(v.sym) : { kind: 'abs', value: 0n };
    if (v.minus) {
      const b = where(v.minus);
      // Labels of two sections (a `.size` written after a section switch): GNU's end-of-file check,
      // an error or (--size-check=warning) a warning and size 0; no line.
      if (a.kind === 'label' && b.kind === 'label' && a.sec !== b.sec) {
        const msg = `.size expression for ${displayName(s.name)} does not evaluate to a constant`;
        const at = { file: (s.loc ?? asm.loc).file, line: 0 };
        if (asm.gas.sizeCheckWarning) asm.warn(msg, at); else asm.error(msg, at);
        return undefined;
      }
      return diff(a, b, s.loc ?? asm.loc) + v.add;
    }
    return a.kind === 'abs' ? a.value + v.add : undefined;
  } catch (e) {
    if (e instanceof AsmError) asm.error(e.message, e.loc); else throw e;
    return undefined;
  }
}

function buildListing(asm: Assembly): ListingOut[] {
  const listing: ListingOut[] = [];
  const L = asm.listing;
  for (let i = 0; i < L.loc.length; i++) {
    const start = L.startFrag[i].addr + L.startOff[i];
    const end = L.endFrag[i].addr + L.endOff[i];
    if (end <= start || subsectionSwitch(L.startFrag[i], L.endFrag[i], L.endOff[i])) continue;
    const loc = L.loc[i];
    const prev = listing[listing.length - 1];
    let top = loc;
    while (top.via) top = top.via;
    const via = top !== loc ? top.line : undefined;
    // Statements of one source line (`a; b`, or a macro's expansion) that follow each other: one
    // record (but one per macro call: two calls in a row stay two records).
    if (prev && prev.file === loc.file && prev.line === loc.line && prev.via === via && prev.section === L.sec[i].name && prev.offset + prev.size === start) {
      listing[listing.length - 1] = { ...prev, size: end - prev.offset };
    } else listing.push({ file: loc.file, line: loc.line, ...(via !== undefined ? { via } : {}), section: L.sec[i].name, offset: start, size: end - start });
  }

  return listing;
}

/**
 * A difference in a field: as diff(), but GNU words an unresolvable one at fixup time by the names
 * the relocation would use, a local label by its section (write.c; measured: `can't resolve .text - thing2`).
 */
function fixupDiff(a: Where, b: Where, loc: SrcLoc): bigint {
  try {
    return diff(a, b, loc);
  } catch (e) {
    if (!(e instanceof AsmError)) throw e;
    const name = (w: Where): string => w.kind === 'abs' ? '0' : w.kind === 'label' && w.sym.binding === 'local' ? w.sec.name : displayName(w.sym.name);
    throw new AsmError(loc, `can't resolve ${name(a)} - ${name(b)}`);
  }
}

/** Relocation type for `sym@spec` (measured with GNU as 2.40); `op` is the instruction's opcode byte. */
function specType(mode: number, spec: string, size: number, out: Uint8Array, field: number): string | undefined {
  // GNU marks GOT loads it may relax (mov, test, binary ops, indirect call/jmp) with the *X types.
  const op = field >= 2 ? out[field - 2] : -1;
  const modrm = out[field - 1];
  const relaxable = [0x8b, 0x85, 0x03, 0x0b, 0x13, 0x1b, 0x23, 0x2b, 0x33, 0x3b].includes(op) || (op === 0xff && (modrm & 0x38) !== 0x30);
  if (mode === 64) {
    const rex = field >= 3 && (out[field - 3] & 0xf0) === 0x40;
    switch (spec) {
      case 'gotpcrel': return size === 8 ? 'R_X86_64_GOTPCREL64' : size !== 4 ? undefined : !relaxable ? 'R_X86_64_GOTPCREL' : rex && op !== 0xff ? 'R_X86_64_REX_GOTPCRELX' : 'R_X86_64_GOTPCRELX';
      case 'got': return size === 8 ? 'R_X86_64_GOT64' : size === 4 ? 'R_X86_64_GOT32' : undefined;
      case 'gotoff': return size === 8 ? 'R_X86_64_GOTOFF64' : undefined;
      case 'gotplt': return size === 8 ? 'R_X86_64_GOTPLT64' : undefined;
      case 'pltoff': return size === 8 ? 'R_X86_64_PLTOFF64' : undefined;
      case 'tpoff': return size === 8 ? 'R_X86_64_TPOFF64' : size === 4 ? 'R_X86_64_TPOFF32' : undefined;
      case 'dtpoff': return size === 8 ? 'R_X86_64_DTPOFF64' : size === 4 ? 'R_X86_64_DTPOFF32' : undefined;
      case 'gottpoff': return size === 4 ? 'R_X86_64_GOTTPOFF' : undefined;
      case 'tlsgd': return size === 4 ? 'R_X86_64_TLSGD' : undefined;
      case 'tlsld': return size === 4 ? 'R_X86_64_TLSLD' : undefined;
      case 'gotpc': return size === 8 ? 'R_X86_64_GOTPC64' : size === 4 ? 'R_X86_64_GOTPC32' : undefined;
      case 'tlsdesc': return size === 4 ? 'R_X86_64_GOTPC32_TLSDESC' : undefined;
      case 'tlscall': return size === 0 ? 'R_X86_64_TLSDESC_CALL' : undefined;
    }
    return undefined;
  }
  if (spec === 'tlscall') return size === 0 ? 'R_386_TLS_DESC_CALL' : undefined;
  if (size !== 4) return undefined;
  switch (spec) {
    // A 16-bit load (66 8B) is no relaxable GOT load.
    case 'got': return relaxable && !(field >= 3 && out[field - 3] === 0x66) ? 'R_386_GOT32X' : 'R_386_GOT32';
    case 'gotoff': return 'R_386_GOTOFF';
    case 'ntpoff': return 'R_386_TLS_LE';
    case 'gotntpoff': return 'R_386_TLS_GOTIE';
    case 'indntpoff': return 'R_386_TLS_IE';
    case 'tlsgd': return 'R_386_TLS_GD';
    case 'tlsldm': return 'R_386_TLS_LDM';
    case 'dtpoff': return 'R_386_TLS_LDO_32';
    case 'tpoff': return 'R_386_TLS_LE_32';
    case 'gottpoff': return 'R_386_TLS_IE_32';
    case 'gotpc': return 'R_386_GOTPC';
    case 'tlsdesc': return 'R_386_TLS_GOTDESC';
  }
  return undefined;
}

/** GNU's complaint about a specifier on a field it does not fit (measured for .quad/.word/.byte). */
function specMisfit(mode: number, spec: string, size: number): string {
  if (size !== 4 && !(size === 8 && mode === 64)) return "junk at end of line, first unrecognized character is `@'";
  // On a 4-byte field (8-byte in 64-bit code): a specifier the object format lacks, else the
  // relocation's own size (GNU 2.40, measured for .long/.quad of every specifier; instruction
  // operands have rules of their own, not modelled here).
  if ((mode === 64 ? NOT_IN_64 : NOT_IN_32).has(spec)) return `@${spec.toUpperCase()} reloc is not supported with ${mode}-bit output format`;
  const natural = spec === 'tlscall' ? 0 : mode === 64 && (spec === 'gotoff' || spec === 'gotplt' || spec === 'pltoff') ? 8 : 4;
  return `${natural}-byte relocation cannot be applied to ${size}-byte field`;
}
const NOT_IN_64: ReadonlySet<string> = new Set(['ntpoff', 'gotntpoff', 'indntpoff', 'tlsldm']);
const NOT_IN_32: ReadonlySet<string> = new Set(['gotpcrel', 'gotplt', 'pltoff', 'tlsld']);

/** A `sym@spec` field: always left to the linker (GOTOFF of a local label goes against its section). */
function specReloc(asm: Assembly, p: PendingFixup, out: Uint8Array, relocs: RelocOut[], name: string, spec: string, addend: bigint): void {
  const fx = p.fixup;
  const field = p.frag.addr + p.off;
  const pc = p.frag.addr + p.pcOff;
  const type = specType(asm.objMode, spec, fx.size, out, field);
  if (type === undefined) {
    const msg = specMisfit(asm.objMode, spec, fx.size);
    // GNU then reads the `@SPEC' it refused as junk: a second error.
    if (msg.startsWith('@')) asm.error(msg, p.loc);
    throw new AsmError(p.loc, msg.startsWith('@') ? "junk at end of line, first unrecognized character is `@'" : msg);
  }
  let sym = name;
  let add = addend;
  const named = asm.symByName(name);
  const w = where(named);
  // An equate of an undefined symbol (`.weakref`, `.set a, b`) stands for that symbol (it is not written).
  if (w.kind === 'undef' && w.sym !== named) { sym = w.sym.name; add += w.add; }
  if (spec === 'gotoff' && w.kind === 'label' && w.sym.binding === 'local' && !linkOnce(w.sec, w.sym)) {
    sym = w.sec.name;
    add += BigInt(w.addr) + w.add;
  }
  if (fx.pcrel) add -= BigInt(pc - field);
  relocs.push({ section: p.sec.name, offset: field, type, symbol: displayName(sym), addend: add, size: fx.size, pcrel: fx.pcrel });
  writeLE(out, field, fx.size, asm.objMode === 64 ? 0n : add);
}

/**
 * What a symbol adds to a `@SIZE` expression: an absolute symbol its value, a local symbol its
 * `.size` (a section name the section's size), anything else nothing known here (a relocation).
 */
function sizeTerm(asm: Assembly, name: string): bigint | undefined {
  const s = asm.symByName(name);
  const w = where(s);
  if (w.kind === 'abs') return w.value;
  if (w.kind === 'label' && w.sym.binding === 'local') {
    // A section's name stands for its section symbol: the size is the section's.
    return symbolSize(asm, w.sym) ?? (w.sym.name === w.sec.name ? BigInt(w.sec.size) : 0n);
  }
  return undefined;
}

/**
 * `sym@SIZE + n` (tc-i386.c, BFD_RELOC_SIZE32/64): the size of a local symbol is known here and
 * GNU writes it; a global, common or undefined symbol's is the linker's (R_386_SIZE32,
 * R_X86_64_SIZE32/64). The specifier covers the whole expression: `n - sym@SIZE` is n - size.
 */
function sizeFixup(asm: Assembly, p: PendingFixup, out: Uint8Array, relocs: RelocOut[], v: Value): void {
  const fx = p.fixup;
  const field = p.frag.addr + p.off;
  let add = v.addend;
  let relocSym: string | undefined;
  if (v.minus !== undefined) {
    const m = sizeTerm(asm, v.minus);
    if (m === undefined) throw new AsmError(p.loc, 'unsupported expression involving @size');
    add -= m;
  }
  if (v.sym !== undefined) {
    const a = sizeTerm(asm, v.sym);
    if (a === undefined) relocSym = v.sym;
    else add += a;
  }
  if (relocSym === undefined) {
    if (asm.objMode === 64 && fx.size === 4 && !gnuFits(add, 4)) throw new AsmError(p.loc, 'symbol size computation overflow');
    writeLE(out, field, fx.size, add);
    return;
  }
  const type = asm.objMode === 64 ? (fx.size === 8 ? 'R_X86_64_SIZE64' : fx.size === 4 ? 'R_X86_64_SIZE32' : undefined)
    : fx.size === 4 ? 'R_386_SIZE32' : undefined;
  if (type === undefined || fx.pcrel) throw new AsmError(p.loc, specMisfit(asm.objMode, 'size', fx.size));
  relocs.push({ section: p.sec.name, offset: field, type, symbol: displayName(relocSym), addend: add, size: fx.size, pcrel: false });
  writeLE(out, field, fx.size, asm.objMode === 64 ? 0n : add);
}

function resolveFixup(asm: Assembly, p: PendingFixup, out: Uint8Array, relocs: RelocOut[]): void {
  const fx = p.fixup;
  const field = p.frag.addr + p.off;
  const pc = p.frag.addr + p.pcOff;
  let v = fx.value;
  const late = p.late ?? (v.sym !== undefined && asm.lateSyms.size !== 0 ? asm.lateSyms.get(v.sym) : undefined);
  if (late) {
    const w = evalLate(late, (m) => asm.warn(m, p.loc));
    const add = p.late ? 0n : v.addend;
    const spec = late.spec !== undefined ? { spec: late.spec } : {};
    if (w.kind === 'abs') v = { addend: w.value + add };
    else v = { addend: w.add + add, sym: w.sym.name, ...spec };
  }
  if (v.spec === 'size') {
    sizeFixup(asm, p, out, relocs, v);
    return;
  }
  let value: bigint;
  let reloc: { sym: string; add: bigint; plt: boolean; seq?: number } | undefined;
  if (v.spec === 'plt' && v.sym !== undefined && v.minus === undefined && !fx.pcrel && fx.size !== 4) {
    throw new AsmError(p.loc, specMisfit(asm.objMode, 'plt', fx.size));
  }
  if (v.spec === 'plt' && v.sym !== undefined && v.minus === undefined && !fx.pcrel && fx.size === 4) {
    // `.long foo@PLT`: GNU writes a PLT32 relocation with the plain addend (measured, both modes).
    const w = fixupWhere(asm.symByName(v.sym));
    if (w.kind === 'label' && w.sym.binding === 'local' && !isIfunc(w.sym)) {
      // A local label needs no PLT: GNU makes it an absolute relocation against the label's
      // section, in an i386 object with the field's own offset added twice to the stored addend
      // (what is left of the PLT32's pc-relative adjustment; measured on 2.40, yasm's ssym tests).
      const add = BigInt(w.addr) + w.add + v.addend;
      relocs.push({ section: p.sec.name, offset: field, type: asm.objMode === 64 ? 'R_X86_64_32' : 'R_386_32', symbol: displayName(w.sec.name), addend: add, size: 4, pcrel: false });
      writeLE(out, field, 4, asm.objMode === 64 ? 0n : add + 2n * BigInt(field));
      return;
    }
    const type = asm.objMode === 64 ? 'R_X86_64_PLT32' : 'R_386_PLT32';
    relocs.push({ section: p.sec.name, offset: field, type, symbol: displayName(v.sym), addend: v.addend, size: 4, pcrel: false });
    writeLE(out, field, 4, asm.objMode === 64 ? 0n : v.addend);
    return;
  }
  if (v.spec !== undefined && v.sym !== undefined && v.minus === undefined && v.spec !== 'plt') {
    specReloc(asm, p, out, relocs, v.sym, v.spec, v.addend);
    return;
  }
  let lateMinus = false;
  if (v.minus !== undefined && v.sym !== undefined) {
    // `ext - abs2` with abs2 equated to a number after the use: ext plus a constant.
    const b = where(asm.symByName(v.minus));
    if (b.kind === 'abs') {
      v = { ...v, minus: undefined, addend: v.addend - b.value };
      lateMinus = true;
    }
  }
  if (v.minus !== undefined) {
    const a: Where = v.sym !== undefined ? fixupWhere(asm.symByName(v.sym)) : { kind: 'abs', value: 0n };
    const b = where(asm.symByName(v.minus));
    if (!fx.pcrel && b.kind === 'label' && b.sec === p.sec && !(a.kind === 'label' && a.sec === p.sec) && (a.kind !== 'abs' || v.sym === undefined)) {
      if (a.kind === 'abs') {
        // `-label` (`0 - label`): GNU leaves a pc-relative relocation against *ABS*.
        const add = a.value + v.addend + BigInt(field - b.addr) - b.add;
        relocs.push({
          section: p.sec.name, offset: field, type: relocType(asm.objMode, { ...fx, pcrel: true }, false, false),
          symbol: displayName('*ABS*'), addend: add, size: fx.size, pcrel: true,
        });
        writeLE(out, field, fx.size, asm.objMode === 64 ? 0n : add);
        return;
      }
      // `sym - label` with the label in the field's own section: a pc-relative reference to sym
      // (exception tables' `.long 1b - .`), left to the linker as R_*_PC32 like GNU does.
      const local = a.kind === 'label' && a.sym.binding === 'local' && !keepMergeSym(asm, a, true, a.add + v.addend, true) && !linkOnce(a.sec, a.sym);
      const base = (local ? BigInt((a as Extract<Where, { kind: 'label' }>).addr) : 0n) + a.add + v.addend;
      const add = base + BigInt(field - b.addr) - b.add;
      relocs.push({
        section: p.sec.name, offset: field, type: relocType(asm.objMode, { ...fx, pcrel: true }, false, false),
        symbol: displayName(local ? (a as Extract<Where, { kind: 'label' }>).sec.name : a.sym.name), addend: add, size: fx.size, pcrel: true,
      });
      writeLE(out, field, fx.size, asm.objMode === 64 ? 0n : add);
      return;
    }
    value = fixupDiff(a, b, p.loc) + v.addend;
    // A label difference is a number, not a place: pc-relative, GNU leaves it to the linker
    // against *ABS* (`jmp loc2 - loc` with loc2 defined later; measured).
    // A call chose its relocation while the difference was still an undefined expression: PLT32.
    if (fx.pcrel) reloc = { sym: '*ABS*', add: value - BigInt(pc - field), plt: p.branch === true && p.frag.kind !== 'branch' };
  } else if (v.sym === undefined) {
    value = v.addend;
    if (fx.pcrel) reloc = { sym: '*ABS*', add: v.addend - BigInt(pc - field), plt: false };
  } else {
    const named = asm.symByName(v.sym);
    let w = fixupWhere(named);
    // A global or weak alias (`.set memcpy, __memcpy` + `.globl memcpy`) is what the linker must
    // resolve: GNU names the alias itself in the relocation, not what it stands for.
    // (Not an alias of an undefined symbol: `.globl bar; bar = foo + 4` relocates against foo + 4
    // and leaves bar out of the object; GNU 2.40, measured on LLVM's reloc-undef-global.s.)
    if (named.binding !== 'local' && named.def?.kind === 'equ' && w.kind !== 'abs' && w.kind !== 'undef' && w.sym !== named) w = { kind: 'undef', sym: named, add: 0n };
    if (w.kind === 'abs') {
      value = w.value + v.addend;
      // GNU chose the relocation when the branch was read, while the symbol was still undefined:
      // a branch to the symbol itself stays PLT32 even though it resolves to an absolute value.
      if (fx.pcrel) reloc = { sym: '*ABS*', add: value - BigInt(pc - field), plt: v.addend === 0n && p.frag.kind !== 'branch' };
    } else if (w.kind === 'label' && w.sym.binding === 'local' && fx.pcrel && w.sec === p.sec && !isIfunc(w.sym)) {
      value = BigInt(w.addr) + w.add + v.addend - BigInt(pc);
    } else {
      // GNU names a local label by its section (bySection). An ifunc keeps its own name: the
      // linker must route every reference through its PLT entry.
      const local = w.kind === 'label' && !isIfunc(w.sym)
        && bySection(w.sec, w.sym, w.add + v.addend - (fx.pcrel ? BigInt(pc - field) : 0n) !== 0n);
      const sym = local ? (w as Extract<Where, { kind: 'label' }>).sec.name : w.sym.name;
      const base = (local ? BigInt((w as Extract<Where, { kind: 'label' }>).addr) : 0n) + w.add + v.addend;
      const add = fx.pcrel ? base - BigInt(pc - field) : base;
      // GNU asks for a PLT entry only for a branch to the symbol itself, not to `foo+4`.
      // `call loc@PLT` to a local label needs no PLT entry: PC32 against its section (measured).
      // A relaxable branch's relocation is chosen after assembly (need_plt32_p then sees a defined
      // local symbol: no PLT); a call's when it is read, while its target may still be undefined.
      // (An ifunc label counts as one here though fixupWhere keeps it a symbol.)
      const decidedLate = p.frag.kind === 'branch' && (w.kind === 'label' || w.sym.def?.kind === 'label') && w.sym.binding === 'local' && v.spec !== 'plt';
      // GNU read `ext - abs2` as one undefined expression symbol: a PLT target whatever its addend.
      // A branch to a symbol equated to `ext + 8` (ext undefined): GNU saw an undefined symbol with no
      // addend when it read the branch (the equate is not expanded there): PLT32, addend and all.
      // Also when the equate came after the branch (the branch named it, still undefined then).
      const viaEquate = w.kind === 'undef' && !w.sym.common
        && (v.bareEquate === true || (w.sym !== named && v.addend === 0n && named.def?.kind === 'equ'));
      reloc = { sym, add, plt: !local && !decidedLate && (base === 0n || v.spec === 'plt' || viaEquate || (lateMinus && w.kind === 'undef' && !w.sym.common)), seq: !local && w.sym.binding === 'local' ? p.seq : undefined };
      value = add;
    }
  }
  if (reloc) {
    // PLT32 is for branches in 64-bit code; a call in .code16/.code32 code gets PC32 (measured).
    const spec = v.spec === 'plt' && !reloc.plt ? undefined : v.spec;
    let type = relocType(asm.objMode, fx, (p.branch && (asm.objMode === 32 || p.mode === 64)) || spec === 'plt', reloc.plt, spec);
    if (reloc.sym === '_GLOBAL_OFFSET_TABLE_' && v.spec === undefined && fx.size >= 4 && !p.branch) {
      // GNU reads the GOT symbol as the GOT's distance from the field's instruction: R_*_GOTPC,
      // with the field's offset in the instruction added (tc-i386.c, output_imm/output_disp).
      type = asm.objMode === 32 ? 'R_386_GOTPC' : fx.size === 8 ? 'R_X86_64_GOTPC64' : 'R_X86_64_GOTPC32';
      if (!fx.pcrel) reloc = { ...reloc, add: reloc.add + BigInt(fx.offset) };
    }
    if (fx.pcrel && fx.size === 2 && v.spec === 'plt') {
      // GNU has no 16-bit PLT relocation: a plain call refuses it, a relaxed jump keeps the PLT32
      // one over its 2-byte field, in an i386 object with the 4-byte field's addend (measured,
      // .code16 `jz func@plt`).
      if (p.frag.kind !== 'branch') throw new AsmError(p.loc, '4-byte relocation cannot be applied to 2-byte field');
      type = asm.objMode === 32 ? 'R_386_PLT32' : 'R_X86_64_PLT32';
      if (asm.objMode === 32) reloc = { ...reloc, add: -4n };
    }
    const r: { -readonly [K in keyof RelocOut]: RelocOut[K] } = {
      section: p.sec.name, offset: field, type, symbol: relocName(reloc.sym), addend: reloc.add, size: fx.size, pcrel: fx.pcrel,
    };
    // (Set afterwards rather than spread from a temporary object: 10,000 relocations.)
    if (reloc.seq !== undefined) r.symSeq = reloc.seq;
    relocs.push(r);
    // RELA (x86-64) leaves zeros in the field; REL (i386) stores the addend there.
    writeLE(out, field, fx.size, asm.objMode === 64 ? 0n : reloc.add);
    return;
  }
  // A 32-bit object's addresses wrap at 4 GiB: GNU sign-extends the value from bit 31 before
  // checking it (tc-i386.c md_apply_fix; `.long val + 0xffffff00` with val = 0x190 is 0x90).
  if (asm.objMode === 32) value = BigInt.asIntN(32, value);
  if (fx.pcrel ? !fits(value, fx.size, true) : !gnuFits(value, fx.size)) {
    throw new AsmError(p.loc, tooLarge(asm, value, fx.size, field));
  }
  writeLE(out, field, fx.size, value);
}
