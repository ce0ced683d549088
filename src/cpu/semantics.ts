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

export interface Row {
  /**
   * How the operands are used:
   * - 'rmw': dst = f(dst, src) — ALU binary ops [src, dst], unary ops [dst] (no `src`);
   * - 'move': dst = f(src), dst not read (mov, movzx, movsx, setcc, cmov, pop);
   * - 'lea': dst = the memory operand's offset;
   * - 'branch': RIP only (jcc, jmp);
   * - 'push': the source goes to the stack.
   */
  readonly kind: 'rmw' | 'move' | 'lea' | 'branch' | 'push';
  /** Operand index of the destination / source (undefined: none). */
  readonly dst?: number;
  readonly src?: number;
  /** Width the source is read at: 'dst' (ALU, mov: an imm8 is already sign-extended) or 'own' (movzx). */
  readonly srcWidth?: 'dst' | 'own';
  /** The destination is written back (false for cmp and test). */
  readonly write?: boolean;
  /** Reads CF into `c` before the value code (adc, sbb). */
  readonly carryIn?: boolean;
  /** The store happens only when condition `cc` holds (cmov); a false 32-bit cmov still zero-extends. */
  readonly guard?: 'cc';
  /** Width of the destination regardless of its operand size (setcc: 8). */
  readonly dstWidth?: Width;
  /** Value statements at destination width `w` (and source width `ws`). */
  readonly value: (w: Width, ws: Width) => string;
  /**
   * Value statements when the flags are dead and the count is the constant `n` (shifts inside a
   * block): a cheaper equivalent, or null to use `value`.
   */
  readonly valueNoFlags?: (w: Width, n: number) => string | null;
  readonly rec: Rec;
}

const TWO32 = 4294967296;
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
};
