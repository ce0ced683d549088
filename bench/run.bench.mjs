// System-model benchmark (issue 16): one compute loop under `x86lab run` (the Machine API: ring 0,
// paging on, interrupt controller installed) side by side with `x86lab exec` (user mode, paging
// off), Unicorn (Python binding, if importable), qemu-user (qemu-x86_64, if installed) and the
// same code run natively, printed in guest instructions per second and as ratios.
//
// The `run` variants:
//   run              the harness as it boots: paging on through its identity map (no table walk);
//   run +cr3 reload  the listing first reloads CR3 with the same value, so every TLB miss walks the
//                    4-level tables in memory (the harness no longer trusts its identity map);
//   run +events      as `run`, with an NMI armed at a step count and a labelled handler (the
//                    controller must stop compiled blocks at the exact boundary);
//
// Usage: node bench/run.bench.mjs         (needs `npm run build`; GNU as and ld for native/qemu)
// Env:   BENCH_ITERS=N   loop iterations (default 2,000,000: 16 M instructions); native 20x more
//        BENCH_RUNS=N    timed runs per figure (median of CPU time; default 3, after one warm-up)

import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const ITERS = Number(process.env.BENCH_ITERS ?? 2_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const PER_ITER = 8;

const BODY = `
1:  add %ebx, %eax
    xor $0x55, %eax
    rol $3, %eax
    lea 4(%rax,%rbx), %edx
    mov %edx, %esi
    add $1, %esi
    dec %ecx
    jnz 1b`;
/** Instructions outside the loop in `src` below (3 before it, the final hlt or syscall exit). */
const instrs = (iters, extra = 0) => 3 + PER_ITER * iters + 1 + extra;

function src(iters, { exit = false, reload = false, events = false } = {}) {
  return `.text
.globl _start
_start:
${reload ? '    mov %cr3, %rdi\n    mov %rdi, %cr3\n' : ''}${events ? '    lea idt(%rip), %rdi\n    call setup_idt\n' : ''}    mov $${iters}, %ecx
    xor %eax, %eax
    mov $5, %ebx
${BODY}
${exit ? '    mov $60, %eax\n    xor %edi, %edi\n    syscall' : '    hlt'}
${events ? `nmi_handler:
    incq nmis(%rip)
    iretq
setup_idt:
    lea nmi_handler(%rip), %rax
    mov %ax, 32(%rdi)
    movw $0x10, 34(%rdi)
    movw $0x8e00, 36(%rdi)
    shr $16, %rax
    mov %eax, 38(%rdi)
    movl $0, 44(%rdi)
    lea idtr(%rip), %rax
    mov %rdi, 2(%rax)
    lidt (%rax)
    ret
.data
.balign 16
idt: .fill 64, 1, 0
idtr: .word 63
    .quad 0
nmis: .quad 0` : ''}
`;
}

/** CPU time (ms) of fn in this process: the machine is shared, wall time is noisy. */
function cpuMs(fn) {
  const c0 = process.cpuUsage();
  fn();
  const cu = process.cpuUsage(c0);
  return (cu.user + cu.system) / 1000;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'harness', 'machine.js'))) { console.log('run bench: dist/ is missing: run `npm run build` first.'); return; }
  mkdirSync(OUT, { recursive: true });
  const imp = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
  const { Machine } = await imp('harness/machine.js');
  const { Cpu } = await imp('cpu/state.js');
  const { run } = await imp('cpu/exec.js');
  const { P_R, P_X } = await imp('cpu/memory.js');

  const rows = [];
  const measure = (name, make, expect) => {
    const ts = [];
    for (let r = 0; r <= RUNS; r++) {
      const go = make();
      let res;
      const t = cpuMs(() => { res = go(); });
      if (res.steps !== expect) throw new Error(`run bench: ${name} ran ${res.steps} instructions (${res.stop}), expected ${expect}`);
      if (r > 0) ts.push(t);
    }
    rows.push({ name, ips: expect / (median(ts) / 1000) });
  };

  const listing = (opts) => { const f = join(OUT, `run-${Object.keys(opts).join('-') || 'plain'}.S`); writeFileSync(f, src(ITERS, opts)); return f; };
  const plain = listing({}), reload = listing({ reload: true }), events = listing({ events: true });
  measure('x86lab run', () => { const m = Machine.fromFile(plain); return () => m.run({ maxSteps: 1e12 }); }, instrs(ITERS));
  measure('x86lab run +cr3 reload', () => { const m = Machine.fromFile(reload); return () => m.run({ maxSteps: 1e12 }); }, instrs(ITERS, 2));
  // 2 + 11 setup instructions, then each NMI runs 2 handler instructions.
  measure('x86lab run +events', () => {
    const m = Machine.fromFile(events);
    for (const s of [1000, Math.floor(instrs(ITERS) / 3), Math.floor(instrs(ITERS) * 2 / 3)]) m.nmiAt(s);
    return () => m.run({ maxSteps: 1e12 });
  }, instrs(ITERS, 13 + 3 * 2));

  // x86lab exec: the loop's bytes in a bare user-mode Cpu (what `x86lab exec` runs).
  const o = join(OUT, 'run-exec.o'), bin = join(OUT, 'run-exec.bin');
  writeFileSync(join(OUT, 'run-exec.s'), src(ITERS));
  execFileSync('as', ['--64', '-o', o, join(OUT, 'run-exec.s')]);
  execFileSync('objcopy', ['-O', 'binary', '-j', '.text', o, bin]);
  const code = new Uint8Array((await import('node:fs')).readFileSync(bin));
  measure('x86lab exec', () => {
    const cpu = new Cpu(64);
    cpu.mem.map(0x401000, code.length, P_R | P_X, code);
    cpu.rip = 0x401000;
    return () => run(cpu, { maxSteps: 1e12 });
  }, instrs(ITERS));

  // Unicorn (pip install unicorn), if the Python binding is importable.
  // `python3` first (pip's unicorn), then the system's (Debian's python3-unicorn when python3 is pyenv's).
  const pythons = ['python3', '/usr/bin/python3'];
  let python = pythons[0];
  let uni = { status: 1 };
  for (const p of pythons) {
    python = p;
    uni = spawnSync(p, ['-c', 'import unicorn; print(unicorn.__version__)'], { encoding: 'utf8' });
    if (uni.status === 0) break;
  }
  if (uni.status === 0) {
    const py = `
import sys, time, resource
from unicorn import *
from unicorn.x86_const import *
code = open(sys.argv[1], 'rb').read()
count = int(sys.argv[2])
best = []
for r in range(${RUNS + 1}):
    mu = Uc(UC_ARCH_X86, UC_MODE_64)
    mu.mem_map(0x400000, 0x10000)
    mu.mem_write(0x401000, code)
    t0 = resource.getrusage(resource.RUSAGE_SELF)
    mu.emu_start(0x401000, 0x401000 + len(code) - 1, 0, count)
    t1 = resource.getrusage(resource.RUSAGE_SELF)
    if mu.reg_read(UC_X86_REG_RIP) != 0x401000 + len(code) - 1: raise SystemExit('did not reach hlt')
    if r > 0: best.append((t1.ru_utime - t0.ru_utime) + (t1.ru_stime - t0.ru_stime))
best.sort()
print(best[len(best) // 2])
`;
    // Free-running (count 0), and with an instruction count (Unicorn then hooks every instruction,
    // the way x86lab counts steps exactly).
    for (const [label, count] of [['', 0], [' count=N', instrs(ITERS)]]) {
      const p = spawnSync(python, ['-c', py, bin, String(count)], { encoding: 'utf8' });
      if (p.status === 0) rows.push({ name: `Unicorn ${uni.stdout.trim()}${label}`, ips: (instrs(ITERS) - 1) / Number(p.stdout.trim()) });
      else console.log(`run bench: Unicorn failed: ${p.stderr.trim().split('\n').pop()}`);
    }
  }

  // Native and qemu-user: the same loop as a static ELF exiting through syscall (CPU time of the child).
  if (has('as') && has('ld')) {
    const mk = (iters) => {
      const s = join(OUT, `run-elf-${iters}.s`), oo = s.replace(/\.s$/, '.o'), e = s.replace(/\.s$/, '');
      writeFileSync(s, src(iters, { exit: true }));
      execFileSync('as', ['--64', '-o', oo, s]);
      execFileSync('ld', ['-static', '-o', e, oo]);
      return e;
    };
    const timeProc = (name, argv, iters) => {
      const ts = [];
      for (let r = 0; r < RUNS; r++) {
        const p = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null', 'bash', ...argv], { encoding: 'utf8' });
        if (p.status !== 0) throw new Error(`${argv.join(' ')} exited with ${p.status}: ${p.stderr}`);
        const [u, sy] = p.stderr.trim().split(/\s+/).slice(-2).map(Number);
        ts.push((u + sy) * 1000);
      }
      rows.push({ name, ips: (instrs(iters) + 2) / (median(ts) / 1000) });
    };
    if (has('qemu-x86_64')) timeProc('qemu-user', ['qemu-x86_64', mk(ITERS * 4)], ITERS * 4);
    timeProc('native', [mk(ITERS * 20)], ITERS * 20);
  }

  const base = rows[0].ips;
  const find = (n) => rows.find((r) => r.name.startsWith(n))?.ips;
  console.log(`loop: ${PER_ITER} instructions x ${ITERS.toLocaleString('en-US')} iterations; ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, node ${process.version}`);
  console.log(`${'engine'.padEnd(26)} ${'M instr/s'.padStart(10)}  ${'run / this'.padStart(10)}`);
  for (const r of rows) console.log(`${r.name.padEnd(26)} ${(r.ips / 1e6).toFixed(1).padStart(10)}  ${(base / r.ips).toFixed(3).padStart(10)}`);
  const u = rows.find((r) => r.name.startsWith('Unicorn') && !r.name.endsWith('count=N'))?.ips;
  const uc = find('Unicorn') === undefined ? undefined : rows.find((r) => r.name.endsWith('count=N'))?.ips;
  console.log(`target: x86lab run >= 150 M/s ${base >= 150e6 ? 'met' : 'NOT met'}` + (u ? `; >= 2x Unicorn ${base >= 2 * u ? 'met' : 'NOT met'}` : '') +
    (uc ? ` (x${(base / uc).toFixed(2)} Unicorn counting instructions)` : ''));
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
