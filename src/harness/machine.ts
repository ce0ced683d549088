// The harness machine: a listing loaded at documented addresses, a CPU in ring 0 with the
// system-level model, scheduled events, and a run loop that treats `hlt` as waiting for an
// interrupt. This is the TypeScript API tests use (see docs/harness.md):
//
//   const m = Machine.fromFile('examples/int3-call.S');
//   m.nmiAt('do_int3');
//   const r = m.run({ trace: true });
//   expect(m.u64('new_calls')).toBe(1n); expect(m.visited).toContain('new_func');

import type { CpuProfile } from '../cpu/profiles.js';
import { Cpu, CpuFault, canonToBig, F_IF } from '../cpu/state.js';
import { Memory } from '../cpu/memory.js';
import { run as execRun, fetch, tableOf } from '../cpu/exec.js';
import { ea } from '../cpu/operands.js';
import { getFlags } from '../cpu/flags.js';
import { installSystem, RunStop } from '../cpu/system/controller.js';
import { Unsupported, type SystemModel, type SysEvent } from '../cpu/system/model.js';
import { loadFile, loadFiles, loadSource, LoadError, type Image, type LoadOptions } from './loader.js';
import { boot, RWX, type BootRegion } from './boot.js';
import { parseIrq, parseNmi, SpecError, type EventSpec } from './schedule.js';
import { MemWatch } from './memdiff.js';
import { eventRecord, type EventRecord } from './events.js';
import { RegShot, Symbolizer, changes, disasm, eventText, hex, vectorName } from './trace.js';
import { GPR64, GPR32 } from '../isa/registers.js';

export { LoadError, SpecError };

export type StopKind = 'hlt' | 'steps' | 'triple-fault' | 'unsupported' | 'exception';

export interface RunOutcome {
  stop: StopKind;
  /** Instructions retired. */
  steps: number;
  detail?: string;
  /** For 'exception' (should not happen with the system model) and 'triple-fault': the vector. */
  vector?: number;
}

export interface MachineOptions extends LoadOptions {
  /** Whose undefined flags, quirks and CPUID to reproduce (default: profiles.ts's DEFAULT_PROFILE, Intel). */
  cpu?: CpuProfile;
  /** Symbol to start at (default _start). */
  entry?: string;
  /** Several CPUs (multi.ts): the memory they share, and this CPU's number (its boot stack). */
  memory?: Memory;
  cpuIndex?: number;
}

export interface RunOptions {
  maxSteps?: number;
  /** Collect trace lines in machine.trace (and pass each to onTrace). */
  trace?: boolean;
  onTrace?: (line: string) => void;
  /** Keep the trace lines in machine.trace (default true; a CLI streaming them to a file need not). */
  keepTrace?: boolean;
  /**
   * Called every so often during the run with the instructions retired so far (about every
   * 16,000 traced or 1,000,000 untraced instructions), for a progress display.
   */
  onProgress?: (steps: number) => void;
}

/** Instructions between onProgress calls: a few tens of milliseconds of work either way. */
const PROGRESS_TRACED = 1 << 14;
const PROGRESS_FAST = 1 << 20;

export const DEFAULT_MAX_STEPS = 10_000_000;
/** Longest visited-label log kept (the dump's "visited" array). */
export const MAX_VISITED = 100_000;

interface Armed { spec: EventSpec; addr: number; done: boolean }

export class Machine {
  readonly cpu: Cpu;
  readonly model: SystemModel;
  readonly image: Image;
  readonly regions: (BootRegion & { perm: string })[] = [];
  /** Labels in the order execution reached them (every arrival at a labelled instruction). */
  readonly visited: string[] = [];
  readonly trace: string[] = [];
  /** Load-time warnings (e.g. no _start). */
  readonly warnings: string[] = [];
  private readonly armed: Armed[] = [];
  private readonly arrivals = new Map<number, number>();
  private readonly labels = new Map<number, string[]>();
  private readonly sym: Symbolizer;
  /** Ticks the harness skipped while the CPU was halted (waiting for a step-scheduled event). */
  private idle = 0;
  /** Instructions retired so far (cpu.tsc counts retired instructions and idle ticks). */
  get steps(): number { return this.cpu.tsc - this.idle; }
  private traceSink: ((l: string) => void) | null = null;
  private eventsShown = 0;

  static fromFile(path: string, opts: MachineOptions = {}): Machine { return new Machine(loadFile(path, opts), opts); }
  static fromSource(text: string, opts: MachineOptions = {}): Machine { return new Machine(loadSource(text, opts), opts); }
  /** Listings and ELF objects linked together (or one ELF executable); see loadFiles. */
  static fromFiles(paths: readonly string[], opts: MachineOptions = {}): Machine { return new Machine(loadFiles(paths, opts), opts); }

  constructor(image: Image, opts: MachineOptions = {}) {
    this.image = image;
    this.cpu = new Cpu(image.mode, opts.memory ?? new Memory(), opts.cpu);
    const regions = boot(this.cpu, opts.cpuIndex ?? 0);
    for (const r of regions) this.regions.push({ ...r, perm: 'rwx' });
    for (const s of image.sections) {
      this.cpu.mem.map(s.addr, Math.max(s.size, 1), RWX, s.bytes.length ? s.bytes : undefined);
      this.regions.push({ name: s.name, addr: s.addr, len: s.size, perm: 'rwx' });
    }
    this.model = installSystem(this.cpu);
    this.model.identityCr3 = image.mode === 64 ? this.cpu.cr3 : null;
    const entry = opts.entry ?? '_start';
    let start = image.symbols.get(entry);
    // An ELF executable starts at e_entry, as the kernel's loader would start it.
    if (start === undefined && opts.entry === undefined && image.entry !== undefined) start = image.entry;
    if (start === undefined && opts.entry === undefined) {
      // Like ld: without _start, begin at the start of .text (or the first section) with a warning.
      const text = image.sections.find((s) => s.name === '.text' && s.size > 0) ?? image.sections.find((s) => s.size > 0);
      if (text !== undefined) {
        start = text.addr;
        this.warnings.push(`${image.file}: Warning: cannot find entry symbol _start; defaulting to ${hex(start, image.mode)} (${text.name})`);
      }
    }
    if (start === undefined) throw new LoadError(`${image.file}: Error: entry symbol \`${entry}' is not defined`);
    this.cpu.rip = start;
    for (const [name, a] of image.symbols) {
      const l = this.labels.get(a);
      if (l) l.push(name); else this.labels.set(a, [name]);
    }
    this.sym = new Symbolizer(image.symbols, image.sections.map((s) => ({ addr: s.addr, size: s.size })));
    this.model.onBoundary = (cpu) => this.boundary(cpu);
    this.model.afterBoundary = (cpu) => {
      const l = this.labels.get(cpu.rip);
      if (l && this.visited.length < MAX_VISITED) for (const n of l) this.visited.push(n);
    };
    this.model.onBlockFault = (cpu) => { this.model.step = cpu.tsc; };
    this.declareNeeds();
  }

  /**
   * Tell the model which boundaries the hooks above act on (labelled addresses, armed addresses,
   * the next step-count event), so compiled blocks may run between them (controller.ts quietSteps).
   */
  private declareNeeds(): void {
    const addrs = new Float64Array(new Set([...this.labels.keys(), ...this.arrivals.keys()])).sort();
    this.model.hookNeeds = { addrs, atTsc: this.nextStepEvent() ?? Infinity };
  }

  get mode(): 32 | 64 { return this.image.mode; }
  get symbols(): Map<string, number> { return this.image.symbols; }
  /** The system model's raw event log (numbers, bigint frame words), for white-box tests; eventRecords() is the documented shape. */
  get events(): readonly SysEvent[] { return this.model.events; }

  /** Address of a symbol (throws for an unknown one). */
  addr(name: string): number {
    const a = this.image.symbols.get(name);
    if (a === undefined) throw new SpecError(`unknown symbol '${name}'`);
    return a;
  }
  /** "sym+0x4" for an address, or undefined outside the image. */
  symbolize(a: number): string | undefined { return this.sym.lookup(a); }

  /** Schedule an NMI: 'SYM', 'SYM:N', 'SYM+OFF' or a step count (see schedule.ts). */
  nmiAt(where: string | number): void { this.arm(parseNmi(String(where))); }
  /** Schedule a maskable interrupt with `vector` (32..255). */
  irqAt(vector: number, where: string | number): void { this.arm(parseIrq(`0x${vector.toString(16)}@${where}`)); }
  arm(spec: EventSpec): void {
    const w = spec.where;
    if (spec.kind === 'int3') this.addrOf(spec.target!); // unknown symbol: fail now, not at the boundary
    const addr = 'sym' in w ? this.addr(w.sym) + w.off : NaN;
    this.armed.push({ spec, addr, done: false });
    if (!Number.isNaN(addr)) this.arrivals.set(addr, 0);
    this.declareNeeds();
  }

  /** Fire scheduled events at this boundary (before the instruction at RIP). */
  private boundary(cpu: Cpu): void {
    this.model.step = cpu.tsc;
    const rip = cpu.rip;
    const count = this.arrivals.get(rip);
    let n = 0;
    if (count !== undefined) { n = count + 1; this.arrivals.set(rip, n); }
    for (const a of this.armed) {
      if (a.done) continue;
      const w = a.spec.where;
      const hit = 'step' in w ? cpu.tsc >= w.step : a.addr === rip && n === w.n;
      if (!hit) continue;
      a.done = true;
      this.fire(a.spec, rip);
      if ('step' in w) this.declareNeeds();
    }
  }

  /** Address of 'SYM' or 'SYM+OFF'. */
  addrOf(ref: string): number {
    const m = /^(.*?)(?:\+(0x[0-9a-fA-F]+|[0-9]+))?$/.exec(ref)!;
    return this.addr(m[1]) + (m[2] === undefined ? 0 : Number(m[2]));
  }

  private fire(spec: EventSpec, rip: number): void {
    const m = this.model;
    if (spec.kind === 'int3') {
      // Another CPU's text_poke: the byte changes now; this CPU sees it at its next fetch of it.
      this.cpu.mem.poke8(this.addrOf(spec.target!), 0xcc);
      return;
    }
    const s = this.sym.lookup(rip);
    const where = s ? `${hex(rip, this.mode)} <${s}>` : hex(rip, this.mode);
    if (spec.kind === 'nmi') {
      const lost = m.nmiPending;
      m.nmiPending = true;
      m.log({ kind: 'nmi-latched', from: rip, note: `at ${where} (--nmi-at ${spec.text})${this.cpu.nmiBlocked ? ', blocked until the next iret' : ''}${lost ? ', one already pending: merged' : ''}` });
    } else {
      m.irqPending.push(spec.vector);
      m.log({ kind: 'irq-latched', vector: spec.vector, from: rip, note: `at ${where} (--irq-at ${spec.text})${(this.cpu.flags & F_IF) === 0 ? ', waiting for IF=1' : ''}` });
    }
  }

  /** Scheduled events that have not fired (their position was never reached). */
  unfired(): string[] { return this.armed.filter((a) => !a.done).map((a) => `--${a.spec.kind}-at ${a.spec.text}`); }

  wakeable(): boolean {
    const m = this.model;
    return (m.nmiPending && !this.cpu.nmiBlocked) || (m.irqPending.length > 0 && (this.cpu.flags & F_IF) !== 0);
  }

  /** Step events still to come, earliest first. */
  private nextStepEvent(): number | undefined {
    let best: number | undefined;
    for (const a of this.armed) if (!a.done && 'step' in a.spec.where && (best === undefined || a.spec.where.step < best)) best = a.spec.where.step;
    return best;
  }

  /** Run until hlt with nothing left to wake it, the step limit, or a stop of the system model. */
  run(opts: RunOptions = {}): RunOutcome {
    const max = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    const cpu = this.cpu;
    if (opts.trace) this.traceSink = opts.onTrace ?? null;
    this.keepTrace = opts.keepTrace ?? true;
    const tracing = opts.trace === true;
    const progress = opts.onProgress;
    try {
      for (;;) {
        const left = max - this.steps;
        if (left <= 0) return this.finish({ stop: 'steps', steps: this.steps });
        // With a progress callback the run goes in slices; a slice ends at an instruction boundary
        // and the next one starts there, so the run is the same as in one go.
        const n = progress === undefined ? left : Math.min(left, tracing ? PROGRESS_TRACED : PROGRESS_FAST);
        const r = tracing ? this.runTraced(n) : execRun(cpu, { maxSteps: n });
        if (r.stop === 'steps' && n < left) { progress?.(this.steps); continue; }
        if (r.stop === 'steps') return this.finish({ stop: 'steps', steps: this.steps });
        if (r.stop === 'exception') {
          const f = r.fault;
          return this.finish({ stop: 'exception', steps: this.steps, detail: f ? `${vectorName(f.vector)} not delivered` : 'exception', ...(f ? { vector: f.vector } : {}) });
        }
        if (r.stop !== 'hlt') return this.finish({ stop: 'steps', steps: this.steps });
        // hlt: wait for an event (SDM HLT: an NMI or an enabled interrupt resumes after the hlt).
        let woke = false;
        for (;;) {
          if (this.wakeable()) { woke = true; break; }
          const next = this.nextStepEvent();
          if (next === undefined) break;
          if (next > cpu.tsc) { this.idle += next - cpu.tsc; cpu.tsc = next; }
          this.boundary(cpu);
        }
        if (!woke) return this.finish({ stop: 'hlt', steps: this.steps });
        this.model.log({ kind: 'wake', from: cpu.rip, note: this.model.nmiPending ? 'NMI' : 'interrupt' });
      }
    } catch (e) {
      if (e instanceof RunStop) {
        const tf = this.model.events.filter((x) => x.kind === 'triple-fault').pop();
        return this.finish({ stop: e.reason, steps: this.steps, detail: e.message, ...(tf?.vector !== undefined ? { vector: tf.vector } : {}) });
      }
      if (e instanceof Unsupported) {
        this.model.log({ kind: 'unsupported', note: e.message });
        return this.finish({ stop: 'unsupported', steps: this.steps, detail: e.message });
      }
      throw e;
    }
  }

  private finish(o: RunOutcome): RunOutcome {
    this.flushEvents();
    this.lastOutcome = o;
    return o;
  }
  lastOutcome: RunOutcome | null = null;

  private keepTrace = true;
  private emit(line: string): void {
    if (this.keepTrace) this.trace.push(line);
    this.traceSink?.(line);
  }
  private flushEvents(): void {
    const ev = this.model.events;
    if (this.traceSinkActive) for (; this.eventsShown < ev.length; this.eventsShown++) this.emit('        ' + eventText(ev[this.eventsShown], this.mode, this.sym));
    else this.eventsShown = ev.length;
  }
  private traceSinkActive = false;

  /** The run loop of exec.ts, one instruction at a time, recording what each one changed. */
  private runTraced(max: number): { stop: 'hlt' | 'steps' | 'exception'; steps: number; fault?: CpuFault } {
    const cpu = this.cpu;
    const H = tableOf(cpu).fns;
    const watch = new MemWatch(cpu.mem, this.mode === 64 ? 8 : 4);
    const before = new RegShot(), after = new RegShot();
    this.traceSinkActive = true;
    let steps = 0;
    cpu.halted = false;
    while (steps < max) {
      before.take(cpu);
      const nEv = this.model.events.length;
      if (cpu.interrupts !== null) cpu.interrupts.poll(cpu);
      if (cpu.shadow !== 0) cpu.shadow--;
      if (this.model.events.length !== nEv) {
        this.flushEvents();
        after.take(cpu);
        const ch = changes(cpu, before, after, watch.diff());
        if (ch) this.emit('        ' + '   changed: ' + ch);
        before.take(cpu);
      }
      const rip = cpu.rip;
      const s = this.sym.lookup(rip);
      const head = `${String(this.steps).padStart(6)}  ${hex(rip, this.mode).padEnd(10)} ${(s ? `<${s}>` : '').padEnd(28)} `;
      const text = disasm(cpu, this.sym);
      // The instruction's memory operand (address and size), to show its write at its own size.
      let hint: { addr: number; size: number } | null = null;
      try {
        const pi = fetch(cpu);
        const sz = pi.memOp === 0 ? pi.s0 : pi.memOp === 1 ? pi.s1 : pi.memOp === 2 ? pi.s2 : 0;
        if (pi.memOp >= 0 && sz > 0) hint = { addr: ea(cpu, pi), size: sz >> 3 };
      } catch { hint = null; }
      cpu.curIp = rip;
      let fault: CpuFault | null = null;
      try {
        const i = fetch(cpu);
        cpu.rip = i.next;
        H[i.form](cpu, i);
        steps++;
        cpu.tsc++;
      } catch (e) {
        if (!(e instanceof CpuFault)) throw e;
        if (e.kind === 'fault') cpu.rip = cpu.curIp;
        else { steps++; cpu.tsc++; }
        fault = e;
      }
      after.take(cpu);
      const ch = changes(cpu, before, after, watch.diff(), hint);
      const note = fault ? `  ${fault.kind} ${vectorName(fault.vector)}${fault.errorCode >= 0 ? `(0x${fault.errorCode.toString(16)})` : ''}` : '';
      this.emit((head + text.padEnd(40) + ' ' + ch + note).trimEnd());
      this.flushEvents();
      if (fault !== null) {
        const nEv2 = this.model.events.length;
        before.take(cpu);
        if (cpu.onException === null || !cpu.onException(cpu, fault)) { this.flushEvents(); return { stop: 'exception', steps, fault }; }
        if (this.model.events.length !== nEv2) {
          this.flushEvents();
          after.take(cpu);
          const ch2 = changes(cpu, before, after, watch.diff());
          if (ch2) this.emit('        ' + '   changed: ' + ch2);
        }
        continue;
      }
      if (cpu.halted) return { stop: 'hlt', steps };
    }
    return { stop: 'steps', steps };
  }

  // ---- inspection ----

  /** A register by name: rax..r15, eax..edi, rip/eip, rflags/eflags, cs..gs, cr0..cr4, cpl, fs_base, gs_base, kernel_gs_base. */
  reg(name: string): bigint {
    const cpu = this.cpu;
    const n = name.toLowerCase().replace(/^%/, '');
    let i = (GPR64 as readonly string[]).indexOf(n);
    if (i >= 0) return cpu.reg64(i);
    i = (GPR32 as readonly string[]).indexOf(n);
    if (i >= 0) return cpu.reg64(i) & 0xffffffffn;
    switch (n) {
      case 'rip': case 'eip': return canonToBig(cpu.rip);
      case 'rflags': case 'eflags': return BigInt(getFlags(cpu) >>> 0);
      case 'cpl': return BigInt(cpu.cpl);
      case 'cr0': return BigInt(cpu.cr0 >>> 0);
      case 'cr2': return canonToBig(cpu.cr2);
      case 'cr3': return BigInt(cpu.cr3);
      case 'cr4': return BigInt(cpu.cr4 >>> 0);
      case 'fs_base': return canonToBig(cpu.segs[4].base);
      case 'gs_base': return canonToBig(cpu.segs[5].base);
      case 'kernel_gs_base': return canonToBig(cpu.kernelGsBase);
      case 'tr': return BigInt(cpu.tr.sel);
    }
    const s = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'].indexOf(n);
    if (s >= 0) return BigInt(cpu.segs[s].sel);
    throw new SpecError(`unknown register '${name}'`);
  }

  /** Bytes at an address or symbol (raw physical read: the harness maps linear = physical). */
  read(at: string | number, n: number): Uint8Array {
    const a = typeof at === 'number' ? at : this.addr(at);
    return this.cpu.mem.readBytes(a, n);
  }
  private le(at: string | number, n: number): bigint {
    const b = this.read(at, n);
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[k]);
    return v;
  }
  u8(at: string | number): bigint { return this.le(at, 1); }
  u16(at: string | number): bigint { return this.le(at, 2); }
  u32(at: string | number): bigint { return this.le(at, 4); }
  u64(at: string | number): bigint { return this.le(at, 8); }
  /** A machine word (8 bytes in 64-bit mode, 4 in 32-bit mode). */
  word(at: string | number): bigint { return this.le(at, this.mode === 64 ? 8 : 4); }

  /** Event log as trace text. */
  eventLines(): string[] { return this.model.events.map((e) => eventText(e, this.mode, this.sym)); }
  /** The event log in its documented shape (the dump's "events"; `text` is the trace line). */
  eventRecords(): EventRecord[] { return this.model.events.map((e) => eventRecord(e, this.mode, this.sym)); }
}
