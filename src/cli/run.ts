// `x86lab run`: assemble a handler listing, run it in ring 0 from _start until hlt with nothing
// left to wake it, with injected NMIs/interrupts, an optional trace, and a JSON dump.

import type { CpuProfile } from '../cpu/profiles.js';
import { profileFromOption } from './host-cpu.js';
import { hostClock } from './clock.js';
import { Machine, LoadError, SpecError, DEFAULT_MAX_STEPS, type RunOutcome } from '../harness/machine.js';
import { IoError, prepareOutput, readInput, stdoutFile, writeOutput, type OutputTarget } from './io.js';
import { dumpMachine } from '../harness/dump.js';
import { parseInt3, parseIrq, parseNmi, type EventSpec } from '../harness/schedule.js';
import { ProgressLine } from '../harness/progress.js';
import { cpuPrefix, MAX_CPUS } from '../harness/multi-schedule.js';
import { runMulti } from './run-multi.js';

export const usage = `usage: x86lab run [options] FILE.S [FILE.S|FILE.o ...]

Assemble each listing, link it with the others and with any ELF relocatable objects (gcc -c output,
GNU as or x86lab objects) as ld would, or load one ELF executable made by ld. Run it from _start
in ring 0 until hlt with nothing left to wake it (or the step limit), then print the final state.
docs/harness.md describes the machine: the link layout and load addresses, the initial
GDT/stack/paging, and how hlt, NMIs and interrupts behave.

options:
  --64 | --32          long mode (default) or 32-bit flat protected mode (default: the
                       class of the first ELF object, when there is one)
  -I DIR               add DIR to the #include/.include search path (include/ is always searched)
  -D NAME[=VAL]        define a preprocessor macro;  -U NAME  undefine one
  --entry SYM          start at SYM instead of _start
  --trace              print one line per instruction and per event
  --nmi-at WHERE       inject an NMI at WHERE: SYM (before its first execution), SYM:N (N-th
                       arrival), SYM+OFF, or a step count; repeatable
  --irq-at V@WHERE     raise external interrupt vector V (32..255) at WHERE; repeatable
                       (--irq-at WHERE: vector 0x20)
  --int3-at SYM@WHERE  write int3 (0xCC) over the byte at SYM (or SYM+OFF) at WHERE, as another
                       CPU patching the code would; repeatable
  --cpus N             N CPUs (1..8) sharing memory, each starting at the entry on its own boot
                       stack; with N > 1 WHERE may start with cpuK: (default cpu0), and trace
                       lines start with the CPU (docs/multi-cpu.md)
  --quantum Q          with --cpus: round-robin quantum in instructions (default 100)
  --schedule S         with --cpus: replay a schedule (STEP:CPU switches, fK=DIGITS stale-fetch
                       choices), as the explorer prints it
  --tso                with --cpus: x86-TSO store buffers (T:buffer items hold a store back)
  --max-steps N        step limit (default 10000000; with --cpus, all CPUs' steps together)
  --cpu intel|amd|host whose undefined flags, quirks and CPUID to reproduce (default intel, so
                       traces are the same on every host; host: this machine's vendor)
  --dump OUT.json      write the final snapshot (registers, memory, symbols, visited labels, events);
                       - is standard output
  -q, --quiet          do not print the final state (a failed run still prints its stop line)
  -h, --help           show this help

exit status: 0 when the run ends at hlt, 1 for other stops (step limit, triple fault, unsupported)
or assembly errors, 2 for usage errors.
`;

class UsageError extends Error {}

export interface Args {
  files: string[];
  mode?: 32 | 64;
  includeDirs: string[];
  defines: string[];
  undefs: string[];
  entry?: string;
  trace: boolean;
  events: EventSpec[];
  maxSteps?: number;
  dump?: string;
  quiet: boolean;
  cpu?: CpuProfile;
  /** CPU of each event (a cpuK: prefix), and the multi-CPU options (run-multi.ts). */
  eventCpus: number[];
  cpus: number;
  quantum?: number;
  schedule?: string;
  tso?: boolean;
  tsoWindow?: number;
}

function parseArgs(argv: string[]): Args | 'help' {
  const a: Args = { files: [], includeDirs: [], defines: [], undefs: [], trace: false, events: [], quiet: false, eventCpus: [], cpus: 1 };
  for (let k = 0; k < argv.length; k++) {
    const t = argv[k];
    const val = (): string => {
      const eq = t.indexOf('=');
      if (t.startsWith('--') && eq > 0) return t.slice(eq + 1);
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`option '${t}' needs a value`);
      return v;
    };
    const opt = t.startsWith('--') && t.includes('=') ? t.slice(0, t.indexOf('=')) : t;
    switch (opt) {
      case '-h': case '--help': return 'help';
      case '--64': a.mode = 64; break;
      case '--32': a.mode = 32; break;
      case '--trace': a.trace = true; break;
      case '-q': case '--quiet': a.quiet = true; break;
      case '--entry': a.entry = val(); break;
      case '--nmi-at': { const [c, w] = cpuPrefix(val()); a.eventCpus.push(c); a.events.push(parseNmi(w)); break; }
      case '--irq-at': { const [c, w] = cpuPrefix(val()); a.eventCpus.push(c); a.events.push(parseIrq(w)); break; }
      case '--int3-at': { const [c, w] = cpuPrefix(val()); a.eventCpus.push(c); a.events.push(parseInt3(w)); break; }
      case '--cpus': {
        const v = val();
        if (!/^[0-9]+$/.test(v) || +v < 1 || +v > MAX_CPUS) throw new UsageError(`bad --cpus '${v}' (1 to ${MAX_CPUS})`);
        a.cpus = +v;
        break;
      }
      case '--quantum': {
        const v = val();
        if (!/^[0-9]+$/.test(v) || +v < 1) throw new UsageError(`bad --quantum '${v}'`);
        a.quantum = +v;
        break;
      }
      case '--schedule': a.schedule = val(); break;
      case '--tso': a.tso = true; break;
      case '--tso-window': {
        const v = val();
        if (!/^[0-9]+$/.test(v) || +v < 1) throw new UsageError(`bad --tso-window '${v}'`);
        a.tsoWindow = +v;
        break;
      }
      case '--max-steps': {
        const v = val();
        if (!/^[0-9]+$/.test(v)) throw new UsageError(`bad --max-steps '${v}'`);
        a.maxSteps = parseInt(v, 10);
        break;
      }
      case '--dump': a.dump = val(); break;
      case '--cpu': {
        const p = profileFromOption(val());
        if (typeof p === 'string') throw new UsageError(p);
        a.cpu = p;
        break;
      }
      default:
        if (t.startsWith('-I')) { a.includeDirs.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-D')) { a.defines.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-U')) { a.undefs.push(t.length > 2 ? t.slice(2) : val()); break; }
        if (t.startsWith('-') && t !== '-') throw new UsageError(`unknown option '${t}'`);
        a.files.push(t);
    }
  }
  if (a.files.length === 0) throw new UsageError('no input file');
  if (a.cpus === 1 && (a.schedule !== undefined || a.quantum !== undefined || a.tso)) throw new UsageError('--schedule, --quantum and --tso need --cpus 2 or more');
  for (const c of a.eventCpus) if (c >= a.cpus) throw new UsageError(`no CPU ${c} (CPUs are 0..${a.cpus - 1}; raise --cpus)`);
  return a;
}

/** "stop: hlt at 0x100081 <done> after 92 steps" (for hlt: the hlt itself; RIP is already past it). */
export function stopLine(m: Machine, out: RunOutcome): string {
  const at = out.stop === 'hlt' ? m.cpu.curIp : m.cpu.rip;
  const where = m.symbolize(at);
  const a = '0x' + (BigInt(Math.round(at)) & (m.mode === 64 ? (1n << 64n) - 1n : 0xffffffffn)).toString(16);
  // The step limit names the option that raises it.
  const detail = out.detail ?? (out.stop === 'steps' ? 'step limit reached; raise it with --max-steps N' : undefined);
  return `stop: ${out.stop}${detail ? ` (${detail})` : ''} at ${a}${where ? ` <${where}>` : ''} after ${out.steps} steps`;
}

export function summary(m: Machine, out: RunOutcome, head?: string): string {
  const lines: string[] = [];
  lines.push(head ?? stopLine(m, out));
  const names = m.mode === 64
    ? ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip', 'rflags']
    : ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'ebp', 'esp', 'eip', 'eflags'];
  const w = m.mode === 64 ? 16 : 8;
  const cells = names.map((n) => `${n.padStart(6)} ${m.reg(n).toString(16).padStart(w, '0')}`);
  for (let k = 0; k < cells.length; k += 3) lines.push(cells.slice(k, k + 3).join('  '));
  lines.push(['cs', 'ss', 'ds', 'es', 'fs', 'gs'].map((s) => `${s}=0x${m.reg(s).toString(16)}`).join(' ') + ` cpl=${m.cpu.cpl}` + (m.cpu.nmiBlocked ? ' (NMIs blocked)' : ''));
  return lines.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SpecError) {
      process.stderr.write(`x86lab run: ${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') { process.stdout.write(usage); return 0; }
  if (args.cpus > 1) return runMulti(args);
  let target: OutputTarget | undefined;
  try {
    // --dump is checked before the run (a bad path fails now, not after a long run) and may not
    // name an input.
    target = args.dump === undefined ? undefined : prepareOutput(args.dump, args.files);
  } catch (e) {
    if (e instanceof IoError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 1; }
    throw e;
  }
  let m: Machine;
  try {
    // Inputs are read as regular files under a size limit (io.ts); `-` is standard input.
    m = Machine.fromFiles(args.files, {
      ...(args.mode ? { mode: args.mode } : {}), includeDirs: args.includeDirs, defines: args.defines, undefs: args.undefs,
      clock: hostClock(), readBytes: (p) => new Uint8Array(readInput(p)), ...(args.cpu ? { cpu: args.cpu } : {}), ...(args.entry ? { entry: args.entry } : {}),
    });
    for (const e of args.events) m.arm(e);
    for (const w of m.warnings) process.stderr.write(w + '\n');
  } catch (e) {
    if (e instanceof IoError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 1; }
    if (e instanceof LoadError) {
      // Assembler problems as GNU as reports them; link problems as ld does (prefixed with our name).
      // ld's second line of a message, `(.text+0x5): …`, carries no program name.
      if (e.stage === 'link') process.stderr.write(e.message.split('\n').map((l) => (/^([^\s:(]*:)?\(/.test(l) ? l : `x86lab run: ${l}`) + '\n').join(''));
      else process.stderr.write(`${e.file ?? args.files[0]}: Assembler messages:\n${e.message}\n`);
      return 1;
    }
    if (e instanceof SpecError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 2; }
    throw e;
  }
  // Trace lines are buffered, and a reader that goes away (`| head`) stops the run (OutputClosed);
  // a progress line on stderr when it is a terminal.
  const stdout = stdoutFile();
  const progress = new ProgressLine(process.stderr, 'x86lab run', args.maxSteps ?? DEFAULT_MAX_STEPS);
  const out = m.run({
    ...(args.maxSteps !== undefined ? { maxSteps: args.maxSteps } : {}),
    trace: args.trace, keepTrace: false, onTrace: (l) => stdout.write(l + '\n'),
    ...(progress.active ? { onProgress: (n: number) => progress.update(n) } : {}),
  });
  progress.done();
  if (!args.quiet) stdout.write(summary(m, out));
  stdout.flush();
  return finishRun(args.quiet, out.stop === 'hlt', () => stopLine(m, out), m.unfired(), target, () => dumpMachine(m, out));
}

/**
 * The end of a run, one or several CPUs: the stop line under -q, unfired events, the --dump file
 * (committed whole or not at all by writeOutput); exit 0 only when the run ended in hlt.
 */
export function finishRun(quiet: boolean, halted: boolean, stopText: () => string, unfired: string[],
  target: OutputTarget | undefined, dump: () => unknown): number {
  if (quiet && !halted) process.stderr.write(`x86lab run: ${stopText()}\n`);
  for (const u of unfired) process.stderr.write(`x86lab run: warning: ${u} never happened\n`);
  if (target) {
    try {
      writeOutput(target, JSON.stringify(dump(), null, 1) + '\n');
    } catch (e) {
      if (e instanceof IoError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 1; }
      throw e;
    }
  }
  return halted ? 0 : 1;
}
