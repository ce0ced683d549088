// The one description of what each covered instruction does. The interpreter's handler, the
// specialised closure for one cached instruction and the block compiler's inline code are all
// generated from these rows by codegen.ts; nothing else spells out their behaviour.
//
// A row names its operands (AT&T order, as operands.ts prepares them), whether the destination is
// read and written, and gives the value as JavaScript statements over fixed locals:
//   a ah   destination (low, high half; the high half only at width 64)
//   b bh   source
//   c      carry in (adc, sbb: CF as 0/1)
//   r rh   result
// `w` is the operand width in bits; below 64 only the low halves matter, and at 8/16 the inputs
// arrive masked and the result must be masked. Results of 32-bit operations may be any int32.
// `rec` names the lazy flag record the instruction leaves (flags.ts): codegen writes it, or drops
// it inside a block when a later instruction overwrites all six status flags first.
// Flags the SDM leaves undefined, and vendor differences, stay in profiles.ts: rows that need them
// call the helper that reads cpu.profile (shift), never test a vendor.

/** Operand width in bits. */
export type Width = 8 | 16 | 32 | 64;

/** Lazy flag record left behind (flags.ts LZ_*); 'helper': the value code sets flags itself; null: none. */
export type Rec = 'add' | 'sub' | 'logic' | 'inc' | 'dec' | 'helper' | null;

/** What the value code may depend on besides the widths (the shift helper's count rules). */
export interface ValueCtx { readonly srcImm: boolean; readonly dstMem: boolean; /** ret: `c` holds imm16. */ readonly imm: boolean }

/** The parts of a memory operand's offset, as JS expressions (lea); null: absent. */
export interface OffsetParts {
  readonly base: string | null;
  readonly index: string | null;
  readonly scale: string;
  readonly disp: string;
  /** Low and high half of a precomputed absolute offset (moffs, RIP-relative), else null. */
  readonly abs: readonly [string, string] | null;
  readonly adsize: 16 | 32 | 64;
}

export interface Row {
  /**
   * How the operands are used:
   * - 'rmw': dst = f(dst, src) — ALU binary ops and shifts [src, dst], unary ops [dst] (no `src`);
   * - 'move': dst = f(src), dst not read (mov, movzx, movsx, setcc, cmov);
   * - 'lea': dst = the memory operand's offset (`offset`);
   * - 'branch': `b` holds the rel target; `w` is the stack width (64 in long mode, else 16/32);
   * - 'push', 'pop': the stack at the operand size.
   */
  readonly kind: 'rmw' | 'move' | 'lea' | 'branch' | 'push' | 'pop';
  /** Operand index of the destination / source (undefined: none). */
  readonly dst?: number;
  readonly src?: number;
  /** Width the source is read at: 'dst' (ALU, mov: an imm8 is already sign-extended), 'own' (movzx), or fixed (a shift count: 8). */
  readonly srcWidth?: 'dst' | 'own' | Width;
  /** The destination is written back (false for cmp and test). */
  readonly write?: boolean;
  /** Reads CF into `c` before the value code (adc, sbb). */
  readonly carryIn?: boolean;
  /** Only when condition `cc` holds: the store (cmov: a false 32-bit cmov still zero-extends) or the jump. */
  readonly guard?: 'cc';
  /** Width of the destination regardless of its operand size (setcc: 8). */
  readonly dstWidth?: Width;
  /** Value statements at destination width `w` (and source width `ws`). */
  readonly value: (w: Width, ws: Width, ctx: ValueCtx) => string;
  /**
   * Value statements when the flags are dead and the source is the constant `n` (shifts inside a
   * block): a cheaper equivalent, or null to use `value`.
   */
  readonly valueNoFlags?: (w: Width, n: number) => string | null;
  /** May fault without a memory operand (the stack). */
  readonly faults?: boolean;
  /** lea: statements setting r rh to the offset at width w (before the operand-size truncation). */
  readonly offset?: (w: Width, p: OffsetParts) => string;
  readonly rec: Rec;
}

const TWO32 = 4294967296;
/** End of the lower canonical half (48-bit linear addresses). */
const CANON_END = '0x800000000000';
const mask = (w: Width): number => (w === 8 ? 0xff : 0xffff);

// ---- value primitives ----

function addV(carry: boolean): (w: Width) => string {
  const c = carry ? '+c' : '';
  return (w) => w === 64 ? `l=(a>>>0)+(b>>>0)${c};r=l|0;rh=(ah+bh+(l>=${TWO32}?1:0))|0;`
    : w === 32 ? `r=(a+b${c})|0;` : `r=(a+b${c})&${mask(w)};`;
}
function subV(carry: boolean): (w: Width) => string {
  const c = carry ? '-c' : '';
  return (w) => w === 64 ? `l=(a>>>0)-(b>>>0)${c};r=l|0;rh=(ah-bh-(l<0?1:0))|0;`
    : w === 32 ? `r=(a-b${c})|0;` : `r=(a-b${c})&${mask(w)};`;
}
function logicV(o: '&' | '|' | '^'): (w: Width) => string {
  // Inputs at 8/16 are masked, so the result is too.
  return (w) => `r=a${o}b;` + (w === 64 ? `rh=ah${o}bh;` : '');
}
const incV = (w: Width): string => w === 64 ? 'r=(a+1)|0;rh=r===0?(ah+1)|0:ah;' : w === 32 ? 'r=(a+1)|0;' : `r=(a+1)&${mask(w)};`;
const decV = (w: Width): string => w === 64 ? 'r=(a-1)|0;rh=a===0?(ah-1)|0:ah;' : w === 32 ? 'r=(a-1)|0;' : `r=(a-1)&${mask(w)};`;
/** neg: 0 - dst, recorded as a subtraction (CF = dst != 0 falls out of it; SDM NEG). */
const negV = (w: Width): string => 'b=a;bh=ah;a=0;ah=0;' + subV(false)(w);
const notV = (w: Width): string => w === 64 ? 'r=~a;rh=~ah;' : w === 32 ? 'r=~a;' : `r=~a&${mask(w)};`;

function alu(value: (w: Width) => string, rec: Rec, opts: { carryIn?: boolean; write?: boolean } = {}): Row {
  return { kind: 'rmw', dst: 1, src: 0, srcWidth: 'dst', write: opts.write ?? true, carryIn: opts.carryIn, value, rec };
}
function unary(value: (w: Width) => string, rec: Rec): Row {
  return { kind: 'rmw', dst: 0, write: true, value, rec };
}

/**
 * lea: the offset only (no segment base, no canonical check), truncated to the address size.
 * Below 64 bits only the low halves matter (the sum stays exact in a double).
 */
function leaOffset(w: Width, p: OffsetParts): string {
  if (p.abs !== null) {
    return `r=${p.abs[0]};rh=${p.adsize === 64 ? p.abs[1] : 0};` + (p.adsize === 16 ? 'r&=65535;' : '');
  }
  const sum = (x: (reg: string) => string, d: string): string =>
    [p.base !== null ? x(p.base) : null, p.index !== null ? `${x(p.index)}*${p.scale}` : null, d].filter((t) => t !== null).join('+');
  if (w !== 64 || p.adsize !== 64) {
    return `r=(${sum((g) => `lo[${g}]`, p.disp)})${p.adsize === 16 ? '&65535' : '|0'};rh=0;`;
  }
  const hsum = [p.base !== null ? `hi[${p.base}]` : null, p.index !== null ? `hi[${p.index}]*${p.scale}` : null].filter((t) => t !== null).join('+') || '0';
  return `l=${sum((g) => `(lo[${g}]>>>0)`, p.disp)};h=${hsum};if(l>=${TWO32}||l<0){c=Math.floor(l/${TWO32});l-=c*${TWO32};h+=c;}r=l|0;rh=h|0;`;
}

/** Shift or rotate `op` (alu.ts shift(): 0 rol 1 ror 2 rcl 3 rcr 4 shl 5 shr 7 sar) [count, dst]. */
function shiftRow(op: number): Row {
  return {
    kind: 'rmw', dst: 1, src: 0, srcWidth: 8, write: true, rec: 'helper',
    // Count mode for the OF rules of the profile: 0 by CL, 1 immediate on a register, 2 immediate on memory.
    value: (w, _ws, x) => `r=shift(cpu,${op},${w},a,${w === 64 ? 'ah' : 0},b,${!x.srcImm ? 0 : x.dstMem ? 2 : 1});rh=cpu.tHi;`,
    valueNoFlags: (w, n) => shiftNoFlags(op, w, n),
  };
}

/** A shift's result alone, by a constant count, for a 32/64-bit register whose flags are dead. */
function shiftNoFlags(op: number, w: Width, count: number): string | null {
  if (w === 32) {
    const n = count & 31;
    if (n === 0) return 'r=a;';
    switch (op) {
      case 0: return `r=(a<<${n})|(a>>>${32 - n});`;
      case 1: return `r=(a>>>${n})|(a<<${32 - n});`;
      case 4: return `r=a<<${n};`;
      case 5: return `r=a>>>${n};`;
      case 7: return `r=a>>${n};`;
    }
    return null;
  }
  if (w !== 64 || (op !== 4 && op !== 5 && op !== 7)) return null;
  const n = count & 63;
  if (n === 0) return 'r=a;rh=ah;';
  if (op === 4) return n < 32 ? `r=a<<${n};rh=(ah<<${n})|(a>>>${32 - n});` : `r=0;rh=a<<${n - 32};`;
  const hiOp = op === 7 ? '>>' : '>>>';
  if (n < 32) return `r=(a>>>${n})|(ah<<${32 - n});rh=ah${hiOp}${n};`;
  return `r=ah${hiOp}${n - 32};rh=${op === 7 ? 'ah>>31' : '0'};`;
}

/** Rows by ISA `sem` name (src/isa/forms). */
export const SEMANTICS: Readonly<Record<string, Row>> = {
  // ALU group 1 (SDM Vol.2 ADD ... CMP): six status flags from the lazy record.
  'alu:add': alu(addV(false), 'add'),
  'alu:adc': alu(addV(true), 'add', { carryIn: true }),
  'alu:sub': alu(subV(false), 'sub'),
  'alu:sbb': alu(subV(true), 'sub', { carryIn: true }),
  'alu:cmp': alu(subV(false), 'sub', { write: false }),
  // and/or/xor/test: CF = OF = 0, AF undefined (measured 0 on both vendors).
  'alu:and': alu(logicV('&'), 'logic'),
  'alu:or': alu(logicV('|'), 'logic'),
  'alu:xor': alu(logicV('^'), 'logic'),
  'alu:test': alu(logicV('&'), 'logic', { write: false }),
  // inc/dec keep CF (SDM INC/DEC); neg is 0 - x; not touches no flag.
  'alu:inc': unary(incV, 'inc'),
  'alu:dec': unary(decV, 'dec'),
  'alu:neg': unary(negV, 'sub'),
  'alu:not': unary(notV, null),

  // Data movement (no flags). mov reads its source at the destination's size.
  mov: { kind: 'move', dst: 1, src: 0, srcWidth: 'dst', value: () => 'r=b;rh=bh;', rec: null },
  movzx: { kind: 'move', dst: 1, src: 0, srcWidth: 'own', value: () => 'r=b;rh=0;', rec: null },
  movsx: { kind: 'move', dst: 1, src: 0, srcWidth: 'own', value: (_w, ws) => `r=${ws === 8 ? 'b<<24>>24' : ws === 16 ? 'b<<16>>16' : 'b'};rh=r>>31;`, rec: null },
  lea: { kind: 'lea', dst: 1, value: () => '', offset: leaOffset, rec: null },
  // The source is read (and may fault) whatever the condition (SDM CMOVcc).
  cmovcc: { kind: 'move', dst: 1, src: 0, srcWidth: 'dst', guard: 'cc', value: () => 'r=b;rh=bh;', rec: null },
  setcc: { kind: 'move', dst: 0, dstWidth: 8, guard: 'cc', value: () => '', rec: null },

  // Branches: cpu.rip already holds the next instruction's address.
  jmp: { kind: 'branch', value: () => 'cpu.rip=b;', rec: null },
  jcc: { kind: 'branch', guard: 'cc', value: () => 'cpu.rip=b;', rec: null },
  // call: the return-address push is checked (#SS/#PF) before the target's canonical check (#GP),
  // as the native vectors show; nothing is written when either fails.
  call: {
    kind: 'branch', faults: true, rec: null,
    value: (w) => w === 64
      ? `probePush(cpu,64);if(b>=${CANON_END}||b<-${CANON_END})throw new CpuFault(13,0);push(cpu,64,canonLo(cpu.rip),canonHi(cpu.rip));cpu.rip=b;`
      : `push(cpu,${w},cpu.rip,0);cpu.rip=b;`,
  },
  // ret: a non-canonical return address gives #GP with RSP unchanged; imm16 is released after the pop.
  ret: {
    kind: 'branch', faults: true, rec: null,
    value: (w, _ws, x) => `l=lo[4];h=hi[4];r=pop(cpu,${w});` +
      (w === 64 ? 'rh=cpu.tHi;if(!isCanonical(r,rh)){lo[4]=l;hi[4]=h;throw new CpuFault(13,0);}b=pairToCanon(r,rh);' : w === 16 ? 'b=r&65535;' : 'b=r>>>0;') +
      (x.imm ? 'adjustSp(cpu,c&65535);' : '') + 'cpu.rip=b;',
  },

  // Stack (operand size 64 or 16 in long mode, 32 or 16 in 32-bit mode).
  push: { kind: 'push', src: 0, faults: true, value: () => '', rec: null },
  pop: { kind: 'pop', dst: 0, faults: true, value: () => '', rec: null },

  // Shifts and rotates: the count is the low byte of imm8 or CL (SDM SAL/SAR/SHL/SHR, ROL/ROR/RCL/RCR);
  // flags, including the vendors' undefined ones, come from alu.ts shift() and cpu.profile.
  'shift:rol': shiftRow(0), 'shift:ror': shiftRow(1), 'shift:rcl': shiftRow(2), 'shift:rcr': shiftRow(3),
  'shift:shl': shiftRow(4), 'shift:shr': shiftRow(5), 'shift:sar': shiftRow(7),
};
