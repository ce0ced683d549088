// `.bundle_align_mode P2`, `.bundle_lock`, `.bundle_unlock` (GNU's instruction bundling, made for
// Native Client), as GNU as 2.40 does them (measured):
//   - with a bundle size of 2^P2 (P2 > 0), no instruction crosses a bundle boundary: one that would
//     is moved to the next boundary by NOPs of the alignment table; ending exactly at a boundary is
//     fine. A relaxable jump counts with its relaxed size (the padding is redone with the layout);
//   - instructions between .bundle_lock and .bundle_unlock (nested locks count) move as one;
//   - a section that takes an instruction in bundle mode is aligned to the bundle size;
//   - data directives are not padded, and may sit inside a lock.
// The padding is a padding point of align-branch.ts's kind (BranchBoundaryFrag with `bundle`).

import type { DirArg } from './ast.js';
import type { BranchBoundaryFrag } from './align-branch.js';
import { AsmError, type SrcLoc } from './errors.js';
import { evalExpr, isAbsolute } from './expr.js';
import type { Tok } from './lexer.js';
import { addVarFrag, fragSize, here, type Section } from './sections.js';
import type { Assembly } from './state.js';

/** Per assembly: the bundle size in force and the open lock. */
export interface BundleState {
  p2: number;
  lock?: { depth: number; frag: BranchBoundaryFrag; sec: Section; bytes: number; loc: SrcLoc };
}

type Handler = (asm: Assembly, args: readonly DirArg[], toks: readonly Tok[]) => void;

export const BUNDLE_HANDLERS: Readonly<Record<string, Handler>> = {
  '.bundle_align_mode': (asm, args, toks) => {
    const a = args[0];
    if (!a || a.k === 'empty' || a.k === 'str' || a.k === 'at' || a.k === 'regarg') throw new AsmError(asm.loc, 'missing expression');
    const v = evalExpr(a, toks, asm.ctx());
    if (!isAbsolute(v)) throw new AsmError(asm.loc, 'bad or irreducible absolute expression');
    if (v.add > 31n || v.add < 0n) throw new AsmError(asm.loc, '.bundle_align_mode alignment too large (maximum 31)');
    const st = (asm.bundleState ??= { p2: 0 });
    if (st.lock) throw new AsmError(asm.loc, 'cannot change .bundle_align_mode inside .bundle_lock');
    st.p2 = Number(v.add);
  },
  '.bundle_lock': (asm) => {
    const st = asm.bundleState;
    if (!st || st.p2 === 0) throw new AsmError(asm.loc, '.bundle_lock is meaningless without .bundle_align_mode');
    if (st.lock) { st.lock.depth++; return; }
    const frag = paddingPoint(asm, st.p2, true);
    st.lock = { depth: 1, frag, sec: asm.cur, bytes: 0, loc: asm.loc };
  },
  '.bundle_unlock': (asm) => {
    const lock = asm.bundleState?.lock;
    if (!lock) throw new AsmError(asm.loc, '.bundle_unlock without preceding .bundle_lock');
    if (--lock.depth > 0) return;
    asm.bundleState!.lock = undefined;
    lock.frag.end = here(lock.sec);
    const size = 1 << asm.bundleState!.p2;
    if (lock.bytes > size) throw new AsmError(asm.loc, `.bundle_lock sequence is ${lock.bytes} bytes, but bundle size is only ${size} bytes`);
  },
};

function paddingPoint(asm: Assembly, p2: number, locked: boolean, len?: number): BranchBoundaryFrag {
  const frag: BranchBoundaryFrag = {
    kind: 'bbr', addr: 0, size: 0, max: 0, byte: 0, boundary: 1 << p2, arch: asm.arch.cur, mode: asm.mode, loc: asm.loc,
    bundle: locked ? 'lock' : 'insn', ...(len !== undefined ? { len } : {}),
  };
  addVarFrag(asm.cur, frag);
  asm.cur.align = Math.max(asm.cur.align, 1 << p2);
  return frag;
}

/**
 * Called before an instruction's bytes (`size`: as first encoded) are placed in bundle mode;
 * returns what to call once they are. `relaxable`: the long form's size of a jump that may
 * still grow: GNU pads for that size whatever the jump becomes (measured: a short jmp at
 * bundle offset 28 of 32 is moved, at 27 it is not).
 */
export function bundleBefore(asm: Assembly, st: BundleState, size: number, relaxable?: number): (() => void) | undefined {
  if (st.p2 === 0) return undefined;
  const limit = 1 << st.p2;
  if (st.lock) {
    st.lock.bytes += size;
    asm.cur.align = Math.max(asm.cur.align, limit);
    if (st.lock.bytes > limit) asm.error(`.bundle_lock sequence at ${st.lock.bytes} bytes, but .bundle_align_mode limit is ${limit} bytes`);
    return undefined;
  }
  const sec = asm.cur;
  const frag = paddingPoint(asm, st.p2, false, relaxable);
  return () => { frag.end = here(sec); };
}

/** After layout: an instruction longer than a bundle (a relaxed jump too) is GNU's error. */
export function bundleErrors(asm: Assembly): void {
  if (!asm.bundleState) return;
  for (const sec of asm.sections) {
    sec.frags.forEach((f, i) => {
      if (f.kind !== 'bbr' || f.bundle !== 'insn' || !f.end) return;
      let len = f.end.off;
      for (let j = i + 1; j < sec.frags.length && sec.frags[j] !== f.end.frag; j++) len += fragSize(sec.frags[j]);
      if (len > f.boundary) asm.error(`single instruction is ${len} bytes long, but .bundle_align_mode limit is ${f.boundary} bytes`, f.loc);
    });
  }
  const lock = asm.bundleState.lock;
  if (lock) asm.error('.bundle_lock with no matching .bundle_unlock', lock.loc);
}
