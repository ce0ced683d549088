// The shape of one instruction form in the ISA table (src/isa/table.ts).
//
// One record per encoding form, e.g. "add r/m32, imm8 (sign-extended)". The encoder's
// mnemonic index, the decoder's opcode lookup, the AT&T formatter and the executor's
// handler array are all derived from the same frozen records, so they cannot disagree.
//
// Operands are listed in AT&T order (sources first, destination last), as written
// in GNU as syntax and as printed by objdump -d.

/** Processor mode an encoding is valid in (bits of code: .code16/.code32/.code64). */
export type Mode = 16 | 32 | 64;

/**
 * Operand size of a form or operand.
 * - 8/16/32/64: fixed.
 * - 'v': the form's operand size — 16 with 66h, 64 with REX.W, else 32 (the "default" size).
 * - 'z': immediate of size 'v' but at most 32 (imm32 sign-extended under REX.W).
 * - 'y': 32 or 64 (REX.W), 66h not allowed / ignored.
 * - 'w/d/q' style memory-only pseudo sizes use 0 (size not inferable, e.g. lea, lgdt, invlpg).
 */
export type Size = 8 | 16 | 32 | 64 | 80 | 128 | 'v' | 'z' | 'y' | 0;

/** Where an operand lives in the encoding. */
export type OperandLoc =
  | 'reg' // ModRM.reg (+REX.R)
  | 'rm' // ModRM.rm (+REX.B / SIB), register or memory per kind
  | 'opreg' // low 3 bits of the last opcode byte (+REX.B)
  | 'imm' // immediate after displacement
  | 'imm2' // second immediate (enter $a,$b: the 8-bit one)
  | 'vvvv' // VEX.vvvv (inverted in the encoding; 4 bits in 64-bit mode, 3 elsewhere)
  | 'implicit'; // not encoded (fixed register, the shift count 1, ...)

export type OperandKind =
  | 'gpr' // general register only (loc reg/opreg/rm with mod=3)
  | 'rm' // general register or memory (loc rm)
  | 'mem' // memory only (loc rm, mod != 3)
  | 'imm' // immediate
  | 'rel' // relative branch target (loc imm; size 8 or 'z')
  | 'moffs' // absolute offset, mov al/ax/eax/rax <-> moffs (A0-A3); size of the offset = address size
  | 'fixed' // a specific register written explicitly in AT&T (e.g. %al in `in $0x60,%al`, %cl in shifts, %dx in in/out)
  | 'one' // the implicit count 1 of D0/D1 shifts (GNU accepts `shl %eax` and `shl $1,%eax`)
  | 'sreg' // segment register (loc reg)
  | 'seg' // a specific segment register in the opcode (push %fs)
  | 'creg' // control register (loc reg)
  | 'dreg' // debug register (loc reg)
  | 'treg' // 386/486 test register %tr0-%tr7 (loc reg)
  | 'far' // ptr16:16/32 absolute far pointer ljmp $sel,$off (32/16-bit modes): two immediates
  | 'st' // x87 stack register: %st(i) in ModRM.rm (loc rm, mod=3), or %st(0) written as %st (loc implicit)
  | 'bnd' // MPX bound register %bnd0-3 (loc reg, or rm with mod=11)
  | 'xmm' // SSE register %xmm0-15 (loc reg, or rm with mod=3)
  | 'xmmrm' // SSE register or memory (loc rm); `size` is the memory operand's size
  | 'mmx' // MMX register %mm0-7 (loc reg, or rm with mod=3); REX.R/B do not extend it
  | 'mmxrm'; // MMX register or memory (loc rm); `size` is the memory operand's size

export interface OperandDef {
  readonly kind: OperandKind;
  readonly loc: OperandLoc;
  readonly size: Size;
  /** For 'fixed'/'seg': the register (e.g. 'al', 'cl', 'dx', 'fs'); 'acc' = al/ax/eax/rax by size. */
  readonly reg?: string;
  /** For imm: 8-bit immediate sign-extended to the operand size (83 /0 ib, 6B, 6A). */
  readonly sx?: boolean;
  /** Read/written by the instruction (for tracing and for the executor's memory access checks). */
  readonly access?: 'r' | 'w' | 'rw' | 'none';
  /** A general register operand whose memory alternative is narrower (pinsrw: r32 or m16); objdump's Intel PTR size. */
  readonly memSize?: Size;
}

/** Flags as a bit set in the RFLAGS bit positions (CF=0, PF=2, AF=4, ZF=6, SF=7, TF=8, IF=9, DF=10, OF=11). */
export const enum Flag {
  CF = 1 << 0,
  PF = 1 << 2,
  AF = 1 << 4,
  ZF = 1 << 6,
  SF = 1 << 7,
  TF = 1 << 8,
  IF = 1 << 9,
  DF = 1 << 10,
  OF = 1 << 11,
}
export const STATUS_FLAGS = 0x8d5; // CF PF AF ZF SF OF

export interface FlagEffect {
  /** Flags the instruction reads (cmov/jcc/adc/...). */
  readonly read: number;
  /** Flags it sets to a defined value. */
  readonly written: number;
  /** Flags the SDM leaves undefined after it. */
  readonly undef: number;
}

export type ControlFlow = 'none' | 'jmp' | 'jcc' | 'call' | 'ret' | 'iret' | 'int' | 'loop' | 'sys' | 'halt';

/** How the AT&T size suffix (b/w/l/q) relates to this form. */
export type SuffixRule =
  | 'size' // suffix from operand size, required if no register operand decides it (add, mov, push ...)
  | 'none' // never takes a suffix (nop, hlt, ret, jcc, lgdt ...)
  | 'always'; // objdump always prints it (e.g. pushq $imm? iretq, lretq, sysretq, movsbl ...): mnemonic already includes it

export interface FormDef {
  /** Stable unique id, e.g. 'add_rm_imm8'. Used in golden data, tests and handler tables. */
  readonly id: string;
  /** AT&T base mnemonic without the size suffix, e.g. 'add', 'movzb', 'iret'. */
  readonly mnem: string;
  /** Extra accepted spellings that map to this form exactly (e.g. 'sal' for shl, 'jz' for je). */
  readonly aliases?: readonly string[];
  /** Opcode bytes after prefixes/REX (escape bytes 0F, 0F 38, 0F 3A included). */
  readonly opcode: readonly number[];
  /** Mandatory prefix that is part of the opcode (F3 0F B8 popcnt, 66 0F .. ). */
  readonly prefix?: 0x66 | 0xf2 | 0xf3;
  /** Decoder: the SDM's NP, no 66/F2/F3 may precede (those select other rows or objdump's nop). */
  readonly np?: boolean;
  /** ModRM: present iff defined. `reg` = /digit opcode extension; `mod` restricts to register or memory forms ('rip': the decoder takes only mod 00 rm 101, RIP-relative in 64-bit mode; the encoder any memory); `rm` fixes ModRM.rm (0F 01 F8 swapgs = mod 3, reg 7, rm 0). */
  readonly modrm?: { readonly reg?: number; readonly mod?: 'reg' | 'mem' | 'rip'; readonly rm?: number };
  readonly operands: readonly OperandDef[];
  /**
   * How the operand size is chosen:
   * 'b' 8-bit; 'v' 16/32/64 via 66h/REX.W (default 32); 'd64' default 64 in long mode, 66h gives 16, no 32 (push/pop/call/jmp near);
   * 'f64' always 64 in long mode (jcc, near ret...); 'w','d','q' fixed sizes; 'none' no operand size.
   */
  readonly osz: 'b' | 'v' | 'd64' | 'f64' | 'w' | 'd' | 'q' | 'none';
  /** Modes the form is valid in. */
  readonly modes: readonly Mode[];
  readonly flags: FlagEffect;
  readonly suffix: SuffixRule;
  /** LOCK prefix allowed (memory destination forms of add/adc/and/btc/btr/bts/cmpxchg/dec/inc/neg/not/or/sbb/sub/xor/xadd/xchg). */
  readonly lockable?: boolean;
  /** Which REP prefixes are meaningful: 'rep' (movs/stos/lods/ins/outs), 'repcc' (cmps/scas). */
  readonly rep?: 'rep' | 'repcc';
  readonly flow: ControlFlow;
  /** Privileged: #GP(0) if CPL != 0. */
  readonly priv?: boolean;
  /** Short/long partner for relaxation (jmp rel8 <-> jmp rel32). */
  readonly relaxTo?: string;
  /** Free-form condition code for the cc families (0..15), used by jcc/setcc/cmovcc handlers. */
  readonly cc?: number;
  /** Names the executor's semantic group so one handler can serve a family (e.g. 'alu:add'). */
  readonly sem: string;
  /** Encoder: the two operands may also be written in the other order (xchg, test). */
  readonly commute?: boolean;
  /** Encoder-only spelling of an encoding another row decodes to (not a decode slot of its own). */
  readonly encodeOnly?: boolean;
  /** Decoder-only alias encoding that GNU as never emits (82 /n, F6/F7 /1, D0-D3/C0/C1 /6); not in the encoder's index. */
  readonly decodeOnly?: boolean;
  /** Claims one exact opcode/ModRM value inside a wider slot of another row, and wins there (nop = 90 inside xchg 90+r). */
  readonly overlay?: boolean;
  /** Decoder: taken only where no other row of its slot fits (objdump's `nop r/m` over the 0F 18-1F hint space). */
  readonly fallback?: boolean;
  /** Address size the form is tied to (jcxz/jecxz/jrcxz, loop with 67h): 67h is emitted when it differs from the mode's. */
  readonly asz?: 16 | 32 | 64;
  /** Decoder: ModRM.reg is ignored by the CPU (setcc); the encoder writes 0. */
  readonly regIgnored?: boolean;
  /**
   * Which operand-size prefixes the register size produces: 'none' = neither 66h nor REX.W (mov %eax,%ds is
   * 8E D8 for any register size), 'no-w' = 66h for 16-bit but no REX.W for 64-bit (mov %ds,%rax = 8C D8).
   */
  readonly osPrefix?: 'none' | 'no-w';
  /** Operand sizes the assembler accepts when narrower than `osz` gives (movzw: 32/64 only; call rel: not 16). */
  readonly encSizes?: readonly number[];
  /** Encoder: suffix letters GNU as rejects although the size is otherwise valid (lret: no `l` in 64-bit mode). */
  readonly badSuffix?: string;
  /** A 66h byte is no operand-size prefix for this form (ADX: the size is 32 or 64; objdump names it data16). */
  readonly no66?: boolean;
  /** objdump's Intel-syntax mnemonic where it is not the AT&T one minus a suffix (x87 flds -> fld, fsub <-> fsubr). */
  readonly intel?: string;
  /** Encoder: the warning GNU as gives for this spelling (x87 default suffix, `fadd` translated to `faddp`); `#` = the %st(i) number. */
  readonly warn?: string;
  /** Encoder: an Intel64-only spelling GNU as takes only under -mintel64 (lfs to a 64-bit register, lcallq *m). */
  readonly intel64?: boolean;
  /** Encoder-only spelling that stands for an imm8 it appends itself (cmpeqps = cmpps $0; pclmullqlqdq = pclmulqdq $0). */
  readonly fixedImm?: number;
  /** Legacy SIMD row objdump decodes under an F2/F3 it does not take, naming it (repz pmovmskb %mm0,%eax). */
  readonly repIgnored?: boolean;
  /** imm8 values objdump prints as a mnemonic of their own, dropping the immediate (cmpps $0 -> cmpeqps). */
  readonly immNames?: Readonly<Record<number, string>>;
  /** VEX-encoded form (C4/C5 prefix); absent for legacy encodings. */
  readonly vex?: VexDef;
}

/**
 * VEX encoding (SDM Vol. 2A §2.3): the form's opcode bytes name the map by their escape bytes
 * (0F = map 1, 0F 38 = map 2, 0F 3A = map 3) and `prefix` gives VEX.pp instead of a legacy prefix.
 * 'size': VEX.W chooses the operand size like REX.W (64 in 64-bit mode only, ignored elsewhere);
 * 0/1: W must have that value; 'ig': W is ignored.
 */
export interface VexDef {
  /** VEX.L: 0 or 1 required, 'ig' ignored (objdump decodes XOP BEXTR with either; the encoder writes 0). */
  readonly l: 0 | 1 | 'ig';
  readonly w: 'size' | 0 | 1 | 'ig';
  /**
   * AMD XOP encoding instead (AMD64 APM Vol. 3 §1.9): 8F prefix with opcode map 8, 9 or 10 in its
   * mmmmm field; the row's opcode is then the single byte in that map. Same R/X/B, W, vvvv, L, pp.
   */
  readonly xop?: 8 | 9 | 10;
  /** objdump decodes the row whatever VEX.pp says (vzeroall, vldmxcsr); the encoder writes none. */
  readonly ppIgnored?: boolean;
}

/** A table entry after loading: its numeric index is the form id used for dispatch. */
export interface Form extends FormDef {
  readonly index: number;
}
