// Handler tables per Cpu, unmodelled instructions as a named stop (never a silent #UD), and the
// forms that used to be such gaps (far-pointer loads; x87 control words, checked against this
// machine's CPU where gcc can run the same instructions natively).

import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Cpu } from '../../src/cpu/state.js';
import { P_R, P_W, P_X } from '../../src/cpu/memory.js';
import { run } from '../../src/cpu/exec.js';
import { userHandlers } from '../../src/cpu/dispatch.js';
import { systemHandlers } from '../../src/cpu/system/handlers.js';
import { Machine } from '../../src/harness/machine.js';
import { MMX_FORMS } from '../../src/isa/forms/mmx.js';
import { SSE_FORMS } from '../../src/isa/forms/sse.js';

const CODE = 0x10000000, DATA = 0x20000000;
function cpuWith(hex: string): Cpu {
  const cpu = new Cpu(64);
  const code = Buffer.from(hex, 'hex');
  cpu.mem.map(CODE, code.length, P_R | P_W | P_X, new Uint8Array(code));
  cpu.mem.map(DATA, 0x1000, P_R | P_W);
  cpu.rip = CODE;
  cpu.setReg64(4, BigInt(DATA + 0x800));
  return cpu;
}

describe('one handler table per Cpu', () => {
  it('a system-model run in the same process leaves user-mode exec as it was (hlt stops, int $0x80 traps)', () => {
    const before = run(cpuWith('cd80f4'));
    const m = Machine.fromSource('.globl _start\n_start: hlt\n');
    expect(m.run().stop).toBe('hlt');
    expect(m.cpu.handlers).toBe(systemHandlers());
    const after = run(cpuWith('cd80f4'));
    expect(after.stop).toBe(before.stop);
    expect(after.fault?.vector).toBe(before.fault?.vector);
    const h = cpuWith('90f4');
    expect(run(h).stop).toBe('hlt');
    expect(h.handlers).toBe(userHandlers());
  });
});

describe('unmodelled instructions stop the run by name', () => {
  it('the list of forms without a user-mode handler is pinned', () => {
    // Each entry is deliberate: privileged (the system model handles them), or not modelled at all
    // (x87/SSE state images, CET, VMX/SVM, random numbers, ...). A change here must be a choice.
    const user = [...userHandlers().unhandled].sort();
    const sys = [...systemHandlers().unhandled].sort();
    expect(user.filter((s) => s.startsWith('lseg:') || ['x87:init', 'x87:clex', 'x87:ldcw', 'x87:stcw', 'x87:stsw', 'x87:wait'].includes(s))).toEqual([]);
    // VMX/SVM/SGX/TSX/WAITPKG and MOVDIR* (assembled and decoded for kernel sources) are not
    // executed: a run that reaches one stops naming it. Nor are the newer extensions GNU's suite
    // uses (src/isa/forms/ext.ts, gp-more.ts: CRC32, CMPccXADD, PadLock, RAO-INT, ENQCMD, UINTR, MSRLIST, TDX, SNP, AMD's MONITORX...).
    // The legacy SIMD rows (src/isa/forms/sse.ts, mmx.ts): no MMX/XMM state, each stops the run by name.
    const simd = new Set([...MMX_FORMS, ...SSE_FORMS].map((f) => f.sem));
    for (const s of simd) expect(sys, s).toContain(s);
    expect(sys.filter((s) => !simd.has(s))).toEqual([
      'cet:clrssbsy', 'cet:incssp', 'cet:rdssp', 'cet:rstorssp', 'cet:saveprevssp', 'cet:setssbsy', 'cet:wrss',
      'cet:wruss', 'ext:aadd', 'ext:aand', 'ext:aor', 'ext:axor', 'ext:clui', 'ext:cmpccxadd', 'ext:crc32', 'ext:enqcmd', 'ext:enqcmds',
      'ext:hreset', 'ext:invlpgb', 'ext:mcommit', 'ext:monitorx', 'ext:mwaitx', 'ext:padlock', 'ext:psmash', 'ext:ptwrite',
      'ext:pvalidate', 'ext:rdmsrlist', 'ext:rdpru', 'ext:rmpadjust', 'ext:rmpquery', 'ext:rmpupdate', 'ext:seamcall', 'ext:seamops',
      'ext:seamret', 'ext:senduipi', 'ext:stui', 'ext:tdcall', 'ext:testui', 'ext:tlbsync', 'ext:uiret',
      'ext:wrmsrlist', 'ext:wrmsrns', 'ext:xresldtrk', 'ext:xsusldtrk', 'movdir64b', 'movdiri', 'sys:clac', 'sys:clgi', 'sys:clzero', 'sys:encls', 'sys:enclu',
      'sys:enclv', 'sys:fxrstor', 'sys:fxrstor64', 'sys:fxsave', 'sys:fxsave64', 'sys:getsec', 'sys:invlpga',
      'sys:invpcid', 'sys:ldmxcsr', 'sys:monitor', 'sys:mwait', 'sys:pconfig', 'sys:rdpkru', 'sys:rdpmc',
      'sys:rdrand', 'sys:rdseed', 'sys:rsm', 'sys:skinit', 'sys:stac', 'sys:stgi', 'sys:stmxcsr', 'sys:vmcall',
      'sys:vmfunc', 'sys:vmgexit', 'sys:vmlaunch', 'sys:vmload', 'sys:vmmcall', 'sys:vmresume', 'sys:vmrun',
      'sys:vmsave', 'sys:vmxoff', 'sys:wbnoinvd', 'sys:wrpkru', 'sys:xgetbv', 'sys:xrstor', 'sys:xrstor64',
      'sys:xrstors', 'sys:xrstors64', 'sys:xsave', 'sys:xsave64', 'sys:xsavec', 'sys:xsavec64', 'sys:xsaveopt',
      'sys:xsaveopt64', 'sys:xsaves', 'sys:xsaves64', 'sys:xsetbv', 'sys:xtest', 'tsx:xabort', 'tsx:xbegin',
      'tsx:xend', 'vmx:invept', 'vmx:invvpid', 'vmx:vmclear', 'vmx:vmptrld', 'vmx:vmptrst', 'vmx:vmread',
      'vmx:vmwrite', 'vmx:vmxon', 'waitpkg:tpause', 'waitpkg:umonitor', 'waitpkg:umwait', 'x87:arith', 'x87:bad',
      'x87:cmov', 'x87:cmp', 'x87:const', 'x87:free', 'x87:ld', 'x87:ldenv', 'x87:math', 'x87:nop', 'x87:rstor',
      'x87:save', 'x87:st', 'x87:stack', 'x87:stenv', 'x87:xch',
      // AMD's XOP-encoded TBM and LWP (src/isa/forms/xop.ts): no CPU here to check them against.
      'xop:bextr', 'xop:blcfill', 'xop:blci', 'xop:blcic', 'xop:blcmsk', 'xop:blcs', 'xop:blsfill', 'xop:blsic',
      'xop:llwpcb', 'xop:lwpins', 'xop:lwpval', 'xop:slwpcb', 'xop:t1mskc', 'xop:tzmsk',
      // Key Locker, vldmxcsr/vstmxcsr, vzeroall/vzeroupper, tilerelease (src/isa/forms/simd-state.ts): no XMM/YMM/TMM state.
      'xsimd:aesdecwide128kl', 'xsimd:aesdecwide256kl', 'xsimd:aesencwide128kl', 'xsimd:aesencwide256kl',
      'xsimd:encodekey128', 'xsimd:encodekey256', 'xsimd:tilerelease', 'xsimd:vldmxcsr', 'xsimd:vstmxcsr',
      'xsimd:vzeroall', 'xsimd:vzeroupper',
    ]);
    for (const s of sys) expect(user, s).toContain(s);
  });

  it('exec stops with "unsupported" at the instruction, naming it (fxsave)', () => {
    const cpu = cpuWith('0fae00f4'); // fxsave (%rax)
    cpu.setReg64(0, BigInt(DATA));
    const r = run(cpu);
    expect(r.stop).toBe('unsupported');
    expect(r.detail).toMatch(/fxsave/);
    expect(cpu.ripBig()).toBe(BigInt(CODE));
  });

  it('x87 arithmetic and loads stop the run as unsupported, naming the instruction (fadd, flds)', () => {
    for (const [hex, name] of [['d8c1f4', /fadd/], ['d900f4', /fld/], ['dee9f4', /fsubrp/]] as const) {
      const cpu = cpuWith(hex);
      cpu.setReg64(0, BigInt(DATA));
      const r = run(cpu);
      expect(r.stop).toBe('unsupported');
      expect(r.detail).toMatch(name);
      expect(cpu.ripBig()).toBe(BigInt(CODE));
    }
  });
});

const haveGcc = spawnSync('gcc', ['--version']).status === 0 && process.arch === 'x64' && process.platform === 'linux';

describe('far-pointer loads and x87 control words', () => {
  it('lfs/lgs/lss load offset and selector (SDM LFS): null selector into FS, 0x2b into SS', () => {
    // lfs (%rdi),%eax ; lss 8(%rdi),%ebx ; hlt — pointers m16:32 = {0x11223344, 0} and {0x55667788, 0x2b}
    const cpu = cpuWith('0fb4070fb25f08f4');
    cpu.setReg64(7, BigInt(DATA));
    cpu.mem.writeBytes(DATA, Uint8Array.from([0x44, 0x33, 0x22, 0x11, 0, 0, 0, 0, 0x88, 0x77, 0x66, 0x55, 0x2b, 0]));
    expect(run(cpu).stop).toBe('hlt');
    expect(cpu.reg64(0)).toBe(0x11223344n);
    expect(cpu.reg64(3)).toBe(0x55667788n);
    expect(cpu.segs[4].sel).toBe(0);
    expect(cpu.segs[2].sel).toBe(0x2b);
  });

  it.runIf(haveGcc)('fninit, fldcw, fnstcw, fnstsw, fnclex, fwait agree with this CPU (live)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-x87-'));
    // The same instructions natively (gcc inline asm) and in x86lab: the words they store.
    const body = ['fninit', 'fnstcw (%rdi)', 'fnstsw 2(%rdi)', 'movw $0x27f, 4(%rdi)', 'fldcw 4(%rdi)', 'fnstcw 6(%rdi)', 'fnclex', 'fnstsw %ax', 'movw %ax, 8(%rdi)', 'fwait', 'finit', 'fstcw 10(%rdi)'];
    writeFileSync(join(dir, 't.c'), `#include <stdio.h>\nint main(void){unsigned short b[8]={0};__asm__ volatile("${body.join('; ').replace(/%/g, '%%')}"::"D"(b):"rax","memory");` +
      'printf("%x %x %x %x %x %x\\n",b[0],b[1],b[2],b[3],b[4],b[5]);return 0;}\n');
    execFileSync('gcc', ['-O0', '-o', join(dir, 't'), join(dir, 't.c')]);
    const native = execFileSync(join(dir, 't'), { encoding: 'utf8' }).trim();
    writeFileSync(join(dir, 's.s'), body.join('\n') + '\nhlt\n');
    execFileSync('as', ['--64', '-o', join(dir, 's.o'), join(dir, 's.s')]);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', join(dir, 's.o'), join(dir, 's.bin')]);
    const cpu = cpuWith(readFileSync(join(dir, 's.bin')).toString('hex'));
    cpu.setReg64(7, BigInt(DATA));
    cpu.fpuCw = 0x1234; cpu.fpuSw = 0x00ff; // anything: fninit must reset them
    expect(run(cpu).stop).toBe('hlt');
    const b = cpu.mem.readBytes(DATA, 16);
    const w = (k: number): string => (b[2 * k] | (b[2 * k + 1] << 8)).toString(16);
    expect([0, 1, 2, 3, 4, 5].map(w).join(' ')).toBe(native);
  });
});
