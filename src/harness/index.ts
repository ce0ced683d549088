// The harness API in one import (docs/harness.md): load a listing, schedule events, run, inspect.
export { Machine, LoadError, SpecError, DEFAULT_MAX_STEPS, type RunOutcome, type RunOptions, type MachineOptions, type StopKind } from './machine.js';
export { loadFile, loadSource, link, LOAD_BASE, INCLUDE_DIR, type Image, type LoadOptions, type LoadedSection } from './loader.js';
export { GDT_ADDR, PML4_ADDR, PDPT_ADDR, STACK_TOP, STACK_SIZE } from './boot.js';
export { parseWhere, parseNmi, parseIrq, DEFAULT_IRQ_VECTOR, type EventSpec, type Where } from './schedule.js';
export { dumpMachine } from './dump.js';
export { toMatchGolden, goldenMatchers, type GoldenResult } from './golden.js';
export type { SysEvent } from '../cpu/system/model.js';
