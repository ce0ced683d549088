// Several CPUs sharing memory (docs/multi-cpu.md): one harness Machine per CPU (its own registers,
// descriptor-table registers, NMI blocking, pending events, event log and trace), all built over one
// Memory, started at the same entry in the same mode, CPU i on its own boot stack (boot.ts). A
// scheduler runs one instruction at a time: round-robin with a quantum, or the switches of an
// explicit schedule (multi-schedule.ts). Memory is sequentially consistent and every instruction is
// atomic (so locked instructions and xchg with memory are too).
//
// Local APICs (src/cpu/system/apic.ts): the xAPIC page at 0xfee00000 is one shared page that holds
// the register image of the CPU about to run; its bytes are mapped with a hole (the last byte) so
// every write to it leaves the fast path and marks the page dirty, and the write is then handed to
// that CPU's APIC (an ICR low write sends the IPI).
//
// Cross-modifying code (SDM Vol.3A 8.1.3 "Handling Self- and Cross-Modifying Code"): a CPU that
// modifies code another CPU executes must have the executing CPU serialize before that CPU runs
// the new code; until it does, the executing CPU may still run from bytes it fetched earlier. The
// model: every byte another CPU wrote since this CPU last serialized is *stale* for it, with the
// list of values it held since then (oldest first). A fetch whose 15-byte window holds stale bytes
// may see any of those values per byte: the default run takes the oldest (the value when the CPU
// last serialized), a schedule's fK=DIGITS item picks others, and the explorer tries them all. The
// CPU's own writes are seen at once (8.1.3: self-modifying code is detected by the processor).
// Serializing: the instructions of SDM Vol.3A 8.3 that x86lab executes (cpuid, iret, lgdt, lidt,
// lldt, ltr, mov to CR0/CR2/CR3/CR4, mov to DRn, invd, wbinvd, invlpg, wrmsr except to
// IA32_TSC_DEADLINE and the x2APIC MSRs 0x802-0x83f, serialize), and delivering an exception,
// NMI or interrupt (the handler's instructions are fetched after the event: Linux's text_poke_sync
// relies on the IPI's delivery and iret). lret, jmp and locked instructions do not serialize.
// Which bytes count as code: those of pages some CPU has fetched an instruction from (and the
// .text sections'); those pages are write-trapped, and a page written in a step is compared with
// its copy after the step to find the bytes that changed.

import { Machine, SpecError, DEFAULT_MAX_STEPS, type MachineOptions, type RunOutcome } from './machine.js';
import { loadFile, loadFiles, loadSource, type Image } from './loader.js';
import { Memory, PAGE_SIZE, P_R, P_W, type Page } from '../cpu/memory.js';
import { ACC_R, ACC_X, SEG_CS, canonLo, canonHi, type Cpu } from '../cpu/state.js';
import { fetch } from '../cpu/exec.js';
import { ea, K_REG, type Insn } from '../cpu/operands.js';
import { FORMS } from '../isa/index.js';
import { decodeInto } from '../decode/decode.js';
import { newDecoded, Pfx } from '../decode/types.js';
import { ApicBus, APIC_BASE, APIC_SIZE, APIC_EOI, APIC_TPR, APIC_SVR, APIC_ICR_HI, APIC_ICR_LO, attachApic, type Ipi } from '../cpu/system/apic.js';
import { parseIrq, parseNmi, parseInt3, type EventSpec } from './schedule.js';
import { DEFAULT_QUANTUM, MAX_CPUS, cpuPrefix, emptySchedule, formatSchedule, type InjectedAt, type Schedule } from './multi-schedule.js';
import { Symbolizer, disasm, hex } from './trace.js';
import { capture, restoreFields, CPU_SKIP, MODEL_SKIP, type Fields } from './snapshot.js';

export { MAX_CPUS };

export interface MultiOptions extends MachineOptions {
  /** Number of CPUs, 1..8 (default 1). */
  cpus?: number;
  /** Round-robin quantum in instructions (default DEFAULT_QUANTUM). */
  quantum?: number;
  schedule?: Schedule;
  /**
   * x86-TSO store buffers: a store the schedule marks (T:buffer) waits in its CPU's FIFO store
   * buffer, with every later store of that CPU, until the CPU fences or has run `tsoWindow` more
   * instructions (default 20). Without it memory is sequentially consistent.
   */
  tso?: boolean;
  tsoWindow?: number;
}

export interface MultiRunOptions {
  /** Instructions retired by all CPUs together. */
  maxSteps?: number;
  trace?: boolean;
  onTrace?: (line: string) => void;
  /** Record who ran each step and who could have (for the explorer). */
  record?: boolean;
}

export interface MultiOutcome extends RunOutcome {
  /** The CPU whose stop ended the run (-1: every CPU halted, or the step limit). */
  cpu: number;
}

/** One fetch that saw stale bytes. */
export interface StaleFetch {
  /** 1-based number in the run (the K of a schedule's fK=DIGITS). */
  n: number;
  cpu: number;
  /** Global step of the fetch. */
  step: number;
  rip: number;
  /** Physical address of RIP, and the 15 bytes memory held there at the fetch. */
  pa: number;
  window: number[];
  /** Stale bytes of the window (physical addresses, ascending) and the values each may show. */
  addrs: number[];
  values: number[][];
  /** Value index taken for each. */
  choice: number[];
  /** What was fetched (disassembled) and what memory holds there now. */
  seen: string;
  current: string;
}

const SERIALIZING_SEMS = new Set(['sys:cpuid', 'iret', 'sys:lgdt', 'sys:lidt', 'sys:lldt', 'sys:ltr', 'sys:invd', 'sys:wbinvd', 'sys:invlpg', 'sys:serialize', 'sys:invpcid', 'sys:rsm']);
/** Event kinds whose delivery (or iret) serializes the CPU that takes it. */
const SERIALIZING_EVENTS = new Set(['exception', 'nmi', 'interrupt', 'iret', 'delivery-fault', 'double-fault']);

/** Per form: 0 never serializing, 1 maybe (decided by serializing()). */
const MAY_SERIALIZE = Uint8Array.from(FORMS, (f) => (SERIALIZING_SEMS.has(f.sem) || f.sem === 'sys:movcr' || f.sem === 'sys:movdr' || f.sem === 'sys:wrmsr' ? 1 : 0));

/** Is `i`, just executed by `cpu`, serializing (SDM Vol.3A 8.3)? */
function serializing(cpu: Cpu, i: Insn): boolean {
  if (MAY_SERIALIZE[i.form] === 0) return false;
  const sem = FORMS[i.form].sem;
  if (SERIALIZING_SEMS.has(sem)) return true;
  if (sem === 'sys:movcr') return i.k1 !== K_REG && i.r1 !== 8; // to CR0/2/3/4, not CR8
  if (sem === 'sys:movdr') return i.k1 !== K_REG;
  if (sem === 'sys:wrmsr') {
    const n = cpu.lo[1] >>> 0;
    return n !== 0x6e0 && !(n >= 0x802 && n <= 0x83f);
  }
  return false;
}

/** A store that may wait in the store buffer: to an explicit memory operand, not locked, not xchg, not a string op. */
function isBufferable(i: Insn): boolean {
  if (i.memOp < 0 || (i.prefixes & Pfx.LOCK) !== 0) return false;
  const f = FORMS[i.form];
  const acc = f.operands[i.memOp]?.access;
  return f.sem !== 'xchg' && (acc === 'w' || acc === 'rw') && !f.sem.startsWith('str');
}
/** Instructions that empty the store buffer (SDM Vol.3A 8.2.5: locked, serializing, mfence; xchg is locked; hlt waits). */
function isFence(cpu: Cpu, i: Insn): boolean {
  if ((i.prefixes & Pfx.LOCK) !== 0) return true;
  const f = FORMS[i.form];
  if (f.sem === 'xchg' && i.memOp >= 0) return true;
  return f.mnem === 'mfence' || f.sem === 'hlt' || serializing(cpu, i);
}

/** A read-modify-write of memory without lock (xchg is locked anyway: SDM XCHG). */
function isSplittable(i: Insn): boolean {
  if (i.memOp < 0 || (i.prefixes & Pfx.LOCK) !== 0) return false;
  const f = FORMS[i.form];
  return f.sem !== 'xchg' && f.operands[i.memOp]?.access === 'rw';
}

/** 0xfffffffffee00000 as a canonical-signed number. */
const APIC_HIGH = APIC_BASE - 4294967296;

const scratch = newDecoded();
const winBuf = new Uint8Array(16);

export class MultiMachine {
  readonly machines: Machine[];
  readonly image: Image;
  readonly mem: Memory;
  readonly bus: ApicBus;
  readonly quantum: number;
  schedule: Schedule;
  /** Instructions retired by all CPUs. */
  steps = 0;
  /** Stale bytes per CPU: physical address -> values since the CPU last serialized, oldest first. */
  readonly stale: Map<number, number[]>[];
  readonly staleFetches: StaleFetch[] = [];
  /** With record: the CPU that ran each step, and the bit mask of CPUs that could have. */
  readonly ran: number[] = [];
  readonly runnableAt: number[] = [];
  /** With record: RIP of the CPU that ran each step, before it; whether its instruction was a splittable RMW. */
  readonly ripAt: number[] = [];
  readonly rmwAt: boolean[] = [];
  /** Per CPU: the read an interrupted read-modify-write made (T~C), applied when it resumes. */
  private readonly splitReads: ({ rip: number; pa: number; bytes: number[]; step: number } | null)[];
  private splitSwapped: [number, number, number][] = [];
  private recording = false;
  /** --tso: per CPU, buffered stores (oldest first) and the global bytes under its overlay. */
  readonly tso: boolean;
  private readonly tsoWindow: number;
  private readonly sbuf: { pa: number; bytes: number[]; left: number }[][];
  private readonly under: Map<number, number>[];
  private overlay = -1;
  private preStore: { pa: number; old: number[] } | null = null;
  /** With record and --tso: whether the step's instruction was a store that could be buffered. */
  readonly storeAt: boolean[] = [];
  /** Global steps after which some CPU held stale code bytes written in that step (cross-modifying writes). */
  readonly codeWrites: number[] = [];
  /** The schedule actually run, as switches away from what round-robin would have done (replayable). */
  readonly taken: Schedule = emptySchedule();
  private readonly halted: boolean[];
  private readonly sym: Symbolizer;
  private cur = 0;
  private used = 0;
  private nextSwitch = 0;
  private nextEvent = 0;
  /** Code pages under watch: the page and a copy of its bytes as of the last scan. */
  private readonly watched = new Map<number, { page: Page; copy: Uint8Array }>();
  /** watched's values as an array (iterated after every step). */
  private readonly watchList: { page: Page; copy: Uint8Array }[] = [];
  private readonly apicPage: Page;
  /** 64-bit: the same registers at 0xfffffffffee00000 (a 32-bit absolute address sign-extended). */
  private readonly apicHigh: Page | null;
  private apicOwner = -1;
  private readonly apicImg = new Uint8Array(PAGE_SIZE);
  private preRip = NaN;
  private preInsn: Insn | null = null;
  private preEa = NaN;
  private swapped: [number, number, number][] = [];
  private sink: ((line: string) => void) | null = null;

  static fromFile(path: string, opts: MultiOptions = {}): MultiMachine { return new MultiMachine(loadFile(path, opts), opts); }
  static fromSource(text: string, opts: MultiOptions = {}): MultiMachine { return new MultiMachine(loadSource(text, opts), opts); }
  static fromFiles(paths: readonly string[], opts: MultiOptions = {}): MultiMachine { return new MultiMachine(loadFiles(paths, opts), opts); }

  constructor(image: Image, opts: MultiOptions = {}) {
    const n = opts.cpus ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > MAX_CPUS) throw new SpecError(`--cpus ${n}: 1 to ${MAX_CPUS} CPUs`);
    this.image = image;
    this.quantum = opts.quantum ?? DEFAULT_QUANTUM;
    if (!Number.isInteger(this.quantum) || this.quantum < 1) throw new SpecError(`bad quantum ${this.quantum}`);
    this.schedule = opts.schedule ?? emptySchedule();
    this.mem = opts.memory ?? new Memory();
    this.machines = [];
    for (let i = 0; i < n; i++) this.machines.push(new Machine(image, { ...opts, memory: this.mem, cpuIndex: i }));
    this.halted = this.machines.map(() => false);
    this.splitReads = this.machines.map(() => null);
    this.tso = opts.tso === true;
    this.tsoWindow = opts.tsoWindow ?? 20;
    this.sbuf = this.machines.map(() => []);
    this.under = this.machines.map(() => new Map());
    this.stale = this.machines.map(() => new Map());
    this.bus = new ApicBus(n);
    this.bus.onIpi = (ipi) => this.ipi(ipi);
    this.machines.forEach((m, i) => attachApic(m.cpu, this.bus.apics[i], n));
    // The APIC page minus its last byte: mixed permissions, so writes mark it dirty (memory.ts).
    this.mem.map(APIC_BASE, APIC_SIZE - 1, P_R | P_W);
    this.apicPage = this.mem.page(APIC_BASE / PAGE_SIZE)!;
    if (image.mode === 64) {
      this.mem.map(APIC_HIGH, APIC_SIZE - 1, P_R | P_W);
      this.apicHigh = this.mem.page(APIC_HIGH / PAGE_SIZE)!;
    } else this.apicHigh = null;
    this.sym = new Symbolizer(image.symbols, image.sections.map((s) => ({ addr: s.addr, size: s.size })));
    for (const s of image.sections) if (s.name.startsWith('.text')) for (let a = s.addr; a < s.addr + s.size; a += PAGE_SIZE) this.watch(Math.floor(a / PAGE_SIZE));
    this.initial = {
      cpus: this.machines.map((m) => capture(m.cpu, CPU_SKIP)),
      models: this.machines.map((m) => capture(m.model, MODEL_SKIP)),
      pages: new Map([...this.mem.pages].map(([n, p]) => [n, p.data.slice()])),
    };
  }

  private readonly initial: { cpus: Fields[]; models: Fields[]; pages: Map<number, Uint8Array> };

  /**
   * Back to the state after construction, to run again with another schedule (the explorer's
   * trials): memory pages that differ are copied back (keeping the decode cache of unchanged code),
   * every CPU's registers and model state, the APICs, the scheduler. Armed events are not re-armed.
   */
  reset(schedule: Schedule = emptySchedule()): void {
    for (const [n, p] of this.mem.pages) {
      const want = this.initial.pages.get(n);
      if (want === undefined) { if (p !== this.apicPage) p.data.fill(0); continue; }
      if (Buffer.compare(Buffer.from(p.data.buffer, p.data.byteOffset, PAGE_SIZE), Buffer.from(want.buffer, want.byteOffset, PAGE_SIZE)) !== 0) this.mem.restorePage(p, want);
    }
    for (const w of this.watched.values()) { w.copy.set(w.page.data); w.page.dirty = false; arm(w.page); }
    this.machines.forEach((m, i) => {
      restoreFields(m.cpu, this.initial.cpus[i]);
      m.cpu.flushTlb();
      restoreFields(m.model, this.initial.models[i]);
      m.model.events.length = 0;
      m.visited.length = 0;
      const a = this.bus.apics[i];
      a.tpr = 0; a.svr = 0xff; a.icrLo = 0; a.icrHi = 0; a.eois = 0;
      this.halted[i] = false;
      this.stale[i].clear();
    });
    this.schedule = schedule;
    this.steps = 0;
    this.cur = 0; this.used = 0; this.nextSwitch = 0; this.nextEvent = 0;
    this.apicOwner = -1;
    this.swapped = [];
    this.staleFetches.length = 0;
    this.taken.switches.length = 0; this.taken.fetches.clear(); this.taken.events!.length = 0;
    this.ran.length = 0; this.runnableAt.length = 0; this.ripAt.length = 0; this.rmwAt.length = 0;
    this.splitReads.fill(null);
    this.splitSwapped = [];
    for (const b of this.sbuf) b.length = 0;
    for (const u of this.under) u.clear();
    this.overlay = -1;
    this.preStore = null;
    this.storeAt.length = 0;
    this.codeWrites.length = 0;
    this.taken.buffers!.clear();
    this.lastOutcome = null;
  }

  get cpus(): number { return this.machines.length; }
  get mode(): 32 | 64 { return this.image.mode; }
  get symbols(): Map<string, number> { return this.image.symbols; }
  /** CPU 0's machine (memory and symbols are shared, so its inspection methods read them all). */
  get main(): Machine { return this.machines[0]; }
  symbolize(a: number): string | undefined { return this.sym.lookup(a); }
  addrOf(ref: string): number { return this.main.addrOf(ref); }

  /** Arm an event on CPU `cpu`. */
  armOn(cpu: number, spec: EventSpec): void {
    if (!(cpu >= 0 && cpu < this.cpus)) throw new SpecError(`no CPU ${cpu} (CPUs are 0..${this.cpus - 1})`);
    this.machines[cpu].arm(spec);
  }
  /** `--nmi-at` / `--irq-at` / `--int3-at` text, with an optional `cpuK:` prefix (default CPU 0). */
  nmiAt(where: string): void { const [k, t] = cpuPrefix(where, this.cpus); this.armOn(k, parseNmi(t)); }
  irqAt(spec: string): void { const [k, t] = cpuPrefix(spec, this.cpus); this.armOn(k, parseIrq(t)); }
  int3At(spec: string): void { const [k, t] = cpuPrefix(spec, this.cpus); this.armOn(k, parseInt3(t)); }
  unfired(): string[] {
    const out: string[] = [];
    this.machines.forEach((m, i) => { for (const u of m.unfired()) out.push(this.cpus > 1 ? u.replace(/^(--\S+ )/, `$1cpu${i}:`) : u); });
    return out;
  }

  private watch(pg: number): void {
    if (this.watched.has(pg)) return;
    const p = this.mem.page(pg);
    if (p === undefined || p === this.apicPage || p === this.apicHigh) return;
    const w = { page: p, copy: p.data.slice() };
    this.watched.set(pg, w);
    this.watchList.push(w);
    arm(p);
  }

  private runnable(i: number): boolean { return !this.halted[i] || this.machines[i].wakeable(); }

  /** Run until every CPU is halted with nothing to wake it, the step limit, or a CPU's stop. */
  run(opts: MultiRunOptions = {}): MultiOutcome {
    const max = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    const n = this.cpus;
    const tracing = opts.trace === true;
    this.sink = tracing ? (opts.onTrace ?? null) : null;
    this.recording = opts.record === true;
    const sinks = this.machines.map((_, i) => (l: string) => this.sink?.(n > 1 ? `cpu${i} ${l}` : l));
    // One options object per CPU, its step limit updated before each step (no allocation per step).
    const runOpts = this.machines.map((_, i) => ({ maxSteps: 0, trace: tracing, keepTrace: false, onTrace: sinks[i] }));
    const sw = this.schedule.switches;
    const evs = this.schedule.events ?? [];
    for (;;) {
      if (this.steps >= max) return this.finish({ stop: 'steps', steps: this.steps, cpu: -1 });
      while (this.nextEvent < evs.length && evs[this.nextEvent].step <= this.steps) {
        const e = evs[this.nextEvent++];
        if (e.step === this.steps) this.inject(e);
      }
      // The CPU round-robin runs now, unless the schedule switches.
      let rr = this.cur;
      if (this.used >= this.quantum || !this.runnable(rr)) {
        rr = -1;
        for (let k = 1; k <= n; k++) { const c = (this.cur + k) % n; if (this.runnable(c)) { rr = c; break; } }
      }
      let forced = false;
      while (this.nextSwitch < sw.length && sw[this.nextSwitch].step <= this.steps) {
        const s = sw[this.nextSwitch++];
        if (s.step === this.steps && s.cpu !== rr && this.runnable(s.cpu)) {
          if (s.split && rr >= 0) this.splitRead(rr);
          this.cur = s.cpu; this.used = 0; forced = true;
          this.taken.switches.push(s.split && rr >= 0 && this.splitReads[rr] !== null ? { step: this.steps, cpu: s.cpu, split: true } : { step: this.steps, cpu: s.cpu });
        }
      }
      if (!forced) {
        if (rr < 0) return this.finish({ stop: 'hlt', steps: this.steps, cpu: -1 });
        if (rr !== this.cur) { this.cur = rr; this.used = 0; }
      }
      if (opts.record) {
        let mask = 0;
        for (let c = 0; c < n; c++) if (this.runnable(c)) mask |= 1 << c;
        this.ran.push(this.cur);
        this.runnableAt.push(mask);
        this.ripAt.push(this.machines[this.cur].cpu.rip);
      }
      const i = this.cur;
      const m = this.machines[i];
      if (this.halted[i]) {
        this.halted[i] = false;
        m.model.log({ kind: 'wake', from: m.cpu.rip, note: m.model.nmiPending && !m.cpu.nmiBlocked ? 'NMI' : 'interrupt' });
      }
      if (this.tso && this.overlay !== i) this.switchOverlay(i);
      this.prepare(i);
      const nEv = m.model.events.length;
      const before = m.steps;
      const ro = runOpts[i];
      ro.maxSteps = before + 1;
      const out = m.run(ro);
      this.settle(i, nEv);
      this.used++;
      this.steps += m.steps - before;
      if (out.stop === 'hlt') this.halted[i] = true;
      else if (out.stop !== 'steps') return this.finish({ ...out, steps: this.steps, cpu: i });
    }
  }

  lastOutcome: MultiOutcome | null = null;
  private finish(o: MultiOutcome): MultiOutcome {
    this.lastOutcome = o;
    return o;
  }

  /** CPU k is switched away from in the middle of its next instruction: take that instruction's read now. */
  private splitRead(k: number): void {
    const cpu = this.machines[k].cpu;
    try {
      const ins = fetch(cpu);
      if (!isSplittable(ins)) return;
      const lin = ea(cpu, ins);
      const size = FORMS[ins.form].operands[ins.memOp] ? (ins.memOp === 0 ? ins.s0 : ins.memOp === 1 ? ins.s1 : ins.s2) >> 3 : 0;
      if (size <= 0) return;
      const pa = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_R);
      const bytes: number[] = [];
      for (let b = 0; b < size; b++) bytes.push(this.mem.peek8(pa + b));
      this.splitReads[k] = { rip: cpu.rip, pa, bytes, step: this.steps };
    } catch { /* the instruction faults: nothing to split */ }
  }

  /** Before CPU i's instruction: stale bytes swapped in, the APIC page showing its registers. */
  private prepare(i: number): void {
    const cpu = this.machines[i].cpu;
    const rip = cpu.rip;
    this.preRip = rip;
    this.preInsn = null;
    this.preEa = NaN;
    const lin = cpu.mode === 64 ? rip : (rip + cpu.segs[SEG_CS].base) % 4294967296;
    let pa = NaN;
    try { pa = cpu.translate === null ? lin : cpu.translate(cpu, lin, ACC_X); } catch { pa = NaN; }
    if (!Number.isNaN(pa)) {
      this.watch(Math.floor(pa / PAGE_SIZE));
      this.watch(Math.floor((pa + 14) / PAGE_SIZE));
      if (this.stale[i].size > 0) this.staleFetch(i, pa, rip);
      try {
        const ins = fetch(cpu);
        this.preInsn = ins;
        if (ins.memOp >= 0) this.preEa = ea(cpu, ins);
      } catch { this.preInsn = null; }
    }
    if (this.recording) this.rmwAt.push(this.preInsn !== null && isSplittable(this.preInsn));
    this.preStore = null;
    if (this.tso && this.preInsn !== null && isBufferable(this.preInsn) && !Number.isNaN(this.preEa)) {
      const ins = this.preInsn;
      const size = (ins.memOp === 0 ? ins.s0 : ins.memOp === 1 ? ins.s1 : ins.s2) >> 3;
      let spa = NaN;
      try { spa = cpu.translate === null ? this.preEa : cpu.translate(cpu, this.preEa, ACC_R); } catch { spa = NaN; }
      const pg = Math.floor(spa / PAGE_SIZE);
      // Stores to watched code pages and to the APIC go straight to memory.
      if (size > 0 && !Number.isNaN(spa) && !this.watched.has(pg) && !this.watched.has(Math.floor((spa + size - 1) / PAGE_SIZE)) && this.mem.page(pg) !== this.apicPage && this.mem.page(pg) !== this.apicHigh) {
        const old: number[] = [];
        for (let b = 0; b < size; b++) old.push(this.mem.peek8(spa + b));
        this.preStore = { pa: spa, old };
      }
    }
    if (this.recording && this.tso) this.storeAt.push(this.preStore !== null && this.sbuf[i].length === 0);
    const sr = this.splitReads[i];
    if (sr !== null && sr.rip === rip) {
      const now = sr.bytes.map((_, k) => this.mem.peek8(sr.pa + k));
      this.splitSwapped = [];
      sr.bytes.forEach((b, k) => { if (now[k] !== b) { this.mem.poke8(sr.pa + k, b); this.splitSwapped.push([sr.pa + k, b, now[k]]); } });
      this.sink?.(`${this.cpus > 1 ? `cpu${i} ` : ''}        ** read-modify-write split at step ${sr.step}: its read of ${hex(sr.pa, this.mode)} saw ${bytesHex(sr.bytes)}${this.splitSwapped.length ? ` (memory holds ${bytesHex(now)} now: another CPU wrote in between)` : ''}; its write happens now`);
    }
    this.splitReads[i] = null;
    if (this.apicOwner !== i) {
      this.bus.apics[i].image(this.apicImg);
      this.apicImg[APIC_SIZE - 1] = 0;
      this.apicPage.data.set(this.apicImg);
      this.apicHigh?.data.set(this.apicImg);
      this.apicOwner = i;
    }
    this.apicPage.dirty = false;
    if (this.apicHigh !== null) this.apicHigh.dirty = false;
  }

  /** The fetch at `pa` touches stale bytes: choose what it sees and put that in memory for now. */
  private staleFetch(i: number, pa: number, rip: number): void {
    const st = this.stale[i];
    const addrs: number[] = [];
    for (let k = 0; k < 15; k++) if (st.has(pa + k)) addrs.push(pa + k);
    if (addrs.length === 0) return;
    const values = addrs.map((a) => st.get(a)!);
    const cpu = this.machines[i].cpu;
    const window: number[] = [];
    for (let k = 0; k < 15; k++) window.push(this.mem.peek8(pa + k));
    const f: StaleFetch = { n: 0, cpu: i, step: this.steps, rip, pa, window, addrs, values: values.map((v) => [...v]), choice: [], seen: '', current: '' };
    // Only a fetch whose instruction can reach a stale byte counts (and is numbered).
    if (fetchChoices(f, cpu.mode, 64).length <= 1) return;
    const n = this.staleFetches.length + 1;
    const want = this.schedule.fetches.get(n) ?? [];
    const choice = values.map((v, k) => Math.min(want[k] ?? 0, v.length - 1));
    const current = disasm(cpu, this.sym);
    this.swapped = [];
    addrs.forEach((a, k) => {
      const truth = this.mem.peek8(a);
      const v = values[k][choice[k]];
      if (v !== truth) { this.mem.poke8(a, v); this.swapped.push([a, v, truth]); }
    });
    f.n = n; f.choice = choice; f.current = current;
    f.seen = disasm(cpu, this.sym);
    this.staleFetches.push(f);
    if (choice.some((c) => c !== 0)) this.taken.fetches.set(n, choice);
    if (this.sink !== null) this.sink(`${this.cpus > 1 ? `cpu${i} ` : ''}        ** ${staleText(f, this.mode, this.sym)}`);
  }

  /** After CPU i's instruction: real bytes back, APIC writes, code writes noted, serialization. */
  private settle(i: number, nEv: number): void {
    const mem = this.mem;
    for (const [a, v, truth] of this.swapped) if (mem.peek8(a) === v) mem.poke8(a, truth);
    this.swapped = [];
    const m = this.machines[i];
    const cpu = m.cpu;
    const ran = this.preInsn !== null && cpu.curIp === this.preRip;
    // A split read-modify-write that did not run after all (an event came first): memory as it was.
    if (!ran) for (const [a, v, truth] of this.splitSwapped) if (mem.peek8(a) === v) mem.poke8(a, truth);
    this.splitSwapped = [];
    if (this.apicPage.dirty || (this.apicHigh !== null && this.apicHigh.dirty)) for (const [pg, base] of [[this.apicPage, APIC_BASE], [this.apicHigh, APIC_HIGH]] as const) {
      if (pg === null || !pg.dirty) continue;
      const d = pg.data, img = this.apicImg;
      const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
      const eaOff = ran && this.preEa >= base && this.preEa < base + APIC_SIZE ? this.preEa - base : -1;
      for (const off of [APIC_TPR, APIC_SVR, APIC_EOI, APIC_ICR_HI, APIC_ICR_LO]) {
        let changed = eaOff >= off && eaOff < off + 16;
        for (let k = 0; k < 4 && !changed; k++) if (d[off + k] !== img[off + k]) changed = true;
        if (changed) this.bus.apics[i].write(off, dv.getUint32(off, true));
      }
      this.apicOwner = -1;
      pg.dirty = false;
    }
    this.scanCode(i);
    let ser = ran && serializing(cpu, this.preInsn!);
    const evs = m.model.events;
    for (let k = nEv; k < evs.length && !ser; k++) if (SERIALIZING_EVENTS.has(evs[k].kind)) ser = true;
    if (ser) this.stale[i].clear();
    if (this.tso) this.settleStore(i, ran, ser);
  }

  /** --tso, after CPU i's step: buffer its store if the schedule says so (or others wait), drain what is due. */
  private settleStore(i: number, ran: boolean, ser: boolean): void {
    const buf = this.sbuf[i];
    const st = this.preStore;
    this.preStore = null;
    const step = this.steps; // the global step that just ran (counted after settle)
    if (ran && st !== null) {
      const now = st.old.map((_, b) => this.mem.peek8(st.pa + b));
      if (buf.length > 0 || this.schedule.buffers?.has(step)) {
        const under = this.under[i];
        st.old.forEach((v, b) => { if (!under.has(st.pa + b)) under.set(st.pa + b, v); });
        buf.push({ pa: st.pa, bytes: now, left: this.schedule.buffers?.has(step) ? this.tsoWindow : 0 });
        if (this.schedule.buffers?.has(step)) {
          this.taken.buffers!.add(step);
          this.sink?.(`${this.cpus > 1 ? `cpu${i} ` : ''}        ** store to ${hex(st.pa, this.mode)} (${bytesHex(now)}) waits in the store buffer`);
        }
        return;
      }
    }
    if (buf.length === 0) return;
    const cpu = this.machines[i].cpu;
    const fence = ser || (ran && this.preInsn !== null && isFence(cpu, this.preInsn)) || cpu.halted;
    if (!fence) buf[0].left--;
    while (buf.length > 0 && (fence || buf[0].left <= 0)) this.drain(i);
  }

  /** The oldest store of CPU i's buffer becomes globally visible (CPU i runs: memory shows its overlay). */
  private drain(i: number): void {
    const e = this.sbuf[i].shift()!;
    const under = this.under[i];
    e.bytes.forEach((v, b) => {
      const a = e.pa + b;
      if (this.sbuf[i].some((f) => a >= f.pa && a < f.pa + f.bytes.length)) under.set(a, v);
      else under.delete(a);
    });
  }

  /** Memory shows the global state plus the store buffer of the CPU about to run (its own stores forward to it). */
  private switchOverlay(i: number): void {
    if (this.overlay >= 0) {
      for (const [a, v] of this.under[this.overlay]) this.mem.poke8(a, v);
      this.under[this.overlay].clear();
    }
    this.overlay = i;
    const under = this.under[i];
    for (const e of this.sbuf[i]) e.bytes.forEach((v, b) => {
      const a = e.pa + b;
      if (!under.has(a)) under.set(a, this.mem.peek8(a));
      this.mem.poke8(a, v);
    });
  }

  /** Stores still waiting in CPU i's buffer (--tso). */
  pendingStores(i: number): number { return this.sbuf[i].length; }

  /**
   * Compare the watched code pages that were written with their copies: bytes CPU `w` changed
   * become stale for the others. A watched page is write-trapped (see arm()), so a page nobody
   * wrote costs nothing here.
   */
  private scanCode(w: number): void {
    const list = this.watchList;
    for (let j = 0; j < list.length; j++) {
      const p = list[j].page, copy = list[j].copy;
      if (!p.dirty) continue;
      p.dirty = false;
      arm(p);
      const d = p.data;
      const base = p.num * PAGE_SIZE;
      for (let k = 0; k < PAGE_SIZE; k++) {
        if (d[k] === copy[k]) continue;
        if (this.cpus > 1 && this.codeWrites[this.codeWrites.length - 1] !== this.steps) this.codeWrites.push(this.steps);
        const a = base + k;
        for (let c = 0; c < this.cpus; c++) {
          const st = this.stale[c];
          if (c === w) { st.delete(a); continue; }
          const l = st.get(a);
          if (l === undefined) st.set(a, [copy[k], d[k]]);
          else if (l[l.length - 1] !== d[k]) l.push(d[k]);
        }
        copy[k] = d[k];
      }
    }
  }

  /** A schedule's event (T:nmi@C, T:irq=V@C): latched at CPU C now, as --nmi-at / --irq-at latch. */
  private inject(e: InjectedAt): void {
    const m = this.machines[e.cpu];
    const model = m.model;
    const note = `(--schedule ${e.step}:${e.kind === 'nmi' ? 'nmi' : `irq=0x${e.vector.toString(16)}`}@${e.cpu})`;
    if (e.kind === 'nmi') {
      const lost = model.nmiPending;
      model.nmiPending = true;
      model.log({ kind: 'nmi-latched', from: m.cpu.rip, note: `${note}${m.cpu.nmiBlocked ? ', blocked until the next iret' : ''}${lost ? ', one already pending: merged' : ''}` });
    } else {
      model.irqPending.push(e.vector);
      model.log({ kind: 'irq-latched', vector: e.vector, from: m.cpu.rip, note });
    }
    this.taken.events!.push(e);
  }

  /** An IPI reaches its targets: latched like an injected NMI / interrupt, and logged there. */
  private ipi(ipi: Ipi): void {
    for (const t of ipi.targets) {
      const m = this.machines[t];
      const model = m.model;
      const note = `IPI from cpu${ipi.from} (ICR 0x${ipi.icr.toString(16)})`;
      if (ipi.kind === 'nmi') {
        const lost = model.nmiPending;
        model.nmiPending = true;
        model.log({ kind: 'nmi-latched', from: m.cpu.rip, note: `${note}${m.cpu.nmiBlocked ? ', blocked until the next iret' : ''}${lost ? ', one already pending: merged' : ''}` });
      } else {
        // One IRR bit per vector (SDM 11.8.4): a vector already pending is not queued again.
        const dup = model.irqPending.includes(ipi.vector);
        if (!dup) model.irqPending.push(ipi.vector);
        model.log({ kind: 'irq-latched', vector: ipi.vector, from: m.cpu.rip, note: `${note}${dup ? ', already pending: merged' : ''}` });
      }
    }
  }

  /** The replayable schedule of the run so far (`--schedule` text). */
  scheduleText(): string { return formatSchedule(this.taken); }
}

/**
 * Make the next write to page `p` leave the fast path and set p.dirty (as Memory.trackWrites does
 * for snapshots: a uniform writable page loses P_W in `perm` and keeps its real permission per
 * byte; a page with mixed permissions already writes through a path that sets dirty).
 */
function arm(p: Page): void {
  if (p.trapPerm >= 0 || p.bytePerm !== null || (p.perm & P_W) === 0) return;
  p.trapPerm = p.perm;
  p.bytePerm = new Uint8Array(PAGE_SIZE).fill(p.perm);
  p.perm &= ~P_W;
}

function bytesHex(b: number[]): string { return b.map((x) => x.toString(16).padStart(2, '0')).join(' '); }

/** "stale fetch #2 at 0x... <patch_site>: saw e8 .. (memory: cc ..): call ..." */
export function staleText(f: StaleFetch, mode: 32 | 64, sym: Symbolizer): string {
  const s = sym.lookup(f.rip);
  const seen = f.addrs.map((_, k) => f.values[k][f.choice[k]]);
  const now = f.addrs.map((_, k) => f.values[k][f.values[k].length - 1]);
  const at = f.addrs.map((a) => `+${a - f.addrs[0]}`);
  return `stale fetch #${f.n} at ${hex(f.rip, mode)}${s ? ` <${s}>` : ''}: stale bytes at ${hex(f.addrs[0], mode)}${f.addrs.length > 1 ? `(${at.join(',')})` : ''} seen as ${bytesHex(seen)} (memory holds ${bytesHex(now)}): runs \`${f.seen}\`${f.seen !== f.current ? `, not \`${f.current}\`` : ''}`;
}

/**
 * Distinct instructions a stale fetch could run: every combination of the values of its stale
 * bytes, decoded at RIP; combinations that differ only in bytes past the instruction's end give the
 * same instruction and are kept once (the one with those bytes at their oldest value). At most
 * `cap` combinations are tried. Returns value-index lists, the default (all 0) first.
 */
export function fetchChoices(f: StaleFetch, mode: 32 | 64, cap = 4096): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>();
  const k = f.addrs.length;
  const idx = new Array<number>(k).fill(0);
  const pa = f.pa;
  let tried = 0;
  for (;;) {
    if (tried++ >= cap) break;
    for (let b = 0; b < 15; b++) winBuf[b] = f.window[b];
    winBuf[15] = 0;
    for (let j = 0; j < k; j++) winBuf[f.addrs[j] - pa] = f.values[j][idx[j]];
    decodeInto(scratch, winBuf, 0, mode, canonLo(f.rip), mode === 64 ? canonHi(f.rip) : 0);
    const len = Math.max(1, Math.min(15, scratch.length || 1));
    const canon = idx.map((v, j) => (f.addrs[j] - pa < len ? v : 0));
    const key = canon.join('');
    if (!seen.has(key)) { seen.add(key); out.push(canon); }
    let j = 0;
    while (j < k) { idx[j]++; if (idx[j] < f.values[j].length) break; idx[j] = 0; j++; }
    if (j === k) break;
  }
  return out;
}
