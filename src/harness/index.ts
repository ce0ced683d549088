// The harness API in one import (docs/harness.md): load a listing, schedule events, run, inspect.
export { Machine, LoadError, SpecError, DEFAULT_MAX_STEPS, type RunOutcome, type RunOptions, type MachineOptions, type StopKind } from './machine.js';
export { loadFile, loadSource, link, LOAD_BASE, INCLUDE_DIR, type Image, type LoadOptions, type LoadedSection } from './loader.js';
export { GDT_ADDR, PML4_ADDR, PDPT_ADDR, STACK_TOP, STACK_SIZE } from './boot.js';
export { parseWhere, parseNmi, parseIrq, DEFAULT_IRQ_VECTOR, type EventSpec, type Where } from './schedule.js';
export { dumpMachine } from './dump.js';
export { toMatchGolden, goldenMatchers, type GoldenResult } from './golden.js';
export type { SysEvent } from '../cpu/system/model.js';
export { Explorer, ExploreError, defaultOptions as exploreOptions, parseEvent, type ExploreOptions, type EventKind, type UnitResult, type Failure, type FailureKind } from './explore.js';
export { buildReport, renderText as renderExploreText, renderJson as renderExploreJson, type Report as ExploreReport } from './explore-report.js';
export { Snapshots, type Snapshot } from './snapshot.js';
export { MultiMachine, MAX_CPUS, type MultiOptions, type MultiOutcome, type MultiRunOptions, type StaleFetch } from './multi.js';
export { parseSchedule, formatSchedule, DEFAULT_QUANTUM, type Schedule } from './multi-schedule.js';
export { MultiExplorer, defaultMultiOptions, type MultiExploreOptions, type MultiFailure, type MultiUnitResult } from './multi-explore.js';
export { dumpMulti } from './multi-dump.js';
