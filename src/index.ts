// The package entry point (`import … from 'x86lab'`): the handler-listing harness, the assembler,
// the disassembler and the CPU executor, as docs/api.md describes them. Everything here is part of
// the public API; modules not re-exported here may change without notice. The vitest matchers
// live in their own entry point (`x86lab/vitest`) so that importing the API does not load vitest.

// Harness: load a listing, schedule events, run it, inspect the machine (docs/harness.md).
export {
  Machine, LoadError, SpecError, DEFAULT_MAX_STEPS,
  type RunOutcome, type RunOptions, type MachineOptions, type StopKind,
} from './harness/machine.js';
export { loadFile, loadSource, LOAD_BASE, INCLUDE_DIR, type Image, type LoadOptions, type LoadedSection } from './harness/loader.js';
export { GDT_ADDR, PML4_ADDR, PDPT_ADDR, STACK_TOP, STACK_SIZE } from './harness/boot.js';
export { parseWhere, parseNmi, parseIrq, DEFAULT_IRQ_VECTOR, type EventSpec, type Where } from './harness/schedule.js';
export { dumpMachine } from './harness/dump.js';
export { eventRecord, type EventRecord } from './harness/events.js';
// The trace's last line (`stop: hlt at 0x… <label> after N steps`), as `x86lab run` prints it.
export { stopLine } from './cli/run.js';
export { toMatchGolden, type GoldenResult } from './harness/golden.js';
export { MultiMachine, type MultiOptions, type MultiOutcome, type StaleFetch } from './harness/multi.js';

// Assembler: AT&T source text -> sections, symbols, relocations, listing, diagnostics.
export { assemble, type AssembleOptions, type AssembleResult } from './asm/assemble.js';
export type { SectionOut, SymbolOut, RelocOut, ListingOut } from './asm/result.js';
export { formatDiagnostic, type Diagnostic, type Severity, type SrcLoc } from './asm/errors.js';
export { preprocess, type CppOptions, type CppResult } from './asm/cpp/index.js';
export { render, FORMATS, type OutputFormat, type OutputOptions } from './output/index.js';

// Disassembler: one instruction as a record, or a whole section as `objdump -d` prints it.
export { decode, MAX_INSN, type DecodedInsn, type DecodedOperand } from './decode/decode.js';
export { disassembleSection, type DisSymbol, type ListingOptions } from './decode/listing.js';

// CPU executor: `x86lab exec` snapshots (registers, flags, memory) in, result out.
export { loadSnapshot, dumpSnapshot, SnapshotError, type LoadedSnapshot, type MemRegion } from './cpu/snapshot.js';
export { run as execute, step, type RunResult, type StopReason, type RunOptions as ExecuteOptions } from './cpu/exec.js';
export { Cpu, CpuFault, type CpuMode, type FaultKind } from './cpu/state.js';
export { Memory, P_R, P_W, P_X } from './cpu/memory.js';
export type { SysEvent } from './cpu/system/model.js';
