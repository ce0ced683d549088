// Unit tests of the executor core: partial-register rules, memory permissions and #PF error codes,
// page-crossing little-endian access, self-modifying code with cached decode and compiled blocks,
// the step limit, and block compilation agreeing with the interpreter. Expected values marked
// "native" were recorded by running the same bytes on this machine's CPU (test/native/harness).

import { describe, it, expect } from 'vitest';
import { Cpu, CpuFault } from '../../src/cpu/state.js';
import { Memory, P_R, P_W, P_X } from '../../src/cpu/memory.js';
import { run, step } from '../../src/cpu/exec.js';
import { getFlags } from '../../src/cpu/flags.js';
import { rd64, wr32, rd32 } from '../../src/cpu/access.js';
import { join } from 'node:path';

const CODE = 0x10000000, DATA = 0x20000000;

function cpuWith(hex: string, opts: { data?: number; perm?: number } = {}): Cpu {
  const cpu = new Cpu(64);
  const code = Buffer.from(hex, 'hex');
  cpu.mem.map(CODE, code.length, opts.perm ?? (P_R | P_W | P_X), new Uint8Array(code));
  if (opts.data) cpu.mem.map(DATA, opts.data, P_R | P_W);
  cpu.rip = CODE;
  cpu.setReg64(4, BigInt(DATA + 0x100));
  return cpu;
}

describe('registers', () => {
  it('32-bit writes zero the upper half; 8/16-bit writes and %ah..%bh do not', () => {
    // mov $-1,%rax; mov $0x12345678,%eax; mov $-1,%rbx; mov $0x1234,%bx; mov $-1,%rcx; mov $0x12,%cl; mov $-1,%rdx; mov $0x34,%dh; hlt
    const cpu = cpuWith('48c7c0ffffffffb87856341248c7c3ffffffff66bb341248c7c1ffffffffb11248c7c2ffffffffb634f4');
    expect(run(cpu).stop).toBe('hlt');
    expect(cpu.reg64(0)).toBe(0x12345678n);
    expect(cpu.reg64(3)).toBe(0xffffffffffff1234n);
    expect(cpu.reg64(1)).toBe(0xffffffffffffff12n);
    expect(cpu.reg64(2)).toBe(0xffffffffffff34ffn);
    expect(cpu.ripBig()).toBe(BigInt(CODE + 42)); // hlt completes: RIP after it
  });
  it('getReg/setReg follow the same rules', () => {
    const cpu = new Cpu(64);
    cpu.setReg64(5, 0xaaaaaaaabbbbbbbbn);
    cpu.setReg(5, 16, 0x1234);
    expect(cpu.reg64(5)).toBe(0xaaaaaaaabbbb1234n);
    cpu.setReg(17, 8, 0x56); // %ch
    cpu.setReg64(1, 0n); cpu.setReg(17, 8, 0x56);
    expect(cpu.reg64(1)).toBe(0x5600n);
    cpu.setReg(5, 32, -1);
    expect(cpu.reg64(5)).toBe(0xffffffffn);
  });
});

describe('memory', () => {
  it('maps at byte granularity and faults outside the region with the SDM error code', () => {
    const cpu = new Cpu(64);
    cpu.mem.map(DATA + 10, 4, P_R);
    expect(rd32(cpu, DATA + 10)).toBe(0);
    // one byte beyond the region: not present (P=0), user read → 4
    expect(() => rd32(cpu, DATA + 11)).toThrow(CpuFault);
    try { rd32(cpu, DATA + 11); } catch (e) { expect((e as CpuFault).vector).toBe(14); expect((e as CpuFault).errorCode).toBe(4); }
    expect(cpu.cr2).toBe(DATA + 14);
    // write to a read-only byte: present, write, user → 7
    try { wr32(cpu, DATA + 10, 1); expect.unreachable(); } catch (e) { expect((e as CpuFault).errorCode).toBe(7); }
  });
  it('reads and writes little-endian across page boundaries', () => {
    const cpu = new Cpu(64);
    cpu.mem.map(DATA + 0xffc, 8, P_R | P_W);
    wr32(cpu, DATA + 0xffe, 0x44332211);
    expect(cpu.mem.peek8(DATA + 0xffe)).toBe(0x11);
    expect(cpu.mem.peek8(DATA + 0x1001)).toBe(0x44);
    cpu.mem.writeBytes(DATA + 0xffc, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const lo = rd64(cpu, DATA + 0xffc);
    expect(lo).toBe(0x04030201);
    expect(cpu.tHi).toBe(0x08070605);
  });
  it('faulting stores change nothing (all bytes are checked first)', () => {
    const cpu = new Cpu(64);
    cpu.mem.map(DATA + 0xffe, 2, P_R | P_W);
    expect(() => wr32(cpu, DATA + 0xffe, -1)).toThrow(CpuFault);
    expect(cpu.mem.peek8(DATA + 0xffe)).toBe(0);
  });
  it('canonical-signed high addresses work', () => {
    const m = new Memory();
    m.map(-0x7f000000, 16, P_R | P_W);
    m.poke8(-0x7f000000 + 3, 9);
    expect(m.peek8(-0x7f000000 + 3)).toBe(9);
    expect(m.permAt(-0x7f000000 + 16)).toBe(0);
  });
  it('instruction fetch from a non-executable region is #PF with I/D set', () => {
    const cpu = cpuWith('90f4', { perm: P_R });
    const r = run(cpu);
    expect(r.stop).toBe('exception');
    expect(r.fault!.vector).toBe(14);
    expect(r.fault!.errorCode).toBe(0x15);
    expect(cpu.rip).toBe(CODE);
  });
});

describe('exec loop', () => {
  it('self-modifying code takes effect (decode cache invalidated by the write)', () => {
    // lea 1f(%rip),%rbx; movb $0x90,(%rbx); 1: int3; hlt — the int3 becomes a nop before it runs
    const cpu = cpuWith('488d1d03000000c60390ccf4');
    expect(run(cpu).stop).toBe('hlt');
  });
  for (const blocks of [false, true]) {
    it(`patching a hot loop body takes effect (${blocks ? 'compiled blocks' : 'interpreter'})`, () => {
      // mov $100,%ecx; xor %eax,%eax; lea 1f(%rip),%rbx; 1: add $1,%eax; cmp $50,%ecx; jne 3f;
      // movb $2,2(%rbx); 3: dec %ecx; jnz 1b; hlt  — native: eax = 149
      const cpu = cpuWith('b96400000031c0488d1d0000000083c00183f9327504c6430202ffc975f0f4');
      expect(run(cpu, { blocks }).stop).toBe('hlt');
      expect(cpu.reg64(0)).toBe(149n);
    });
  }
  it('stops at the step limit and at until', () => {
    const cpu = cpuWith('ebfe'); // 1: jmp 1b
    const r = run(cpu, { maxSteps: 1000 });
    expect(r).toMatchObject({ stop: 'steps', steps: 1000 });
    const cpu2 = cpuWith('9090909090f4');
    expect(run(cpu2, { until: CODE + 3 })).toMatchObject({ stop: 'until', steps: 3 });
    expect(cpu2.rip).toBe(CODE + 3);
  });
  it('the step limit is exact inside compiled loops', () => {
    // 1: inc %rax; add %rax,%rbx; cmp $100000,%rax; jne 1b; hlt
    for (const max of [1001, 4000, 4003, 77777]) {
      const got = [false, true].map((blocks) => {
        const cpu = cpuWith('48ffc04801c3483da086010075f2f4');
        const r = run(cpu, { maxSteps: max, blocks });
        return [r.stop, r.steps, cpu.rip, cpu.reg64(0), cpu.reg64(3), getFlags(cpu)];
      });
      expect(got[1]).toEqual(got[0]);
      expect(got[0][1]).toBe(max);
      expect(got[0][3]).toBe(BigInt(Math.ceil(max / 4)));
    }
  });
  it('an undefined opcode is #UD with RIP at it; int3 is a trap with RIP after it', () => {
    const c1 = cpuWith('900f0b'); // nop; ud2
    expect(run(c1)).toMatchObject({ stop: 'exception', steps: 1 });
    expect(c1.rip).toBe(CODE + 1);
    const c2 = cpuWith('90cc');
    const r2 = run(c2);
    expect(r2.fault!.vector).toBe(3);
    expect(c2.rip).toBe(CODE + 2);
  });
  it('onException can deliver and continue', () => {
    const cpu = cpuWith('cc90f4');
    let seen = -1;
    cpu.onException = (_c, f) => { seen = f.vector; return true; };
    expect(run(cpu).stop).toBe('hlt');
    expect(seen).toBe(3);
  });
  it('step() executes exactly one instruction', () => {
    const cpu = cpuWith('b805000000f4');
    step(cpu);
    expect(cpu.reg64(0)).toBe(5n);
    expect(cpu.rip).toBe(CODE + 5);
  });
});

describe('block compilation agrees with the interpreter and the CPU', () => {
  // mov $1000,%ecx; mov $7,%eax; mov $3,%edx; 1: add %ecx,%eax; lea 7(%rax,%rdx,2),%rdx; xor %edx,%eax;
  // shl $1,%rdx; imul %rdx,%rax; sub $3,%rax; and $0xfff,%edx; or %ecx,%edx; cmp $77,%eax; setb %bl;
  // movzbl %bl,%ebx; add %rbx,%rsi; mov %rax,(%rdi); add (%rdi),%rsi; dec %ecx; jnz 1b; hlt
  const prog = 'b9e8030000b807000000ba0300000001c8488d54500731d048d1e2480fafc24883e80381e2ff0f000009ca83f84d0f92c30fb6db4801de488907480337ffc975cef4';
  for (const blocks of [false, true]) {
    it(`mixed loop (${blocks ? 'blocks' : 'interpreter'}) matches the native result`, () => {
      const cpu = cpuWith(prog, { data: 64 });
      cpu.setReg64(7, BigInt(DATA));
      const r = run(cpu, { blocks });
      expect(r.stop).toBe('hlt');
      // native (this machine): rax rdx rsi, RFLAGS, and the stored qword
      expect(cpu.reg64(0)).toBe(0x1dbfa8b9dc63n);
      expect(cpu.reg64(2)).toBe(0x12bn);
      expect(cpu.reg64(6)).toBe(0x439b2ebabfbd148n);
      expect(getFlags(cpu)).toBe(0x246);
      expect(Buffer.from(cpu.mem.readBytes(DATA, 8)).toString('hex')).toBe('63dcb9a8bf1d0000');
      expect(r.steps).toBe(3 + 1000 * 16 + 1); // hlt counts as executed
    });
  }
  it('a fault inside a compiled block leaves the interpreter\'s exact state', () => {
    // 1: add $1,%eax; mov (%rbx),%edx; add $8,%rbx; dec %ecx; jnz 1b; hlt — rbx walks off the mapped data
    const hex = '83c0018b134883c308ffc975f3f4';
    const results = [false, true].map((blocks) => {
      const cpu = cpuWith(hex, { data: 8 * 100 });
      cpu.setReg64(3, BigInt(DATA));
      cpu.setReg64(1, 1000n);
      const r = run(cpu, { blocks });
      return { r: { stop: r.stop, steps: r.steps, vec: r.fault?.vector }, rip: cpu.rip, rax: cpu.reg64(0), rbx: cpu.reg64(3), rcx: cpu.reg64(1), fl: getFlags(cpu) };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[0].r).toEqual({ stop: 'exception', steps: 100 * 5 + 1, vec: 14 });
  });
});

describe('compiled blocks agree with the interpreter on the native-vector snippets', () => {
  it('each snippet looped until the step limit gives the same machine state both ways', async () => {
    const { readCompact } = await import('./vectors.js');
    const vs = readCompact(join(__dirname, '..', 'golden', 'cpu', 'amd', 'vectors.jsonl.gz')).filter((c, k) => c[1] === 64 && c[6] === 13 && k % 7 === 0);
    let compared = 0;
    for (const c of vs) {
      const snippet = Buffer.from(c[2], 'hex').subarray(0, c[2].length / 2 - 1); // drop the final hlt
      if (snippet.length > 100) continue;
      // jmp rel32 back to the start
      const code = Buffer.concat([snippet, Buffer.from([0xe9]), Buffer.alloc(4)]);
      code.writeInt32LE(-(snippet.length + 5), snippet.length + 1);
      const state = (blocks: boolean): string => {
        const cpu = new Cpu(64);
        cpu.mem.map(CODE, code.length, P_R | P_X, new Uint8Array(code));
        if (c[3]) cpu.mem.map(DATA, c[3].length / 2, P_R | P_W, new Uint8Array(Buffer.from(c[3], 'hex')));
        c[4].forEach((v, k) => cpu.setReg64(k, BigInt('0x' + v)));
        cpu.flags = Number('0x' + c[5]);
        cpu.rip = CODE;
        const r = run(cpu, { maxSteps: 300, blocks });
        return JSON.stringify([r.stop, r.steps, r.fault?.vector, r.fault?.errorCode, cpu.rip, [...cpu.lo], [...cpu.hi], getFlags(cpu), cpu.cr2,
          c[3] ? Buffer.from(cpu.mem.readBytes(DATA, c[3].length / 2)).toString('hex') : '']);
      };
      expect(state(true), c[0]).toBe(state(false));
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
