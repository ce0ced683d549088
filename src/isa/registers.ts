// The register file as the assembler, decoder, formatter and executor all name it.
// One table so that "%r8b needs REX" or "%ah cannot be used with REX" is decided in one place.

export type RegClass =
  | 'gpr' // general-purpose, sizes 8/16/32/64
  | 'seg' // es cs ss ds fs gs
  | 'cr' // control registers
  | 'dr' // debug registers
  | 'tr' // the 386/486 test registers (0F 24/0F 26; gone since the Pentium)
  | 'ip' // rip/eip, only as a base in memory operands
  | 'iz' // eiz/riz: GNU's "no index" written out (SIB.index=100), only as an index after .allow_index_reg
  | 'st' // x87 (only named so the parser can reject it with a clear message)
  | 'mmx'
  | 'xmm'
  | 'bnd'; // MPX bound registers %bnd0-%bnd3

export interface RegInfo {
  readonly name: string; // without the '%'
  readonly cls: RegClass;
  /** Hardware number 0..15 (0..7 for seg/cr/dr without REX.R extension). */
  readonly num: number;
  /** Width in bits (8/16/32/64 for gpr; 16 for seg; 64 for cr/dr in long mode, 32 otherwise: use 0 = mode-dependent). */
  readonly size: number;
  /** %spl %bpl %sil %dil and r8..r15 variants: a REX prefix must be present (64-bit mode only). */
  readonly needsRex: boolean;
  /** %ah %ch %dh %bh: encodable only without any REX prefix. */
  readonly highByte: boolean;
  /** Only valid in 64-bit mode (r8..r15 families, spl.., rip, cr8). */
  readonly only64: boolean;
}

const regs = new Map<string, RegInfo>();

function def(name: string, cls: RegClass, num: number, size: number, extra: Partial<RegInfo> = {}): void {
  regs.set(name, Object.freeze({ name, cls, num, size, needsRex: false, highByte: false, only64: false, ...extra }));
}

export const GPR64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'] as const;
export const GPR32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'] as const;
export const GPR16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'] as const;
/** 8-bit registers as numbered with a REX prefix present (4..7 = spl bpl sil dil). */
export const GPR8REX = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'] as const;
/** 8-bit registers as numbered without REX (4..7 = ah ch dh bh). */
export const GPR8LEGACY = ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'] as const;
export const SEGS = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'] as const;

for (let i = 0; i < 16; i++) {
  const hi = i >= 8;
  def(GPR64[i], 'gpr', i, 64, { only64: true, needsRex: hi });
  def(GPR32[i], 'gpr', i, 32, { only64: hi, needsRex: hi });
  def(GPR16[i], 'gpr', i, 16, { only64: hi, needsRex: hi });
  if (i < 4 || hi) def(GPR8REX[i], 'gpr', i, 8, { only64: hi, needsRex: hi });
  else def(GPR8REX[i], 'gpr', i, 8, { only64: true, needsRex: true });
}
for (let i = 4; i < 8; i++) def(GPR8LEGACY[i], 'gpr', i, 8, { highByte: true });
// GNU as also accepts the Intel-manual spellings r8l..r15l? No: it accepts only r8b..r15b. Keep to that.
SEGS.forEach((s, i) => def(s, 'seg', i, 16));
// GNU as accepts every encodable number (%cr0-%cr15, %db0-%db15 and the %dr spelling), not only the
// architecturally defined ones; 8-15 need REX.R and exist only in 64-bit mode.
// (%cr8 is also reachable outside 64-bit mode, with a LOCK prefix in place of REX.R.)
for (let i = 0; i < 16; i++) def(`cr${i}`, 'cr', i, 0, { only64: i > 8, needsRex: i >= 8 });
for (let i = 0; i < 16; i++) def(`db${i}`, 'dr', i, 0, { only64: i >= 8, needsRex: i >= 8 });
for (let i = 0; i < 16; i++) def(`dr${i}`, 'dr', i, 0, { only64: i >= 8, needsRex: i >= 8 });
// Which CPUs and modes take them is the assembler's business (src/asm/test-regs.ts).
for (let i = 0; i < 8; i++) def(`tr${i}`, 'tr', i, 0);
def('rip', 'ip', 16, 64, { only64: true });
def('eip', 'ip', 16, 32, { only64: true });
def('eiz', 'iz', 4, 32);
def('riz', 'iz', 4, 64, { only64: true });
for (let i = 0; i < 8; i++) def(`st(${i})`, 'st', i, 80);
def('st', 'st', 0, 80);
for (let i = 0; i < 8; i++) def(`mm${i}`, 'mmx', i, 64);
for (let i = 0; i < 16; i++) def(`xmm${i}`, 'xmm', i, 128, { only64: i >= 8, needsRex: i >= 8 });
// MPX has four bound registers (lower and upper bound, 64 bits each; SDM Vol. 1 §17.3.1).
for (let i = 0; i < 4; i++) def(`bnd${i}`, 'bnd', i, 128);

/** Look a register up by name as written after '%' (case-insensitive, like GNU as). */
export function lookupReg(name: string): RegInfo | undefined {
  return regs.get(name.toLowerCase());
}

/** All known registers, for lexers and tests. */
export function allRegs(): readonly RegInfo[] {
  return [...regs.values()];
}

/** Name of GPR number `num` at `size` bits; `rex` selects spl..dil over ah..bh for 8-bit 4..7. */
export function gprName(num: number, size: 8 | 16 | 32 | 64, rex: boolean): string {
  switch (size) {
    case 64: return GPR64[num];
    case 32: return GPR32[num];
    case 16: return GPR16[num];
    case 8: return rex || num >= 8 ? GPR8REX[num] : GPR8LEGACY[num];
  }
}

/** objdump's names for debug registers (it prints %db0.. in AT&T). */
export function crName(num: number): string { return `cr${num}`; }
export function drName(num: number): string { return `db${num}`; }
