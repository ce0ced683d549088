// Executor benchmark: guest instructions per second on compute-bound loops, x86lab's interpreter
// (in process, after a warm-up) side by side with the same machine code run natively and under
// qemu-user (qemu-x86_64, only if installed), printed as ratios. Issue 5's target: >= 100 M guest
// instructions per second.
//
// The loops are written once in AT&T (below), assembled with GNU as; x86lab runs the .text bytes,
// the native and qemu runs use a static ELF linked from the same source (gcc -nostdlib -static).
//
// Usage: node bench/exec.bench.mjs          (or `npm run bench`; needs `npm run build` for dist/)
// Times are CPU time (user + system) of the process doing the work: the machine is shared.
// Env:   BENCH_ITERS=N   loop iterations for x86lab (default 20,000,000); native/qemu run 20x / 2x more
//        BENCH_RUNS=N    timed runs (median; default 3)

import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const ITERS = Number(process.env.BENCH_ITERS ?? 20_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

// Each loop: instructions per iteration counted by hand (the body plus the loop branch).
const LOOPS = {
  alu: {
    perIter: 7,
    body: `
1:  add %ecx, %eax
    lea 7(%rax,%rdx,2), %rdx
    xor %edx, %eax
    shl $1, %rdx
    mov %eax, %esi
    dec %ecx
    jnz 1b`,
  },
  memory: {
    perIter: 6,
    body: `
1:  mov (%rdi), %eax
    add %eax, %esi
    mov %esi, 8(%rdi)
    add $4, %edx
    dec %ecx
    jnz 1b`,
  },
};

function source(body, iters, exitSyscall) {
  return `.text
.globl _start
_start:
    mov $${iters}, %ecx
    xor %eax, %eax
    xor %edx, %edx
    lea buf(%rip), %rdi
${body}
${exitSyscall ? '    mov $60, %eax\n    xor %edi, %edi\n    syscall' : '    hlt'}
.data
.balign 64
buf: .fill 64, 1, 1
`;
}

function build(name, body, iters, exitSyscall) {
  const s = join(OUT, `exec-${name}${exitSyscall ? '-elf' : ''}.s`);
  writeFileSync(s, source(body, iters, exitSyscall));
  const o = s.replace(/\.s$/, '.o');
  execFileSync('as', ['--64', '-o', o, s]);
  return o;
}

async function main() {
  const dist = join(ROOT, 'dist', 'cpu', 'exec.js');
  if (!existsSync(dist)) { console.log('exec bench: dist/ is missing: run `npm run build` first.'); return; }
  if (!has('as') || !has('objcopy')) { console.log('exec bench: GNU as/objcopy not found.'); return; }
  mkdirSync(OUT, { recursive: true });
  const { Cpu } = await import(pathToFileURL(join(ROOT, 'dist', 'cpu', 'state.js')).href);
  const { run } = await import(pathToFileURL(dist).href);
  const { P_R, P_W, P_X } = await import(pathToFileURL(join(ROOT, 'dist', 'cpu', 'memory.js')).href);

  const rows = [];
  for (const [name, loop] of Object.entries(LOOPS)) {
    // x86lab: the .text and .data of the object, placed at fixed addresses (no relocation needed:
    // the only reference is RIP-relative and .data follows .text at the offset the linker would use).
    const o = build(name, loop.body, ITERS, false);
    const elf = o.replace(/\.o$/, '');
    execFileSync('ld', ['-static', '-Ttext=0x401000', '-Tdata=0x402000', '-o', elf, o]);
    const text = join(OUT, `exec-${name}.text`), data = join(OUT, `exec-${name}.data`);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', elf, text]);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.data', elf, data]);
    const code = readFileSync(text), dbytes = readFileSync(data);
    const instrs = 5 + loop.perIter * ITERS;
    const times = [];
    for (let r = 0; r <= RUNS; r++) {
      const cpu = new Cpu(64);
      cpu.mem.map(0x401000, code.length, P_R | P_X, new Uint8Array(code));
      cpu.mem.map(0x402000, 4096, P_R | P_W, new Uint8Array(4096).fill(0).map((_, k) => dbytes[k] ?? 0));
      cpu.rip = 0x401000;
      // CPU time of this process (user + system): the machine is shared, wall time is noisy.
      const c0 = process.cpuUsage();
      const res = run(cpu, { maxSteps: instrs + 10 });
      const cu = process.cpuUsage(c0);
      const t = (cu.user + cu.system) / 1000;
      if (res.stop !== 'hlt') throw new Error(`exec bench: ${name} stopped with ${res.stop} after ${res.steps} steps`);
      if (res.steps !== instrs) throw new Error(`exec bench: ${name} ran ${res.steps} instructions, expected ${instrs}`);
      if (r > 0) times.push(t); // first run is the warm-up
    }
    const x86lab = instrs / (median(times) / 1000);

    // Native and qemu-user: the same loop as a static ELF exiting through syscall.
    let native = NaN, qemu = NaN;
    const nIters = ITERS * 20, qIters = ITERS * 2;
    if (has('ld')) {
      const mk = (iters) => {
        const oo = build(`${name}-${iters}`, loop.body, iters, true);
        const e = oo.replace(/\.o$/, '');
        execFileSync('ld', ['-static', '-o', e, oo]);
        return e;
      };
      const timeProc = (argv, iters) => {
        // CPU time of the child (bash's `time`, user + sys), like the in-process measurement.
        const ts = [];
        for (let r = 0; r < RUNS; r++) {
          const p = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null', 'bash', ...argv], { encoding: 'utf8' });
          if (p.status !== 0) throw new Error(`${argv.join(' ')} exited with ${p.status}: ${p.stderr}`);
          const [u, sy] = p.stderr.trim().split(/\s+/).slice(-2).map(Number);
          ts.push((u + sy) * 1000);
        }
        return (5 + loop.perIter * iters) / (median(ts) / 1000);
      };
      native = timeProc([mk(nIters)], nIters);
      if (has('qemu-x86_64')) qemu = timeProc(['qemu-x86_64', mk(qIters)], qIters);
    }
    rows.push({ name, x86lab, native, qemu });
  }
  const m = (v) => (Number.isNaN(v) ? 'n/a' : `${(v / 1e6).toFixed(1)} M/s`);
  console.log(`loop      x86lab        native          qemu-user       x86lab/native  x86lab/qemu`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(9)} ${m(r.x86lab).padEnd(13)} ${m(r.native).padEnd(15)} ${m(r.qemu).padEnd(15)} ` +
      `${Number.isNaN(r.native) ? 'n/a' : (r.x86lab / r.native).toFixed(4)}         ${Number.isNaN(r.qemu) ? 'n/a' : (r.x86lab / r.qemu).toFixed(3)}`);
  }
  const worst = Math.min(...rows.map((r) => r.x86lab));
  console.log(`target >= 100 M guest instructions/s: ${worst >= 100e6 ? 'met' : 'NOT met'} (slowest loop ${m(worst)})`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
