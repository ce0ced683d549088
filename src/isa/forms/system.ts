// System instructions a kernel uses: descriptor tables, control/debug registers, MSRs, fast system calls,
// cache/TLB control, fences, FS/GS base, SMAP, and the FXSAVE/XSAVE state family.

import type { FormDef } from '../types.js';
import { row, E, M, RR, R, FX, CREG, DREG, TREG, fl, ZF, ALLFLAGS, AC, M32, M64 } from '../build.js';

/** A zero-operand row, optionally with a fixed ModRM byte (mod=11). */
function z(id: string, opcode: readonly number[], extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem: extra.mnem ?? id, opcode, operands: [], osz: 'none', sem: `sys:${id}`, ...extra });
}
/** 0F 01 /reg with mod=11 and a fixed rm (swapgs, rdtscp, clac...). */
function f01(id: string, reg: number, rm: number, extra: Partial<FormDef> = {}): FormDef {
  return z(id, [0x0f, 0x01], { modrm: { mod: 'reg', reg, rm }, ...extra });
}
/** Memory-only /digit row of unspecified size (lgdt, invlpg, fxsave...). */
function m(id: string, opcode: readonly number[], reg: number, extra: Partial<FormDef> = {}): FormDef {
  return row({ id, mnem: extra.mnem ?? id, opcode, modrm: { reg, mod: 'mem' }, operands: [M(0, 'rw')], osz: 'none', suffix: 'none', sem: `sys:${id}`, ...extra });
}

function descRows(): FormDef[] {
  return [
    // The pseudo-descriptor operand is 6 bytes (10 in 64-bit mode); GNU takes `w` (66h) and the mode's default suffix.
    m('sgdt', [0x0f, 0x01], 0, { osz: 'f64', suffix: 'size', badSuffix: 'w' }), m('sidt', [0x0f, 0x01], 1, { osz: 'f64', suffix: 'size', badSuffix: 'w' }),
    m('lgdt', [0x0f, 0x01], 2, { osz: 'f64', suffix: 'size', badSuffix: 'w', priv: true }), m('lidt', [0x0f, 0x01], 3, { osz: 'f64', suffix: 'size', badSuffix: 'w', priv: true }),
    row({ id: 'smsw_r', mnem: 'smsw', opcode: [0x0f, 0x01], modrm: { reg: 4, mod: 'reg' }, operands: [RR('v', 'w')], osz: 'v', sem: 'sys:smsw' }),
    row({ id: 'smsw_m', mnem: 'smsw', opcode: [0x0f, 0x01], modrm: { reg: 4, mod: 'mem' }, operands: [M(16, 'w')], osz: 'none', suffix: 'size', sem: 'sys:smsw' }),
    row({ id: 'lmsw', mnem: 'lmsw', opcode: [0x0f, 0x01], modrm: { reg: 6 }, operands: [E(16)], osz: 'none', suffix: 'size', priv: true, sem: 'sys:lmsw' }),
    m('invlpg', [0x0f, 0x01], 7, { priv: true }),
    row({ id: 'sldt_r', mnem: 'sldt', opcode: [0x0f, 0x00], modrm: { reg: 0, mod: 'reg' }, operands: [RR('v', 'w')], osz: 'v', osPrefix: 'no-w', sem: 'sys:sldt' }),
    row({ id: 'sldt_m', mnem: 'sldt', opcode: [0x0f, 0x00], modrm: { reg: 0, mod: 'mem' }, operands: [M(16, 'w')], osz: 'none', suffix: 'size', sem: 'sys:sldt' }),
    row({ id: 'str_r', mnem: 'str', opcode: [0x0f, 0x00], modrm: { reg: 1, mod: 'reg' }, operands: [RR('v', 'w')], osz: 'v', osPrefix: 'no-w', sem: 'sys:str' }),
    row({ id: 'str_m', mnem: 'str', opcode: [0x0f, 0x00], modrm: { reg: 1, mod: 'mem' }, operands: [M(16, 'w')], osz: 'none', suffix: 'size', sem: 'sys:str' }),
    row({ id: 'lldt', mnem: 'lldt', opcode: [0x0f, 0x00], modrm: { reg: 2 }, operands: [E(16)], osz: 'none', suffix: 'size', priv: true, sem: 'sys:lldt' }),
    row({ id: 'ltr', mnem: 'ltr', opcode: [0x0f, 0x00], modrm: { reg: 3 }, operands: [E(16)], osz: 'none', suffix: 'size', priv: true, sem: 'sys:ltr' }),
    row({ id: 'verr', mnem: 'verr', opcode: [0x0f, 0x00], modrm: { reg: 4 }, operands: [E(16)], osz: 'none', suffix: 'size', flags: fl(0, ZF), sem: 'sys:verr' }),
    row({ id: 'verw', mnem: 'verw', opcode: [0x0f, 0x00], modrm: { reg: 5 }, operands: [E(16)], osz: 'none', suffix: 'size', flags: fl(0, ZF), sem: 'sys:verw' }),
    row({ id: 'lar', mnem: 'lar', opcode: [0x0f, 0x02], modrm: {}, operands: [E(0), R('v', 'w')], osz: 'v', flags: fl(0, ZF), sem: 'sys:lar' }),
    row({ id: 'lsl', mnem: 'lsl', opcode: [0x0f, 0x03], modrm: {}, operands: [E(0), R('v', 'w')], osz: 'v', flags: fl(0, ZF), sem: 'sys:lsl' }),
  ];
}

function crRows(): FormDef[] {
  const out: FormDef[] = [];
  for (const [modes, size] of [[M64, 64], [M32, 32]] as const) {
    const r = RR(size, 'w');
    const rr = RR(size, 'r');
    out.push(
      row({ id: `mov_r${size}_cr`, mnem: 'mov', opcode: [0x0f, 0x20], modrm: { mod: 'reg' }, operands: [CREG(), r], osz: 'none', suffix: 'size', modes, priv: true, sem: 'sys:movcr' }),
      row({ id: `mov_cr_r${size}`, mnem: 'mov', opcode: [0x0f, 0x22], modrm: { mod: 'reg' }, operands: [rr, CREG('w')], osz: 'none', suffix: 'size', modes, priv: true, flags: fl(0, 0, 0), sem: 'sys:movcr' }),
      row({ id: `mov_r${size}_dr`, mnem: 'mov', opcode: [0x0f, 0x21], modrm: { mod: 'reg' }, operands: [DREG(), r], osz: 'none', suffix: 'size', modes, priv: true, sem: 'sys:movdr' }),
      row({ id: `mov_dr_r${size}`, mnem: 'mov', opcode: [0x0f, 0x23], modrm: { mod: 'reg' }, operands: [rr, DREG('w')], osz: 'none', suffix: 'size', modes, priv: true, sem: 'sys:movdr' }),
    );
  }
  // The 386/486 test registers (i486 manual; no longer in the SDM): later CPUs raise #UD, so does the executor.
  out.push(
    row({ id: 'mov_r32_tr', mnem: 'mov', opcode: [0x0f, 0x24], modrm: { mod: 'reg' }, operands: [TREG(), RR(32, 'w')], osz: 'none', suffix: 'size', modes: M32, priv: true, sem: 'ud' }),
    row({ id: 'mov_tr_r32', mnem: 'mov', opcode: [0x0f, 0x26], modrm: { mod: 'reg' }, operands: [RR(32, 'r'), TREG('w')], osz: 'none', suffix: 'size', modes: M32, priv: true, sem: 'ud' }),
  );
  return out;
}

function miscRows(): FormDef[] {
  const y = (id: string, reg: number): FormDef =>
    row({ id, mnem: id, prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { reg, mod: 'reg' }, operands: [RR('y', id.startsWith('rd') ? 'w' : 'r')], osz: 'v', suffix: 'none', encSizes: [32, 64], sem: `sys:${id}` });
  const all = fl(0, ALLFLAGS);
  return [
    z('cpuid', [0x0f, 0xa2]), z('rdtsc', [0x0f, 0x31]), z('rdmsr', [0x0f, 0x32], { priv: true }),
    z('wrmsr', [0x0f, 0x30], { priv: true }), z('rdpmc', [0x0f, 0x33]),
    z('clts', [0x0f, 0x06], { priv: true }), z('invd', [0x0f, 0x08], { priv: true }), z('wbinvd', [0x0f, 0x09], { priv: true }),
    z('syscall', [0x0f, 0x05], { flow: 'sys', flags: all }),
    row({ id: 'sysret', mnem: 'sysret', aliases: ['sysretl'], opcode: [0x0f, 0x07], operands: [], osz: 'd', suffix: 'none', flow: 'sys', flags: all, priv: true, sem: 'sys:sysret' }),
    row({ id: 'sysretq', mnem: 'sysretq', opcode: [0x0f, 0x07], operands: [], osz: 'q', suffix: 'none', modes: M64, flow: 'sys', flags: all, priv: true, sem: 'sys:sysret' }),
    z('sysenter', [0x0f, 0x34], { flow: 'sys', flags: all }),
    row({ id: 'sysexit', mnem: 'sysexit', opcode: [0x0f, 0x35], operands: [], osz: 'd', suffix: 'none', flow: 'sys', flags: all, priv: true, sem: 'sys:sysexit' }),
    row({ id: 'sysexitl', mnem: 'sysexitl', opcode: [0x0f, 0x35], operands: [], osz: 'd', suffix: 'none', modes: M64, encodeOnly: true, flow: 'sys', flags: all, priv: true, sem: 'sys:sysexit' }),
    row({ id: 'sysexitq', mnem: 'sysexitq', opcode: [0x0f, 0x35], operands: [], osz: 'q', suffix: 'none', modes: M64, flow: 'sys', flags: all, priv: true, sem: 'sys:sysexit' }),
    f01('swapgs', 7, 0, { modes: M64, priv: true }), f01('rdtscp', 7, 1),
    f01('clac', 1, 2, { flags: fl(0, AC), priv: true }), f01('stac', 1, 3, { flags: fl(0, AC), priv: true }),
    f01('monitor', 1, 0, { priv: true }), f01('mwait', 1, 1, { priv: true }),
    f01('xgetbv', 2, 0), f01('xsetbv', 2, 1, { priv: true }),
    // Hypervisor calls and VMX/SVM control a kernel issues (0F 01 C1-C4, D4, D9, DC-DF), rsm, getsec.
    f01('vmcall', 0, 1), f01('vmlaunch', 0, 2, { priv: true }), f01('vmresume', 0, 3, { priv: true }),
    f01('vmxoff', 0, 4, { priv: true }), f01('vmfunc', 2, 4), f01('vmmcall', 3, 1), f01('stgi', 3, 4, { priv: true }),
    f01('clgi', 3, 5, { priv: true }), f01('skinit', 3, 6, { priv: true }), f01('invlpga', 3, 7, { priv: true }),
    f01('xtest', 2, 6, { flags: fl(0, 0x8d5) }),
    z('rsm', [0x0f, 0xaa], { flags: fl(0, ALLFLAGS), flow: 'iret' }), z('getsec', [0x0f, 0x37], { priv: true }),
    // CET shadow stacks (SDM Vol. 1 ch. 17): the kernel reads/saves/restores SSP and marks tokens busy.
    ...(['d', 'q'] as const).flatMap((w) => {
      const n = w === 'd' ? 32 : 64;
      const osz = w;
      const modes = w === 'q' ? M64 : undefined;
      const m64 = modes ? { modes } : {};
      return [
        row({ id: `rdssp${w}`, mnem: `rdssp${w}`, prefix: 0xf3, opcode: [0x0f, 0x1e], modrm: { reg: 1, mod: 'reg' }, operands: [RR(n, 'w')], osz, suffix: 'none', no66: true, ...m64, sem: 'cet:rdssp' }),
        row({ id: `incssp${w}`, mnem: `incssp${w}`, prefix: 0xf3, opcode: [0x0f, 0xae], modrm: { reg: 5, mod: 'reg' }, operands: [RR(n)], osz, suffix: 'none', ...m64, sem: 'cet:incssp' }),
        row({ id: `wrss${w}`, mnem: `wrss${w}`, opcode: [0x0f, 0x38, 0xf6], modrm: { mod: 'mem' }, operands: [R(n), M(n, 'w')], osz, suffix: 'none', ...m64, sem: 'cet:wrss' }),
        row({ id: `wruss${w}`, mnem: `wruss${w}`, prefix: 0x66, opcode: [0x0f, 0x38, 0xf5], modrm: { mod: 'mem' }, operands: [R(n), M(n, 'w')], osz, suffix: 'none', ...m64, priv: true, sem: 'cet:wruss' }),
      ];
    }),
    z('saveprevssp', [0x0f, 0x01], { prefix: 0xf3, modrm: { mod: 'reg', reg: 5, rm: 2 }, sem: 'cet:saveprevssp' }),
    z('setssbsy', [0x0f, 0x01], { prefix: 0xf3, modrm: { mod: 'reg', reg: 5, rm: 0 }, priv: true, sem: 'cet:setssbsy' }),
    m('rstorssp', [0x0f, 0x01], 5, { prefix: 0xf3, sem: 'cet:rstorssp' }),
    m('clrssbsy', [0x0f, 0xae], 6, { prefix: 0xf3, priv: true, sem: 'cet:clrssbsy' }),
    f01('serialize', 5, 0), f01('rdpkru', 5, 6), f01('wrpkru', 5, 7), f01('clzero', 7, 4),
    // monitor/mwait also take their implicit registers spelled out.
    z('monitor_r64', [0x0f, 0x01], { mnem: 'monitor', modrm: { mod: 'reg', reg: 1, rm: 0 }, operands: [FX('rax', 64), FX('ecx', 32), FX('edx', 32)], modes: M64, encodeOnly: true, sem: 'sys:monitor' }),
    z('monitor_r32', [0x0f, 0x01], { mnem: 'monitor', modrm: { mod: 'reg', reg: 1, rm: 0 }, operands: [FX('eax', 32), FX('ecx', 32), FX('edx', 32)], modes: M32, asz: 32, encodeOnly: true, sem: 'sys:monitor' }),
    z('monitor_r64_a32', [0x0f, 0x01], { mnem: 'monitor', modrm: { mod: 'reg', reg: 1, rm: 0 }, operands: [FX('eax', 32), FX('ecx', 32), FX('edx', 32)], modes: M64, asz: 32, encodeOnly: true, sem: 'sys:monitor' }),
    z('mwait_r', [0x0f, 0x01], { mnem: 'mwait', modrm: { mod: 'reg', reg: 1, rm: 1 }, operands: [FX('eax', 32), FX('ecx', 32)], encodeOnly: true, sem: 'sys:mwait' }),
    // CET end-branch markers (F3 0F 1E FA/FB): nops on older CPUs.
    z('endbr64', [0x0f, 0x1e], { prefix: 0xf3, modrm: { mod: 'reg', reg: 7, rm: 2 }, sem: 'nop' }),
    z('endbr32', [0x0f, 0x1e], { prefix: 0xf3, modrm: { mod: 'reg', reg: 7, rm: 3 }, sem: 'nop' }),
    z('wbnoinvd', [0x0f, 0x09], { prefix: 0xf3, priv: true }),
    row({ id: 'rdpid64', mnem: 'rdpid', prefix: 0xf3, opcode: [0x0f, 0xc7], modrm: { reg: 7, mod: 'reg' }, operands: [RR(64, 'w')], osz: 'none', modes: M64, sem: 'sys:rdpid' }),
    row({ id: 'rdpid32', mnem: 'rdpid', prefix: 0xf3, opcode: [0x0f, 0xc7], modrm: { reg: 7, mod: 'reg' }, operands: [RR(32, 'w')], osz: 'none', modes: M32, sem: 'sys:rdpid' }),
    row({ id: 'invpcid64', mnem: 'invpcid', prefix: 0x66, opcode: [0x0f, 0x38, 0x82], modrm: { mod: 'mem' }, operands: [M(0), R(64)], osz: 'none', modes: M64, priv: true, sem: 'sys:invpcid' }),
    row({ id: 'invpcid32', mnem: 'invpcid', prefix: 0x66, opcode: [0x0f, 0x38, 0x82], modrm: { mod: 'mem' }, operands: [M(0), R(32)], osz: 'none', modes: M32, priv: true, sem: 'sys:invpcid' }),
    m('prefetchnta', [0x0f, 0x18], 0, { sem: 'nop' }), m('prefetcht0', [0x0f, 0x18], 1, { sem: 'nop' }),
    m('prefetcht1', [0x0f, 0x18], 2, { sem: 'nop' }), m('prefetcht2', [0x0f, 0x18], 3, { sem: 'nop' }),
    m('prefetch', [0x0f, 0x0d], 0, { sem: 'nop' }), m('prefetchw', [0x0f, 0x0d], 1, { sem: 'nop' }),
    z('lfence', [0x0f, 0xae], { modrm: { mod: 'reg', reg: 5, rm: 0 } }),
    z('mfence', [0x0f, 0xae], { modrm: { mod: 'reg', reg: 6, rm: 0 } }),
    z('sfence', [0x0f, 0xae], { modrm: { mod: 'reg', reg: 7, rm: 0 } }),
    m('fxsave', [0x0f, 0xae], 0, { osz: 'd' }), m('fxrstor', [0x0f, 0xae], 1, { osz: 'd' }),
    m('ldmxcsr', [0x0f, 0xae], 2), m('stmxcsr', [0x0f, 0xae], 3),
    m('xsave', [0x0f, 0xae], 4, { osz: 'd' }), m('xrstor', [0x0f, 0xae], 5, { osz: 'd' }), m('xsaveopt', [0x0f, 0xae], 6, { osz: 'd' }), m('clflush', [0x0f, 0xae], 7),
    m('fxsave64', [0x0f, 0xae], 0, { osz: 'q', modes: M64, aliases: ['fxsaveq'] }), m('fxrstor64', [0x0f, 0xae], 1, { osz: 'q', modes: M64, aliases: ['fxrstorq'] }),
    m('xsave64', [0x0f, 0xae], 4, { osz: 'q', modes: M64, aliases: ['xsaveq'] }), m('xrstor64', [0x0f, 0xae], 5, { osz: 'q', modes: M64, aliases: ['xrstorq'] }),
    m('xsaveopt64', [0x0f, 0xae], 6, { osz: 'q', modes: M64, aliases: ['xsaveoptq'] }),
    m('clflushopt', [0x0f, 0xae], 7, { prefix: 0x66 }), m('clwb', [0x0f, 0xae], 6, { prefix: 0x66 }),
    m('cmpxchg8b', [0x0f, 0xc7], 1, { osz: 'd', aliases: ['cmpxchg8bq'], flags: fl(0, ZF), lockable: true, sem: 'cmpxchg8b' }),
    m('cmpxchg16b', [0x0f, 0xc7], 1, { osz: 'q', modes: M64, flags: fl(0, ZF), lockable: true, sem: 'cmpxchg16b' }),
    m('xrstors', [0x0f, 0xc7], 3, { osz: 'd' }), m('xsavec', [0x0f, 0xc7], 4, { osz: 'd' }), m('xsaves', [0x0f, 0xc7], 5, { osz: 'd' }),
    m('xrstors64', [0x0f, 0xc7], 3, { osz: 'q', modes: M64 }), m('xsavec64', [0x0f, 0xc7], 4, { osz: 'q', modes: M64 }),
    m('xsaves64', [0x0f, 0xc7], 5, { osz: 'q', modes: M64 }),
    row({ id: 'rdrand', mnem: 'rdrand', opcode: [0x0f, 0xc7], modrm: { reg: 6, mod: 'reg' }, operands: [RR('v', 'w')], osz: 'v', suffix: 'none', flags: fl(0, 0x8d5), sem: 'sys:rdrand' }),
    row({ id: 'rdseed', mnem: 'rdseed', opcode: [0x0f, 0xc7], modrm: { reg: 7, mod: 'reg' }, operands: [RR('v', 'w')], osz: 'v', suffix: 'none', flags: fl(0, 0x8d5), sem: 'sys:rdseed' }),
    y('rdfsbase', 0), y('rdgsbase', 1), y('wrfsbase', 2), y('wrgsbase', 3),
  ];
}

export const SYSTEM_FORMS: readonly FormDef[] = [...descRows(), ...crRows(), ...miscRows()];
