// Call frame information: the `.cfi_*` directives, recorded per function (FDE) with the code
// position each one applies at. GNU as turns them into DWARF CFA instructions in .eh_frame;
// src/output/eh-frame.ts encodes them once addresses are known.
//
// Like GNU, a directive at a new code position first records an advance from the previous
// position; whether both positions are in the same fragment matters for the encoding (GNU
// drops a zero advance within a fragment but keeps a one-byte `advance_loc 0` across fragments).

import type { Expr } from './ast.js';
import { AsmError } from './errors.js';
import { evalExpr, isAbsolute } from './expr.js';
import type { Val } from './symbols.js';
import { isParsed, parseStatement } from './parse.js';
import { here, type Mark, type Section } from './sections.js';
import type { Assembly } from './state.js';

export type CfiInsn =
  | { readonly op: 'advance'; readonly from: Mark; readonly to: Mark }
  | { readonly op: 'def_cfa' | 'offset' | 'val_offset'; readonly reg: number; readonly off: bigint }
  | { readonly op: 'def_cfa_offset'; readonly off: bigint }
  | { readonly op: 'def_cfa_register' | 'restore' | 'undefined' | 'same_value'; readonly reg: number }
  | { readonly op: 'register'; readonly reg: number; readonly reg2: number }
  | { readonly op: 'remember_state' | 'restore_state' | 'window_save' }
  | { readonly op: 'escape'; readonly bytes: readonly number[] }
  | { readonly op: 'val_encoded_addr'; readonly reg: number; readonly enc: number; readonly value: Val };

export interface Fde {
  readonly sec: Section;
  readonly start: Mark;
  end?: Mark;
  readonly insns: CfiInsn[];
  /** Position of the last recorded directive (GNU's last_address). */
  last: Mark;
  returnColumn: number;
  signalFrame: boolean;
  /** The CFA offset GNU tracks for .cfi_adjust_cfa_offset and .cfi_rel_offset. */
  cfaOffset: bigint;
  readonly saved: bigint[];
  /** `.cfi_personality enc, sym`: the CIE's `P` augmentation (encoding and pointer). */
  personality?: { readonly enc: number; readonly value: Val };
  /** `.cfi_lsda enc, sym`: the CIE's `L` encoding, the FDE's LSDA pointer. */
  lsda?: { readonly enc: number; readonly value: Val };
}

export class CfiState {
  readonly fdes: Fde[] = [];
  cur?: Fde;
  /** `.cfi_sections`: which of .eh_frame and .debug_frame to write. */
  ehFrame = true;
  debugFrame = false;
  /** A directive the .eh_frame encoder does not model (personality, LSDA, ...): no .eh_frame then. */
  unsupported?: string;
}

// DWARF register numbers (System V psABI, x86-64 fig. 3.36; i386 ABI).
const DW64: Record<string, number> = {
  rax: 0, rdx: 1, rcx: 2, rbx: 3, rsi: 4, rdi: 5, rbp: 6, rsp: 7, rip: 16, eflags: 49, rflags: 49,
  es: 50, cs: 51, ss: 52, ds: 53, fs: 54, gs: 55, 'fs.base': 58, 'gs.base': 59, tr: 62, ldtr: 63, mxcsr: 64, fcw: 65, fsw: 66,
};
for (let i = 8; i < 16; i++) DW64[`r${i}`] = i;
for (let i = 0; i < 16; i++) DW64[`xmm${i}`] = 17 + i;
for (let i = 0; i < 8; i++) { DW64[`st(${i})`] = 33 + i; DW64[`st${i}`] = 33 + i; DW64[`mm${i}`] = 41 + i; }
const DW32: Record<string, number> = {
  eax: 0, ecx: 1, edx: 2, ebx: 3, esp: 4, ebp: 5, esi: 6, edi: 7, eip: 8, eflags: 9, trapno: 10,
  es: 40, cs: 41, ss: 42, ds: 43, fs: 44, gs: 45, tr: 48, ldtr: 49, mxcsr: 39, fcw: 37, fsw: 38,
};
for (let i = 0; i < 8; i++) { DW32[`st(${i})`] = 11 + i; DW32[`st${i}`] = 11 + i; DW32[`xmm${i}`] = 21 + i; DW32[`mm${i}`] = 29 + i; }

function args(rest: string): string[] {
  const t = rest.trim();
  return t === '' ? [] : t.split(',').map((x) => x.trim());
}

function value(asm: Assembly, text: string | undefined): bigint {
  if (text === undefined || text === '') throw new AsmError(asm.loc, 'missing expression');
  const p = parseStatement('.x ' + text);
  if (!isParsed(p) || p.stmt.body?.k !== 'dir' || p.stmt.body.args.length !== 1) throw new AsmError(asm.loc, 'bad expression');
  const a = p.stmt.body.args[0];
  if (a.k === 'str' || a.k === 'at' || a.k === 'regarg' || a.k === 'empty') throw new AsmError(asm.loc, 'bad expression');
  const v = evalExpr(a as Expr, p.toks, asm.ctx());
  if (!isAbsolute(v)) throw new AsmError(asm.loc, 'bad or irreducible absolute expression');
  return v.add;
}

function register(asm: Assembly, text: string | undefined): number {
  if (text === undefined || text === '') throw new AsmError(asm.loc, 'missing expression');
  const name = text.replace(/^%/, '').replace(/\s+/g, '').toLowerCase();
  // Register names and numbers follow the code mode (`.code64` in a --32 object names %rbp, 6);
  // the return column and data alignment follow the object.
  const table = asm.mode === 64 ? DW64 : DW32;
  if (table[name] !== undefined) return table[name];
  if (/^[0-9]/.test(name)) return Number(value(asm, text));
  throw new AsmError(asm.loc, `bad register expression`);
}

function samePlace(a: Mark, b: Mark): boolean {
  return a.frag === b.frag && a.off === b.off;
}

/** Handles one `.cfi_*` directive (`rest` is the text after its name). */
export function cfiDirective(asm: Assembly, name: string, rest: string): void {
  const st = asm.cfi;
  const a = args(rest);
  if (name === '.cfi_sections') {
    st.ehFrame = a.includes('.eh_frame');
    st.debugFrame = a.includes('.debug_frame');
    return;
  }
  if (name === '.cfi_startproc') {
    if (st.cur) throw new AsmError(asm.loc, 'previous CFI entry not closed (missing .cfi_endproc)');
    const m = here(asm.cur);
    const ra = asm.objMode === 64 ? 16 : 8;
    const fde: Fde = { sec: asm.cur, start: m, last: m, insns: [], returnColumn: ra, signalFrame: false, cfaOffset: 0n, saved: [] };
    st.cur = fde;
    st.fdes.push(fde);
    // The CIE's initial rules (tc_cfi_frame_initial_instructions): CFA = sp + word, RA at CFA - word.
    if (a[0] !== 'simple') {
      const w = asm.objMode === 64 ? 8n : 4n;
      fde.insns.push({ op: 'def_cfa', reg: asm.mode === 64 ? 7 : 4, off: w }, { op: 'offset', reg: ra, off: -w });
      fde.cfaOffset = w;
    }
    return;
  }
  const fde = st.cur;
  if (!fde) throw new AsmError(asm.loc, 'CFI instruction used without previous .cfi_startproc');
  if (name === '.cfi_endproc') {
    fde.end = here(asm.cur);
    st.cur = undefined;
    return;
  }
  const now = here(asm.cur);
  const advance = (): void => {
    if (!samePlace(fde.last, now)) {
      fde.insns.push({ op: 'advance', from: fde.last, to: now });
      fde.last = now;
    }
  };
  const push = (i: CfiInsn): void => { advance(); fde.insns.push(i); };
  switch (name) {
    case '.cfi_def_cfa': {
      const reg = register(asm, a[0]);
      fde.cfaOffset = value(asm, a[1]);
      push({ op: 'def_cfa', reg, off: fde.cfaOffset });
      return;
    }
    case '.cfi_def_cfa_register': push({ op: 'def_cfa_register', reg: register(asm, a[0]) }); return;
    case '.cfi_def_cfa_offset': fde.cfaOffset = value(asm, a[0]); push({ op: 'def_cfa_offset', off: fde.cfaOffset }); return;
    case '.cfi_adjust_cfa_offset': fde.cfaOffset += value(asm, a[0]); push({ op: 'def_cfa_offset', off: fde.cfaOffset }); return;
    case '.cfi_offset': { const reg = register(asm, a[0]); push({ op: 'offset', reg, off: value(asm, a[1]) }); return; }
    case '.cfi_val_offset': { const reg = register(asm, a[0]); push({ op: 'val_offset', reg, off: value(asm, a[1]) }); return; }
    case '.cfi_rel_offset': { const reg = register(asm, a[0]); push({ op: 'offset', reg, off: value(asm, a[1]) - fde.cfaOffset }); return; }
    case '.cfi_register': { const reg = register(asm, a[0]); push({ op: 'register', reg, reg2: register(asm, a[1]) }); return; }
    case '.cfi_restore': for (const r of a) push({ op: 'restore', reg: register(asm, r) }); return;
    case '.cfi_undefined': for (const r of a) push({ op: 'undefined', reg: register(asm, r) }); return;
    case '.cfi_same_value': push({ op: 'same_value', reg: register(asm, a[0]) }); return;
    case '.cfi_remember_state': fde.saved.push(fde.cfaOffset); push({ op: 'remember_state' }); return;
    case '.cfi_restore_state':
      fde.cfaOffset = fde.saved.pop() ?? fde.cfaOffset;
      push({ op: 'restore_state' });
      return;
    case '.cfi_window_save': push({ op: 'window_save' }); return;
    case '.cfi_escape': push({ op: 'escape', bytes: a.map((x) => Number(value(asm, x) & 0xffn)) }); return;
    case '.cfi_return_column': advance(); fde.returnColumn = register(asm, a[0]); return;
    case '.cfi_signal_frame': advance(); fde.signalFrame = true; return;
    case '.cfi_val_encoded_addr': {
      const reg = register(asm, a[0]);
      const p = encodedPointer(asm, name, a.slice(1));
      if (p) push({ op: 'val_encoded_addr', reg, enc: p.enc, value: p.value });
      return;
    }
    case '.cfi_personality': case '.cfi_lsda': {
      const p = encodedPointer(asm, name, a);
      if (name === '.cfi_personality') fde.personality = p; else fde.lsda = p;
      return;
    }
    default:
      st.unsupported ??= name;
  }
}

/**
 * `enc[, expr]` of .cfi_personality/.cfi_lsda: enc 0xff omits the pointer; otherwise GNU takes an
 * absolute or pc-relative, 2/4/8-byte or address-sized encoding, optionally indirect (0x80).
 */
function encodedPointer(asm: Assembly, name: string, a: string[]): { enc: number; value: Val } | undefined {
  const enc = Number(value(asm, a[0]));
  if (enc === 0xff) return undefined;
  const app = enc & 0x70, fmt = enc & 7;
  if ((enc & 0xff) !== enc || (app !== 0 && app !== 0x10) || fmt === 1 || fmt > 4) {
    throw new AsmError(asm.loc, `invalid or unsupported encoding in ${name}`);
  }
  if (a.length < 2) throw new AsmError(asm.loc, '.cfi_personality requires encoding and symbol arguments'.replace('.cfi_personality', name));
  const text = a.slice(1).join(',');
  const p = parseStatement('.x ' + text);
  if (!isParsed(p) || p.stmt.body?.k !== 'dir' || p.stmt.body.args.length !== 1) throw new AsmError(asm.loc, 'bad expression');
  const arg = p.stmt.body.args[0];
  if (arg.k === 'str' || arg.k === 'at' || arg.k === 'regarg' || arg.k === 'empty') throw new AsmError(asm.loc, 'bad expression');
  return { enc, value: evalExpr(arg as Expr, p.toks, asm.ctx()) };
}

/** End of input: an open FDE is GNU's error. */
export function cfiFinish(asm: Assembly): void {
  if (asm.cfi.cur) {
    asm.error('open CFI at the end of file; missing .cfi_endproc directive');
    asm.cfi.cur.end = here(asm.cfi.cur.sec);
    asm.cfi.cur = undefined;
  }
}
