// CPU profiles: which silicon the executor reproduces where the SDM leaves a result undefined or
// the vendors differ. Everything vendor-specific is a field here; handlers read `cpu.profile` and
// never test a vendor name. Each value was measured on real hardware with the project's native
// vector generators (scripts/cpu-gen-vectors.mjs, test/redteam/cpu/gen.mjs): the Intel profile on
// an Intel Xeon (family 6 model 207), the AMD profile on an AMD EPYC; both sets of vectors are
// committed (test/golden/cpu/{amd,intel}, test/redteam/cpu/golden-{amd,intel}.jsonl.gz).

export type Vendor = 'intel' | 'amd';

/** Results the SDM leaves undefined, per instruction family (each field says what the silicon does). */
export interface UndefinedResults {
  /** and/or/xor/test: AF (0 or 1). */
  readonly logicAF: number;
  /** shl/sal/shr/sar by a non-zero count: AF (0 or 1). */
  readonly shiftAF: number;
  /** shl by more than 1: OF from the last one-bit step (msb(result) ^ CF) or from the first (bits n-1 ^ n-2 of the source). */
  readonly shlOF: 'last' | 'first';
  /** shr by more than 1: OF cleared ('zero') or the source's msb as for a count of 1 ('first'). */
  readonly shrOF: 'zero' | 'first';
  /** rol/ror/rcl/rcr by more than 1: OF from the last one-bit step (as for a count of 1) or from the first. */
  readonly rotateOF: 'last' | 'first';
  /** rol/ror by an immediate count above 1 (C0/C1 /0 /1), which Intel treats unlike CL's: OF as above or kept. */
  readonly rotateImmOF: 'last' | 'first' | 'keep';
  /** The same with a memory destination. */
  readonly rotateImmMemOF: 'last' | 'first' | 'keep';
  /** 8/16-bit rcl/rcr whose count is a non-zero multiple of 9/17 (no rotation): OF updated as for a count of 1, or kept. */
  readonly rcZeroRotateOF: 'update' | 'keep';
  /** mul/imul SF ZF AF PF: kept, or SF/PF from the low half of the product with ZF = AF = 0. */
  readonly mulFlags: 'keep' | 'lowHalf';
  /** div/idiv (all six undefined): all kept, or CF OF kept, AF set, SF ZF PF cleared ('setAF'). */
  readonly divFlags: 'keep' | 'setAF';
  /** tzcnt/lzcnt OF (undefined; SF AF PF are cleared on both): kept or cleared. */
  readonly countOF: 'keep' | 'clear';
  /** shld/shrd by more than 1: OF from the last one-bit step (as for a count of 1) or from the first. */
  readonly shiftDoubleOF: 'last' | 'first';
  /** 16-bit shld/shrd by 17..31 (undefined result): the bits shifted in after S are S again ('DSS', with CF and shld's OF cleared) or D ('DSD'). */
  readonly shiftDouble16: 'DSS' | 'DSD';
  /** daa/das OF: the signed overflow of AL +/- the whole adjustment, or cleared. */
  readonly decimalAdjustOF: 'overflow' | 'clear';
  /** aaa/aas SF ZF PF OF: from the 16-bit AX +/- 0x106 before AL is masked ('ax16'), or ZF PF from the final AL with SF = OF = 0 ('finalAL'). */
  readonly asciiAdjustFlags: 'ax16' | 'finalAL';
  /**
   * BMI1/BMI2 flags the SDM leaves undefined (AF PF; SF for bextr): the bits set among them, per
   * family. Intel: all cleared, for any input and incoming flags (test/golden/cpu/bmi-intel.jsonl.gz).
   * AMD: not measured yet (no AMD host with these vectors): taken as Intel's, which AMD's APM also
   * lists as undefined — an AMD run of `cpu-gen-vectors --family bmi` will settle it.
   */
  readonly bmi: Readonly<Record<'andn' | 'bextr' | 'bls' | 'bzhi', number>>;
}

/** Behaviour that differs between vendors beyond flags (each cited where it shows). */
export interface Quirks {
  /** `0F 0D /r` (prefetch group) with a register operand: #UD (AMD) or a NOP (Intel). */
  readonly prefetchRegUD: boolean;
  /** `rep` with a 32-bit address size in 64-bit mode clears RCX[63:32] at the start, even with no iteration. */
  readonly addr32RepClearsRcxHigh: boolean;
  /** `call` to a non-canonical target stores the return address (RSP unchanged) before the #GP. */
  readonly callBadTargetStoresReturn: boolean;
  /** A fault part way through repe/repne cmps/scas reports the flags from before the instruction. */
  readonly repCompareFaultKeepsFlags: boolean;
  /** A 32-bit push of a segment register writes only the low 16 bits of the slot (SDM PUSH). */
  readonly pushSeg32Low16: boolean;
  /** A 32-bit stack reference wrapping past 4 GiB (enter's frame copies) translates its first page before the limit check (#PF before #SS). */
  readonly stackWrapPageFirst: boolean;
}

/** CPUID leaves as [eax, ebx, ecx, edx]; leaves not listed read as zeros. */
export type CpuidLeaves = Readonly<Record<number, readonly [number, number, number, number]>>;

export interface CpuProfile {
  readonly vendor: Vendor;
  /** The silicon the values were measured on. */
  readonly measuredOn: string;
  readonly undef: UndefinedResults;
  readonly quirks: Quirks;
  readonly cpuid: CpuidLeaves;
}

// CPUID vendor strings (ebx, edx, ecx order in registers: "Genu" "ineI" "ntel").
const str4 = (s: string): number => (s.charCodeAt(0) | (s.charCodeAt(1) << 8) | (s.charCodeAt(2) << 16) | (s.charCodeAt(3) << 24)) >>> 0;

/**
 * Feature bits of what the executor implements (not every bit the silicon has: software that
 * tests a bit must find the instruction working). Leaf 1 EDX: FPU TSC MSR PSE PAE CX8 SEP PGE CMOV
 * (bits 0 4 5 3 6 8 11 13 15); ECX: CX16 MOVBE POPCNT (13 22 23). Leaf 7 EBX: FSGSBASE BMI1 BMI2
 * ADX (0 3 8 19).
 * 0x80000001 ECX: LAHF/SAHF, LZCNT (0 5); EDX: SYSCALL NX RDTSCP LM (11 20 27 29).
 * 0x80000008 EAX: 48 physical address bits (paging.ts's MAXPHYADDR), 48 linear.
 */
const LEAF1_EDX = 0x0000a979, LEAF1_ECX = 0x00c02000, LEAF7_EBX = 0x00080109;
const EXT1_ECX = 0x00000021, EXT1_EDX = 0x28100800, EXT8_EAX = 0x00003030;

export const INTEL: CpuProfile = Object.freeze({
  vendor: 'intel',
  measuredOn: 'Intel Xeon, family 6 model 207 stepping 2',
  undef: Object.freeze({
    logicAF: 0,
    shiftAF: 0,
    shlOF: 'first',
    shrOF: 'first',
    rotateOF: 'first',
    rotateImmOF: 'keep',
    rotateImmMemOF: 'first',
    rcZeroRotateOF: 'keep',
    mulFlags: 'lowHalf',
    divFlags: 'keep',
    countOF: 'clear',
    shiftDoubleOF: 'first',
    shiftDouble16: 'DSD',
    decimalAdjustOF: 'clear',
    asciiAdjustFlags: 'finalAL',
    bmi: Object.freeze({ andn: 0, bextr: 0, bls: 0, bzhi: 0 }),
  }),
  quirks: Object.freeze({
    prefetchRegUD: false,
    addr32RepClearsRcxHigh: true,
    callBadTargetStoresReturn: true,
    repCompareFaultKeepsFlags: true,
    pushSeg32Low16: true,
    stackWrapPageFirst: true,
  }),
  cpuid: Object.freeze({
    0x0: [0x7, str4('Genu'), str4('ntel'), str4('ineI')],
    // Family 6, model 0xCF (207), stepping 2: ext model 0xC, model 0xF.
    0x1: [0x000c06f2, 0x00000800, LEAF1_ECX, LEAF1_EDX],
    0x7: [0, LEAF7_EBX, 0, 0],
    0x8000_0000: [0x8000_0008, 0, 0, 0],
    0x8000_0001: [0, 0, EXT1_ECX, EXT1_EDX],
    0x8000_0008: [EXT8_EAX, 0, 0, 0],
  }) as CpuidLeaves,
});

export const AMD: CpuProfile = Object.freeze({
  vendor: 'amd',
  measuredOn: 'AMD EPYC (family 0x19)',
  undef: Object.freeze({
    logicAF: 0,
    shiftAF: 1,
    shlOF: 'last',
    shrOF: 'zero',
    rotateOF: 'last',
    rotateImmOF: 'last',
    rotateImmMemOF: 'last',
    rcZeroRotateOF: 'update',
    mulFlags: 'keep',
    divFlags: 'setAF',
    countOF: 'keep',
    shiftDoubleOF: 'last',
    shiftDouble16: 'DSS',
    decimalAdjustOF: 'overflow',
    asciiAdjustFlags: 'ax16',
    bmi: Object.freeze({ andn: 0, bextr: 0, bls: 0, bzhi: 0 }),
  }),
  quirks: Object.freeze({
    prefetchRegUD: true,
    addr32RepClearsRcxHigh: false,
    callBadTargetStoresReturn: false,
    repCompareFaultKeepsFlags: false,
    pushSeg32Low16: false,
    stackWrapPageFirst: false,
  }),
  cpuid: Object.freeze({
    0x0: [0x7, str4('Auth'), str4('cAMD'), str4('enti')],
    // Family 0x19 (base 0xF + ext 0x0A), model 0x01.
    0x1: [0x00a00f11, 0x00000800, LEAF1_ECX, LEAF1_EDX],
    0x7: [0, LEAF7_EBX, 0, 0],
    0x8000_0000: [0x8000_0008, str4('Auth'), str4('cAMD'), str4('enti')],
    0x8000_0001: [0x00a00f11, 0, EXT1_ECX, EXT1_EDX],
    0x8000_0008: [EXT8_EAX, 0, 0, 0],
  }) as CpuidLeaves,
});

export const PROFILES: Readonly<Record<Vendor, CpuProfile>> = Object.freeze({ intel: INTEL, amd: AMD });

/**
 * The profile a Cpu gets when nobody chooses one: Intel, whose manual (the SDM) defines the
 * architecture this project follows. The command line's `--cpu host` picks the machine's own
 * (cli/host-cpu.ts); a browser has no host to ask, so it gets this default.
 */
export const DEFAULT_PROFILE: CpuProfile = INTEL;

/** The profile for a vendor name (`intel` | `amd`), or undefined. */
export function profileNamed(name: string): CpuProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name as Vendor] : undefined;
}
