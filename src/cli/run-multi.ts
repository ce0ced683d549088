// `x86lab run --cpus N` (N > 1): the same listing on N CPUs sharing memory (docs/multi-cpu.md).
// Prints the run's stop line, then each CPU's state, then the schedule taken (replayable with
// --schedule); --dump writes every CPU (multi-dump.ts).

import { hostClock } from './clock.js';
import { LoadError, SpecError, DEFAULT_MAX_STEPS } from '../harness/machine.js';
import { MultiMachine, type MultiOutcome } from '../harness/multi.js';
import { parseSchedule } from '../harness/multi-schedule.js';
import { dumpMulti } from '../harness/multi-dump.js';
import { IoError, prepareOutput, readInput, stdoutFile, writeOutput, type OutputTarget } from './io.js';
import { finishRun, summary, type Args } from './run.js';

function hexAt(mm: MultiMachine, a: number): string {
  const v = BigInt(Math.round(a)) & (mm.mode === 64 ? (1n << 64n) - 1n : 0xffffffffn);
  const s = mm.symbolize(a);
  return `0x${v.toString(16)}${s ? ` <${s}>` : ''}`;
}

/** "stop: hlt (every CPU halted) after 812 steps" / "stop: triple-fault (...) on cpu1 at ... after N steps". */
export function multiStopLine(mm: MultiMachine, out: MultiOutcome): string {
  if (out.stop === 'hlt') return `stop: hlt (every CPU halted) after ${out.steps} steps`;
  const detail = out.detail ?? (out.stop === 'steps' ? 'step limit reached; raise it with --max-steps N' : undefined);
  const where = out.cpu >= 0 ? ` on cpu${out.cpu} at ${hexAt(mm, mm.machines[out.cpu].cpu.rip)}` : '';
  return `stop: ${out.stop}${detail ? ` (${detail})` : ''}${where} after ${out.steps} steps`;
}

function cpuLine(mm: MultiMachine, i: number): string {
  const m = mm.machines[i];
  const c = m.cpu;
  return c.halted ? `cpu${i}: halted at ${hexAt(mm, c.curIp)} after ${m.steps} steps` : `cpu${i}: at ${hexAt(mm, c.rip)} after ${m.steps} steps`;
}

export function multiSummary(mm: MultiMachine, out: MultiOutcome): string {
  let s = multiStopLine(mm, out) + '\n';
  mm.machines.forEach((m, i) => { s += summary(m, out, cpuLine(mm, i)); });
  const sched = mm.scheduleText();
  s += `schedule: ${sched === '' ? '(round-robin)' : sched} (quantum ${mm.quantum})\n`;
  return s;
}

export async function runMulti(args: Args): Promise<number> {
  let target: OutputTarget | undefined;
  try {
    target = args.dump === undefined ? undefined : prepareOutput(args.dump, args.files);
  } catch (e) {
    if (e instanceof IoError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 1; }
    throw e;
  }
  let mm: MultiMachine;
  try {
    const schedule = args.schedule === undefined ? undefined : parseSchedule(args.schedule, args.cpus);
    mm = MultiMachine.fromFiles(args.files, {
      ...(args.mode ? { mode: args.mode } : {}), includeDirs: args.includeDirs, defines: args.defines, undefs: args.undefs,
      clock: hostClock(), readBytes: (p) => new Uint8Array(readInput(p)), ...(args.cpu ? { cpu: args.cpu } : {}), ...(args.entry ? { entry: args.entry } : {}),
      cpus: args.cpus, ...(args.tso ? { tso: true } : {}), ...(args.tsoWindow !== undefined ? { tsoWindow: args.tsoWindow } : {}), ...(args.quantum !== undefined ? { quantum: args.quantum } : {}), ...(schedule ? { schedule } : {}),
    });
    args.events.forEach((e, k) => mm.armOn(args.eventCpus[k], e));
    for (const w of mm.main.warnings) process.stderr.write(w + '\n');
  } catch (e) {
    if (e instanceof IoError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 1; }
    if (e instanceof LoadError) {
      if (e.stage === 'link') process.stderr.write(e.message.split('\n').map((l) => (l.startsWith('(') ? l : `x86lab run: ${l}`) + '\n').join(''));
      else process.stderr.write(`${e.file ?? args.files[0]}: Assembler messages:\n${e.message}\n`);
      return 1;
    }
    if (e instanceof SpecError) { process.stderr.write(`x86lab run: ${e.message}\n`); return 2; }
    throw e;
  }
  const stdout = stdoutFile();
  const out = mm.run({ maxSteps: args.maxSteps ?? DEFAULT_MAX_STEPS, trace: args.trace, onTrace: (l) => stdout.write(l + '\n') });
  if (!args.quiet) stdout.write(multiSummary(mm, out));
  stdout.flush();
  return finishRun(args.quiet, out.stop === 'hlt', () => multiStopLine(mm, out), mm.unfired(), target, () => dumpMulti(mm, out));
}
