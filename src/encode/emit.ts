// Byte emission for a matched form: prefixes in GNU's order, REX, opcode, ModRM/SIB/displacement,
// immediates, and fixups where a value is not yet known (SDM Vol. 2A §2.1-2.2).

import type { Form, Mode } from '../isa/types.js';
import { formCount } from '../isa/lookup.js';
import type { RegInfo } from '../isa/registers.js';
import type { AsmInsn, Encoded, EncodeOptions, Fixup, Value } from './types.js';
import { EncodeError } from './errors.js';
import { encodeAddress, isConst, type AddrEnc, type MemOperand } from './modrm.js';
import { candidatesFor, defSize, isBranchForm, regFrom, type Match } from './match.js';
import { SEG_PREFIX, type PrefixState } from './prefixes.js';
import { checkHintSpace, hintAbsSize } from './hint-checks.js';
import { M64, fitsS, gnuImm, hex, inRange, pushLE, wrapS } from './values.js';
import { ByteBuf } from './bytes.js';
import { FixupRec } from './records.js';

/** The bytes of the instruction being emitted (copied out at the end: emit() never nests while writing). */
const scratch = new ByteBuf();
/** No fixups (shared: Encoded.fixups is read-only). */
const NO_FIXUPS: readonly Fixup[] = Object.freeze([]);

/** Forms whose register operand holds an address (MOVDIR64B, ENQCMD/ENQCMDS): it is of the address size. */
const ADDR_REG_SEMS = new Set(['movdir64b', 'ext:enqcmd', 'ext:enqcmds']);

/** 2^bits for a field of 1, 2 or 4 bytes, and its negation (made once: not a BigInt per test). */
const FIELD_TOP: readonly bigint[] = [0n, 1n << 8n, 1n << 16n, 0n, 1n << 32n];
const FIELD_BOTTOM: readonly bigint[] = FIELD_TOP.map((p) => -p);

/**
 * Facts about a form that emit() asks for every instruction, from string tests on its id and sem:
 * worked out once per form (bit 0: known). Derived from the table, never written otherwise.
 */
const F_KNOWN = 1, F_ADDR_REG = 2, F_WAIT = 4, F_LEA = 8, F_BRANCH = 16, F_HINT = 32, F_REWRITE = 64, F_PTR16 = 128;
const formFlags = new Uint8Array(formCount());
function flagsOf(f: Form): number {
  let x = formFlags[f.index];
  if (x === 0) {
    x = F_KNOWN;
    if (ADDR_REG_SEMS.has(f.sem)) x |= F_ADDR_REG;
    // fstcw & co.: the WAIT (9B) that makes them "fstcw" rather than "fnstcw" goes before every prefix.
    if (f.opcode.length > 1 && f.opcode[0] === 0x9b && f.sem.startsWith('x87:')) x |= F_WAIT;
    if (f.sem === 'lea') x |= F_LEA;
    if (isBranchForm(f)) x |= F_BRANCH;
    if (f.sem.startsWith('mpx:') || f.id === 'prefetchit0' || f.id === 'prefetchit1') x |= F_HINT;
    if (f.id === 'xchg_acc_r' || f.id === 'int') x |= F_REWRITE;
    if (f.id === 'ljmp_ptr' || f.id === 'lcall_ptr') x |= F_PTR16;
    formFlags[f.index] = x;
  }
  return x;
}

export const REP_OK = new Set(['ret', 'ret_imm', 'nop', 'bsf', 'bsr']);

/**
 * 32-bit rows whose size is not an operand size (memory formats, sysret/sysexit, GNU's IgnoreSize
 * templates): no 66h in .code16. Plain `iret` there is the 16-bit one; `sysretl` written so gets 66h.
 */
const NO_OSZ_16 = new Set(['sysret', 'sysexit', 'rdsspd', 'incsspd', 'wrssd', 'wrussd', 'fxsave', 'fxrstor', 'xsave', 'xrstor', 'xsaveopt', 'cmpxchg8b', 'xrstors', 'xsavec', 'xsaves',
  'movnti', 'movdiri32', 'crc32b', 'rdfsbase', 'rdgsbase', 'wrfsbase', 'wrgsbase']);
/** Rows without an operand size whose 32-bit registers still take 66h in .code16 (GNU 2.40, measured). */
const OSZ_16_REGS = new Set(['encodekey128', 'encodekey256']);

export function emit(m: Match, insn: AsmInsn, pfx: PrefixState, opts: EncodeOptions, warnings: string[], name: string): Encoded {
  const mode = opts.mode;
  const ff = flagsOf(m.form);
  if ((ff & F_REWRITE) !== 0) {
    const r = rewritten(m, insn, pfx, opts, warnings, name);
    if (r.enc) return r.enc;
    m = r.m;
  }
  const f = m.form;
  const size = m.size;
  const defs = f.operands;

  // Operand roles.
  let regField = -1; // ModRM.reg value (0..15)
  let rmReg: RegInfo | undefined;
  let mem: MemOperand | undefined;
  let opreg: RegInfo | undefined;
  let vvvvReg: RegInfo | undefined;
  // The immediate (value, field bytes, sign-extended to 64 bits, bytes its range is checked in), a
  // second immediate (enter, extrq), and a relative target: plain variables, no object per instruction.
  let imm: Value | undefined, immN = 0, immSigned = false, immRange = 0;
  let imm2: Value | undefined, imm2N = 0;
  let rel: Value | undefined, relN: 1 | 2 | 4 = 1;
  let moffs: Value | undefined;
  let moffsSeg = 0;
  let strMems: { op: MemOperand; es: boolean }[] | undefined;
  // Byte registers: one that needs REX (%sil...) and the first of %ah/%bh/%ch/%dh, which cannot have it.
  let byteRex = false;
  let highByte: RegInfo | undefined;
  let relax: 'short' | 'near' | undefined;

  for (let i = 0; i < defs.length; i++) {
    const d = defs[i];
    const o = m.ops[i];
    if (!o) continue;
    if (o.kind === 'reg' && o.reg.cls === 'gpr' && o.reg.size === 8) {
      if (o.reg.needsRex) byteRex = true;
      if (o.reg.highByte && !highByte) highByte = o.reg;
    }
    switch (d.loc) {
      case 'reg':
        regField = (o as { reg: RegInfo }).reg.num;
        break;
      case 'rm':
        if (o.kind === 'reg') rmReg = o.reg;
        else mem = o as MemOperand;
        break;
      case 'opreg':
        opreg = (o as { reg: RegInfo }).reg;
        break;
      case 'vvvv':
        vvvvReg = (o as { reg: RegInfo }).reg;
        break;
      case 'imm':
        if (d.kind === 'rel') {
          const short = d.size === 8;
          rel = (o as MemOperand).disp!;
          relN = short ? 1 : relWide(f, size, pfx, opts) ? 4 : 2;
          if (f.relaxTo) relax = short ? 'short' : 'near';
        } else if (d.kind === 'moffs') {
          moffs = (o as MemOperand).disp!;
          if ((o as MemOperand).seg) moffsSeg = SEG_PREFIX[(o as MemOperand).seg!.name];
        } else {
          const n = d.sx ? 1 : d.size === 'v' ? size / 8 : defSize(d, size) / 8;
          // GNU checks a sign-extended imm8 against the operand size, not the byte it emits.
          imm = (o as { value: Value }).value;
          immN = n;
          immSigned = size === 64 && n === 4;
          immRange = d.sx ? size / 8 : n;
        }
        break;
      case 'imm2':
        imm2 = (o as { value: Value }).value;
        imm2N = defSize(d, size) / 8;
        break;
      case 'implicit':
        if (d.kind === 'mem') (strMems ??= []).push({ op: o as MemOperand, es: d.reg === 'es' });
        break;
    }
  }

  // String-op operands written out (`movsb (%rsi),(%rdi)`): they pick the address size and the source segment.
  let strAsz = 0;
  let strSeg = 0;
  if (strMems) [strAsz, strSeg] = stringOperands(strMems, m, insn, name, mode);

  if ((ff & F_BRANCH) !== 0 && (m.ops[0]?.kind === 'reg' || m.ops[0]?.kind === 'mem') && !m.ops[0].indirect) warnings.push(`indirect ${f.sem.endsWith(':far') ? 'l' : ''}${f.flow} without \`*'`);
  if ((ff & F_LEA) !== 0 && mem?.seg) warnings.push("segment override on `lea' is ineffectual");

  if (rel) {
    // Relaxable branches: pick the partner the relaxation pass asked for.
    if (f.relaxTo) {
      const want = opts.branch ?? (isConst(rel) ? 'near' : 'short');
      if ((want === 'near') !== (relN !== 1)) return emit({ ...m, form: relaxPartner(f) }, insn, pfx, opts, warnings, name);
    }
    if (pfx.addr || pfx.seg) pfx = branchPrefixes(f, pfx, relN, warnings, name);
  }

  // Address.
  let addr: AddrEnc | undefined;
  if (mem) addr = memAddress(mem, f, ff, size, insn, pfx, mode);
  if ((ff & F_HINT) !== 0) checkHintSpace(f, mem, addr, pfx, mode, name, warnings, () => memText(mem!, true));
  if (mem && mem.disp && addr && addr.dispSize === 4 && mode === 64 && !addr.ripRel && !mem.base && !mem.index && !((ff & F_LEA) !== 0 && size < 64) && isConst(mem.disp)) {
    absRange(mem.disp, pfx, insn, name);
  }

  // Prefix bytes in GNU's order: (WAIT,) segment, address size, operand size, rep/mandatory, lock, REX.
  const out = scratch;
  out.n = 0;
  const waitFirst = (ff & F_WAIT) !== 0;
  if (waitFirst) out.push(0x9b);
  const asz = legacyPrefixes(out, m, ff, insn, pfx, mem, addr, moffs !== undefined, moffsSeg, strSeg, strAsz, strMems, mode, name);

  if (mode !== 64 && regField === 8 && f.sem === 'sys:movcr') {
    out.push(0xf0); // mov %cr8 in 32-bit code: LOCK stands in for REX.R
    regField = 0;
  }

  // REX.
  let rexW = 0;
  if (size === 64 && (f.osz === 'v' || f.osz === 'q') && !f.osPrefix) rexW = 1;
  const rexR = regField >= 8 ? 1 : 0;
  const rexX = addr ? addr.rexX : 0;
  const rexB = addr ? addr.rexB : rmReg ? rmReg.num >> 3 : opreg ? opreg.num >> 3 : 0;
  let rex = (rexW << 3) | (rexR << 2) | (rexX << 1) | rexB;
  if (f.vex) {
    if (pfx.rex) throw new EncodeError(`REX prefix invalid with \`${name}'`);
    const w = f.vex.w === 'size' ? rexW : f.vex.w === 1 ? 1 : 0;
    vexPrefix(out, f, w, rexR, rexX, rexB, vvvvReg ? vvvvReg.num : 0);
  } else if (rex !== 0 || pfx.rex !== 0 || byteRex) {
    if (mode !== 64) throw new EncodeError(`bad register name`);
    // %ah..%bh are refused when the operands need REX, not with an explicit `rex` prefix alone (GNU 2.40).
    const hi = rex !== 0 || byteRex ? highByte : undefined;
    if (hi) throw new EncodeError(`can't encode register '%${hi.name}' in an instruction requiring REX prefix.`);
    rex |= pfx.rex & 0xf;
    out.push(0x40 | rex);
  }

  // Opcode (under VEX the escape bytes are in VEX.mmmmm).
  const op = f.opcode;
  for (let i = waitFirst ? 1 : f.vex ? op.length - 1 : 0; i < op.length - 1; i++) out.push(op[i]);
  let last = op[op.length - 1];
  if (opreg) last += opreg.num & 7;
  out.push(last);

  // ModRM / SIB / displacement.
  let fixups: Fixup[] | undefined;
  if (f.modrm) {
    const reg = f.modrm.reg !== undefined ? f.modrm.reg : regField >= 0 ? regField & 7 : 0;
    if (f.modrm.rm !== undefined) {
      out.push(0xc0 | (reg << 3) | f.modrm.rm);
    } else if (rmReg) {
      out.push(0xc0 | (reg << 3) | (rmReg.num & 7));
    } else if (addr) {
      out.push((addr.mod << 6) | (reg << 3) | addr.rm);
      if (addr.sib >= 0) out.push(addr.sib);
      if (addr.dispSize) {
        const d = addr.disp;
        if (d === undefined) {
          // A constant (RIP-relative: disp32, never shortened here).
          if (!addr.ripRel && addr.asize !== 64) shortened(gnuAddress(addr.dispNum, mode), addr.dispSize, warnings);
          pushLE(out, addr.dispNum, addr.dispSize);
        } else {
          // A 64-bit address sign-extends disp32 (R_X86_64_32S); a 32-bit one wraps (R_X86_64_32).
          fixups = withFixup(fixups, new FixupRec(out.n, addr.dispSize as 1 | 2 | 4, d, addr.ripRel, addr.dispSize === 4 && mode === 64 && addr.asize === 64 && !((ff & F_LEA) !== 0 && size < 64)));
          pushLE(out, 0n, addr.dispSize);
        }
      }
    }
  }

  // moffs (address-size wide), rel, immediates.
  if (moffs !== undefined) fixups = moffsField(out, fixups, moffs, asz / 8, mode, warnings);
  if (imm) {
    // GNU checks (and prints) the constant as it reads it for this operand size (gnuImm).
    // An 8-bit field of a byte or word operation is read as a word first (optimize_imm's imm16 step:
    // movb $0x8000 warns about 0xffffffffffff8000, movb $0xffff is silent).
    if (immRange < 8 && !immSigned && isConst(imm)) {
      const readBits = immRange === 1 && (size === 8 || size === 16) ? 16 : immRange * 8;
      shortened(gnuImm(imm.addend, readBits, mode), immRange, warnings);
    }
    fixups = field(out, fixups, imm, immN, immSigned, false);
    if ((ff & F_PTR16) !== 0 && size === 16 && isConst(imm) && !inRange(gnuImm(imm.addend, 16, mode), 16)) {
      throw new EncodeError('16-bit jump out of range');
    }
  }
  // A pseudo-op spelling of an imm8 (cmpeqps = cmpps $0, pclmullqlqdq = pclmulqdq $0).
  if (f.fixedImm !== undefined) out.push(f.fixedImm);
  if (imm2) fixups = field(out, fixups, imm2, imm2N, false, false);
  if (rel) fixups = field(out, fixups, rel, relN, true, true);

  // The pc-relative fixups are relative to the end of the instruction; nothing follows them but
  // immediates, whose size the front end sees as (bytes.length - offset - size).
  // Built without spreads or an iterator (once per instruction on the hot path), every field present so
  // that all answers share one object shape.
  return { bytes: out.take(), fixups: fixups ?? NO_FIXUPS, form: f.id, relax, warnings: warnings.length ? warnings : undefined };
}

// The parts of emit() that few instructions need, out of line: emit() stays small enough for V8 to
// optimize early (its tick count before optimizing grows with its bytecode size), and code a file
// never reaches is never compiled.

/**
 * xchg of the accumulator with itself and `int $3`: another form (or size), or the whole answer.
 */
function rewritten(m: Match, insn: AsmInsn, pfx: PrefixState, opts: EncodeOptions, warnings: string[], name: string): { m: Match; enc?: Encoded } {
  if (m.form.id === 'xchg_acc_r' && regFrom(m.ops[0])?.num === 0) {
    // xchg of the accumulator with itself: GNU emits a plain 90 (nop) except for %eax in 64-bit mode,
    // where 90 would not zero-extend %rax, so it uses 87 C0 (SDM Vol. 2B XCHG).
    if (opts.mode === 64 && m.size === 32) {
      const alt = candidatesFor('xchg').find((c) => c.form.id === 'xchg_rm_r')!.form;
      return { m, enc: emit({ ...m, form: alt }, insn, pfx, opts, warnings, name) };
    }
    if (m.size === 64) m = { ...m, size: 32 };
  }
  if (m.form.id === 'int' && m.ops[0]?.kind === 'imm' && isConst(m.ops[0].value) && m.ops[0].value.addend === 3n) {
    // GNU turns `int $3` into int3, prefixes and all (`data16 int $3` is 66 CC).
    return { m, enc: emit({ ...m, form: candidatesFor('int3')[0].form, ops: [] }, { ...insn, operands: [] }, pfx, opts, warnings, name) };
  }
  return { m };
}

/** Is a near branch's displacement 32 bits (else 16)? */
function relWide(f: Form, size: number, pfx: PrefixState, opts: EncodeOptions): boolean {
  const mode = opts.mode;
  // data16 on a near branch makes its displacement 16 bits (callw/jmpw, R_*_PC16).
  // A REX.W written with it overrides data16 in 64-bit code (SDM Vol. 2A §2.2.1.2): rel32 again.
  // Intel 64 ignores 66h on a near jmp/call in 64-bit code (SDM Vol. 2A JMP/CALL): -mintel64 keeps rel32.
  return mode === 16 ? size === 32 || pfx.data16 : (size !== 16 && !pfx.data16) || (mode === 64 && (pfx.rex & 8) !== 0) ||
    (mode === 64 && !!opts.intel64 && (f.flow === 'jmp' || f.flow === 'call'));
}

/**
 * Relative jmp/call/jcc: GNU drops an address-size prefix (not on loop/jcxz, whose address size
 * selects the count register) and any segment but the cs/ds branch hints (on a call, every
 * segment; GNU 2.40, measured), with a warning (tc-i386.c output_branch/output_jump).
 */
function branchPrefixes(f: Form, pfx: PrefixState, relN: number, warnings: string[], name: string): PrefixState {
  const relJump = relN !== 1 || !!f.relaxTo;
  const dropSeg = pfx.seg !== 0 && (f.flow === 'call' || (pfx.seg !== 0x2e && pfx.seg !== 0x3e));
  if ((relJump && pfx.addr) || dropSeg) {
    warnings.push(`skipping prefixes on \`${name}'`);
    return { ...pfx, addr: relJump ? 0 : pfx.addr, seg: dropSeg ? 0 : pfx.seg };
  }
  return pfx;
}

/** A memory operand's ModRM/SIB/displacement encoding, with the checks an explicit address size adds. */
function memAddress(mem: MemOperand, f: Form, ff: number, size: number, insn: AsmInsn, pfx: PrefixState, mode: Mode): AddrEnc {
  // MOVDIR64B with another register size than the mode's addresses: an absolute operand takes that size
  // (`movdir64b 0x1234,%eax` in .code16 has a 67h and a 32-bit address).
  const mdReg = (ff & F_ADDR_REG) !== 0 ? insn.operands.find((o) => o.kind === 'reg') : undefined;
  const absSize = (pfx.addr || hintAbsSize(f, mode) || (mdReg?.kind === 'reg' && mdReg.reg.size !== mode ? mdReg.reg.size : mode)) as 16 | 32 | 64;
  const addr = encodeAddress(mem, mode, absSize, (ff & F_LEA) !== 0 && size < 64, insn.pseudo ? dispPref(insn.pseudo) : undefined);
  if (pfx.addr && (mem.base || mem.index) && addr.asize !== pfx.addr) {
    // addr32/addr16 written as a prefix must agree with the registers of the address.
    encodeAddress({ ...mem, base: undefined, index: undefined, disp: undefined }, mode, absSize);
    // (GNU echoes the operand as written; memText rebuilds it, with constants in hex.)
    throw new EncodeError(`\`${memText(mem, true)}' is not a valid base/index expression`);
  }
  return addr;
}

/** A constant absolute address in 64-bit code (disp32 without base or index) must fit in it. */
function absRange(disp: Value, pfx: PrefixState, insn: AsmInsn, name: string): void {
  // (Under addr32 the address is 32 bits: any value of 32 bits fits, `addr32 mov 0x89abcdef,%rbx`.)
  const v = wrapS(disp.addend, 64);
  const fits = pfx.addr === 32 ? inRange(v, 32) : fitsS(v, 32);
  if (!fits || disp.addend > M64) {
    // Measured: a lone operand gets "size mismatch", or "invalid suffix" when a suffix was written.
    const why = insn.operands.length !== 1 ? 'operand type mismatch' : name !== insn.mnemonic.toLowerCase() ? 'invalid instruction suffix' : 'operand size mismatch';
    throw new EncodeError(`${why} for \`${name}'`);
  }
}

/**
 * The legacy prefixes after a WAIT, in GNU's order: segment, address size, operand size,
 * rep/mandatory, lock, with GNU's checks on them. Returns the address size.
 */
function legacyPrefixes(out: ByteBuf, m: Match, ff: number, insn: AsmInsn, pfx: PrefixState, mem: MemOperand | undefined, addr: AddrEnc | undefined,
  hasMoffs: boolean, moffsSeg: number, strSeg: number, strAsz: number, strMems: readonly { op: MemOperand }[] | undefined, mode: Mode, name: string): number {
  const f = m.form;
  const size = m.size;
  let seg = pfx.seg;
  if (mem?.seg) {
    const s = SEG_PREFIX[mem.seg.name];
    // GNU drops an override naming the segment the address uses anyway (SDM Vol. 1 §3.7.4).
    const dflt = mem.base && (mem.base.num === 4 || mem.base.num === 5) && mem.base.cls === 'gpr' ? 0x36 : 0x3e;
    if (s !== dflt) {
      // A segment prefix written as a mnemonic and another override GNU keeps: two segment prefixes.
      if (seg && seg !== s) throw new EncodeError('same type of prefix used twice');
      seg = s;
    }
  }
  // moffs has no default segment to compare with: an override is always written (mov %fs:0x10,%eax).
  if (moffsSeg && moffsSeg !== 0x3e && !seg) seg = moffsSeg;
  if (strSeg && strSeg !== 0x3e && !seg) seg = strSeg;
  if (pfx.notrack) {
    if ((ff & F_BRANCH) === 0) throw new EncodeError(`expecting indirect branch instruction after \`notrack'`);
    seg = 0x3e;
  }
  const segAt = out.n;
  if (seg) out.push(seg);
  const modeAsz = mode;
  let asz: number = addr ? addr.asize : pfx.addr || modeAsz;
  if (f.asz) asz = f.asz;
  // umonitor's register holds the address: in .code16 `umonitor %eax` takes a 67h (GNU, measured).
  else if (f.sem === 'waitpkg:umonitor' && insn.operands[0]?.kind === 'reg') asz = insn.operands[0].reg.size;
  // jecxz (64-bit) / jcxz (32-bit) carry their own 67h: an explicit address prefix is a second one.
  if (f.asz && f.asz !== modeAsz && pfx.addr) throw new EncodeError('same type of prefix used twice');
  if (strAsz) asz = strAsz;
  // MOVDIR64B's destination register holds an address: it must be of the address size (GNU).
  if ((ff & F_ADDR_REG) !== 0 && insn.operands.some((o) => o.kind === 'reg' && o.reg.size !== asz)) {
    throw new EncodeError(`invalid register operand size for \`${name}'`);
  }
  // `ins (%dx),<no base>`: GNU takes the 16-bit (%dx) as the address and flips the address size.
  if (mode === 32 && f.sem === 'str:ins' && strMems && !strMems[0].op.base && m.ops.some((o) => o?.kind === 'mem' && o.base?.name === 'dx')) {
    asz = 16;
  }
  if (hasMoffs && pfx.addr) asz = pfx.addr;
  // An explicit addr32/addr16 prefix is written even where it changes nothing.
  if (asz !== modeAsz || pfx.addr) out.push(0x67);
  // A direct jump (jmp/jcc/jcxz/loop) takes its segment prefix as a branch hint, written after
  // 67h (GNU output_branch/output_jump: `jcxz,pt` is 67 3e e3).
  if (seg && out.buf[out.n - 1] === 0x67 && (f.flow === 'jcc' || f.flow === 'jmp' || f.flow === 'loop') && f.operands.some((d) => d.kind === 'rel')) {
    out.buf[segAt] = 0x67;
    out.buf[out.n - 1] = seg;
  }
  // 66h selects the operand size that is not the mode's default (16 in .code16, else 32; SDM Vol. 1 §3.6).
  const opsz16 = (mode === 16 ? size === 32 && !ignoreSize16(f, insn) && insn.mnemonic !== 'iret' : size === 16) && f.osz !== 'b' && f.osz !== 'none' && f.osPrefix !== 'none' &&
    !f.vex && !f.no66 || (mode === 16 && OSZ_16_REGS.has(f.id)); // (GNU writes no 66h for VEX or ADX forms, not even in .code16)
  if (opsz16 && pfx.data16) throw new EncodeError('same type of prefix used twice');
  if (f.vex && pfx.data16) throw new EncodeError(`data size prefix invalid with \`${name}'`);
  // data16 and a mandatory 66h are one prefix written twice (clwb, invpcid, adcx).
  if (f.prefix === 0x66 && !f.vex && pfx.data16) throw new EncodeError('same type of prefix used twice');
  if (opsz16 || pfx.data16) out.push(0x66);
  // (A VEX form's `prefix` is VEX.pp, written inside the VEX prefix below.)
  if (f.prefix === 0x66 && !f.vex) out.push(0x66);
  if (pfx.rep) out.push(pfx.rep);
  if (pfx.bnd) {
    // GNU: near call/jmp/jcc/ret only (not loop/jcxz or far transfers).
    const ok = (f.flow === 'jmp' || f.flow === 'jcc' || f.flow === 'call' || f.flow === 'ret') && !f.sem.endsWith(':far') && f.sem !== 'jcxz';
    if (!ok) throw new EncodeError(`expecting valid branch instruction after \`bnd'`);
    out.push(0xf2);
  }
  if (pfx.hle) out.push(hlePrefix(pfx.hle, pfx.lock, f, !!mem, name));
  // (PadLock's F3 is a rep GNU always writes: `rep xcryptecb` is one F3, `repne xsha1` a second rep.)
  if (f.rep && f.prefix && pfx.rep && pfx.rep !== f.prefix) throw new EncodeError('same type of prefix used twice');
  if ((f.prefix === 0xf2 || f.prefix === 0xf3) && !f.vex && !(f.rep && pfx.rep === f.prefix)) out.push(f.prefix);
  if (pfx.lock) {
    if (!f.lockable || !mem) throw new EncodeError(`expecting lockable instruction after \`lock'`);
    out.push(0xf0);
  }
  // GNU accepts rep on string ops, on ret and nop (the `rep ret` / `rep nop` idioms) and on bsf/bsr (tzcnt/lzcnt).
  if (pfx.rep && !f.rep && !REP_OK.has(f.id)) {
    throw new EncodeError(`invalid instruction \`${name}' after \`${insn.prefixes.find((p) => p.startsWith('rep'))}'`);
  }
  return asz;
}

/** A moffs field (address-size wide): its bytes, or zeros and a fixup. */
function moffsField(out: ByteBuf, fixups: Fixup[] | undefined, moffs: Value, n: number, mode: Mode, warnings: string[]): Fixup[] | undefined {
  if (isConst(moffs)) {
    if (n < 8) shortened(gnuAddress(moffs.addend, mode), n, warnings);
    pushLE(out, moffs.addend, n);
    return fixups;
  }
  fixups = withFixup(fixups, new FixupRec(out.n, n as 2 | 4 | 8, moffs, false, false));
  pushLE(out, 0n, n);
  return fixups;
}

/** A value's field: its bytes if known now, else zeros and a fixup (returns the fixups, made on the first). */
function field(out: ByteBuf, fixups: Fixup[] | undefined, v: Value, n: number, signed: boolean, pcrel: boolean): Fixup[] | undefined {
  if (isConst(v) && !pcrel) {
    pushLE(out, v.addend, n);
    return fixups;
  }
  fixups = withFixup(fixups, new FixupRec(out.n, n as 1 | 2 | 4 | 8, v, pcrel, signed));
  pushLE(out, 0n, n);
  return fixups;
}

/** A relaxable branch's other form (short <-> near), found once per row. */
const partners = new Array<Form | undefined>(formCount()).fill(undefined);
function relaxPartner(f: Form): Form {
  return partners[f.index] ??= candidatesFor(f.mnem).find((c) => c.form.id === f.relaxTo)!.form;
}

/** GNU's IgnoreSize rows: no 66h in .code16 for their 32-bit size (`sysretl` written so gets it). */
function ignoreSize16(f: Form, insn: AsmInsn): boolean {
  return NO_OSZ_16.has(f.id) && !(f.id === 'sysret' && insn.mnemonic === 'sysretl');
}

/** String-op operands written out: their address size and source segment, with GNU's checks. */
function stringOperands(strMems: readonly { op: MemOperand; es: boolean }[], m: Match, insn: AsmInsn, name: string, mode: Mode): [number, number] {
  const f = m.form;
  let strAsz = 0;
  let strSeg = 0;
  // GNU only looks at their registers' size and segments, not at which registers they name.
  for (let k = 0; k < strMems.length; k++) {
    const { op: sm, es } = strMems[k];
    const r = sm.base ?? sm.index;
    // An absolute address is taken for the %es operand and for movs/cmps, not as the lone source (lods, outs).
    // Written first it has the mode's address size; written second it takes the other operand's.
    if (!r) {
      const asz = strAsz || mode;
      if ((!es && strMems.length === 1) || (sm.disp && isConst(sm.disp) && asz === 64 && !fitsS(wrapS(sm.disp.addend, 64), 32))) {
        const why = insn.operands.length !== 1 ? 'operand type mismatch' : name !== insn.mnemonic.toLowerCase() ? 'invalid instruction suffix' : 'operand size mismatch';
        throw new EncodeError(`${why} for \`${name}'`);
      }
    }
    // movsb/movsw (and movsl in 64-bit code) are also movsx/movsxd spellings; GNU's attempt at those
    // checks each address's shape first.
    const sx = /^movs[bw]$/.test(insn.mnemonic) || (mode === 64 && insn.mnemonic === 'movsl');
    if (sx && r) encodeAddress(sm, mode, mode);
    // (Measured: that attempt also refuses a RIP-relative second operand after an indexed first one.)
    if (sx && k === 1 && r?.cls === 'ip' && strMems[0].op.index) throw new EncodeError(`\`${memText(sm, true)}' is not a valid base/index expression`);
    if (sm.base?.size === 64 && sm.disp && isConst(sm.disp) && !fitsS(wrapS(sm.disp.addend, 64), 32)) {
      throw new EncodeError(`0x${BigInt.asUintN(64, sm.disp.addend).toString(16)} out of range of signed 32bit displacement`);
    }
    // With the port written `(%dx)`, GNU refuses an indexed outs source and an index-only ins destination.
    const dxMem = m.ops.some((o) => o?.kind === 'mem' && o.base?.name === 'dx');
    if (dxMem && f.sem === 'str:outs' && sm.index) throw new EncodeError(`operand size mismatch for \`${name}'`);
    if (dxMem && f.sem === 'str:ins' && sm.index && !sm.base && !sm.disp) throw new EncodeError(`operand type mismatch for \`${name}'`);
    // The first operand sets the address size (from its registers, else the mode's); a later one is
    // compared only through its base register.
    const b = k === 0 ? r : sm.base;
    // (A 16-bit register in 64-bit code counts as the default 64-bit address size.)
    if (k > 0 && b && mode === 64 && b.size === 16 && strAsz !== 64) throw new EncodeError(`\`${memText(sm, true)}' is not a valid string address expression`);
    const sz = !b ? (k === 0 ? mode : 0) : b.cls === 'ip' ? b.size : mode === 64 && b.size === 16 ? (k === 0 ? 64 : 0) : b.size;
    if (sz) {
      if (strAsz && strAsz !== sz) throw new EncodeError(`\`${memText(sm, true)}' is not a valid string address expression`);
      strAsz = sz;
    }
    if (es) {
      if (sm.seg && sm.seg.name !== 'es') throw new EncodeError(`\`${f.mnem}' operand ${insn.operands.indexOf(sm) + 1} must use \`%es' segment`);
    } else if (sm.seg && sm.seg.name !== 'ds') strSeg = SEG_PREFIX[sm.seg.name];
  }
  return [strAsz, strSeg];
}

export function memText(m: MemOperand, full = false): string {
  const parts = [m.base ? `%${m.base.name}` : ''];
  if (m.index) parts.push(`%${m.index.name}`);
  if (m.index && m.scale !== 1) parts.push(String(m.scale));
  if (!full) return `(${parts.join(',')})`;
  const seg = m.seg ? `%${m.seg.name}:` : '';
  const d = m.disp ? (m.disp.sym ? m.disp.sym + (m.disp.addend ? (m.disp.addend > 0n ? '+' : '') + m.disp.addend : '') : hex(m.disp.addend)) : '';
  return `${seg}${d}(${parts.join(',')})`;
}

/**
 * The VEX prefix (SDM Vol. 2A §2.3.5): two bytes (C5) when the map is 0F and W, X, B are 0, as GNU
 * picks; three (C4) otherwise. R/X/B and vvvv are stored inverted; an unused vvvv is 1111b.
 * AMD's XOP prefix (APM Vol. 3 §1.9) is the three-byte form with 8F and map 8-10.
 *
 *   C5 [~R vvvv L pp]          C4 [~R ~X ~B mmmmm] [W vvvv L pp]          8F [~R ~X ~B mmmmm] [W vvvv L pp]
 */
function vexPrefix(out: ByteBuf, f: Form, w: number, r: number, x: number, b: number, vvvv: number): void {
  const { opcode, prefix } = f;
  const xop = f.vex!.xop;
  const map = xop ?? (opcode.length >= 3 && opcode[1] === 0x38 ? 2 : opcode.length >= 3 && opcode[1] === 0x3a ? 3 : 1);
  const pp = prefix === 0x66 ? 1 : prefix === 0xf3 ? 2 : prefix === 0xf2 ? 3 : 0;
  const tail = ((~vvvv & 15) << 3) | (f.vex!.l === 1 ? 4 : 0) | pp;
  if (!xop && map === 1 && !w && !x && !b) {
    out.push(0xc5);
    out.push(((r ^ 1) << 7) | tail);
  } else {
    out.push(xop ? 0x8f : 0xc4);
    out.push(((r ^ 1) << 7) | ((x ^ 1) << 6) | ((b ^ 1) << 5) | map);
    out.push((w << 7) | tail);
  }
}

/**
 * `xacquire`/`xrelease` (SDM Vol. 1 §16.3.3): with `lock` on a lockable memory form, on xchg with
 * memory (locked anyway), and xrelease also on mov to memory (88/89/C6/C7). GNU's messages otherwise.
 */
function hlePrefix(hle: 0xf2 | 0xf3, lock: boolean, f: Form, mem: boolean, name: string): number {
  const which = hle === 0xf2 ? 'xacquire' : 'xrelease';
  const store = mem && f.sem === 'mov' && [0x88, 0x89, 0xc6, 0xc7].includes(f.opcode[0]) && f.opcode.length === 1;
  if ((lock && f.lockable && mem) || (mem && f.sem === 'xchg') || (hle === 0xf3 && store)) return hle;
  if (store || f.sem === 'mov') throw new EncodeError(`instruction \`${name}' after \`${which}' not allowed`);
  if (f.lockable && mem) throw new EncodeError(`missing \`lock' with \`${which}'`);
  throw new EncodeError(`invalid instruction \`${name}' after \`${which}'`);
}

/**
 * GNU's range check of a constant field (offset_in_range), for immediates and addresses alike:
 * neither the value as GNU holds it nor its negation fits in the field's bits, as unsigned 64-bit
 * numbers (so -255 in an imm8 is silent but -256 is "shortened"); for a signed 64-bit value that
 * is |val| >= 2^bits.
 */
function shortened(val: bigint, size: number, warnings: string[]): void {
  const p = FIELD_TOP[size];
  if (val >= p || val <= FIELD_BOTTOM[size]) warnings.push(`${hex(BigInt.asUintN(64, val))} shortened to ${hex(BigInt.asUintN(size * 8, val))}`);
}

/** An address as GNU holds it: outside 64-bit code read as 32 bits, sign-extended (so a 32-bit field
 *  there never warns; `-70000(%bx)` and `addr16 movl 0x12345,%eax` do). 32-bit fields of 64-bit
 *  addressing are range-checked (an error) before this. */
function gnuAddress(v: bigint, mode: Mode): bigint {
  return mode === 64 ? BigInt.asIntN(64, v) : BigInt.asIntN(32, v);
}

/** The displacement size a `{disp8}`/`{disp16}`/`{disp32}` pseudo-prefix asks for, if any. */
function dispPref(pseudo: readonly string[] | undefined): 8 | 16 | 32 | undefined {
  if (!pseudo) return undefined;
  return pseudo.includes('disp32') ? 32 : pseudo.includes('disp16') ? 16 : pseudo.includes('disp8') ? 8 : undefined;
}

/** `list` with `fx` added (made on the first, by Array.of: an array literal's allocation site would be
 *  switched to old space mid-run, the line cache keeping these lists, and emit() thrown away with it). */
function withFixup(list: Fixup[] | undefined, fx: Fixup): Fixup[] {
  if (list === undefined) return Array.of(fx);
  list.push(fx);
  return list;
}
