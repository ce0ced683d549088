// The block compiler's inline shortcuts against the interpreter (itself checked against the real
// CPU by the vector suites): shifts and rotates by a constant whose flags are dead, lea into a
// 32-bit register, and inc/dec taking CF from the block's own pending add/sub/logic record.
// Random loop bodies (fixed seed) mixing those with flag readers (adc, sbb, setc, cmc, jcc) run
// with and without blocks; registers, flags and step counts must agree.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';
import { Cpu } from '../../src/cpu/state.js';
import { P_R, P_X } from '../../src/cpu/memory.js';
import { run } from '../../src/cpu/exec.js';
import { getFlags } from '../../src/cpu/flags.js';

const CODE = 0x10000000;

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// %ecx counts the loop; the body uses the others.
const R32 = ['%eax', '%ebx', '%edx', '%esi', '%edi', '%r8d', '%r9d', '%r10d'];
const R64 = ['%rax', '%rbx', '%rdx', '%rsi', '%rdi', '%r8', '%r9', '%r10'];
const IMMS = ['0', '1', '3', '0x55', '0x7fffffff', '-1', '-0x80000000', '31'];

function body(r: () => number, len: number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  for (let k = 0; k < len; k++) {
    const a = pick(R32), b = pick(R32);
    switch (Math.floor(r() * 9)) {
      case 0: out.push(`${pick(['add', 'sub', 'and', 'or', 'xor', 'cmp', 'test'])} ${r() < 0.5 ? a : '$' + pick(IMMS)}, ${b}`); break;
      case 1: out.push(`${pick(['inc', 'dec'])} ${a}`); break;
      case 2: out.push(`${pick(['rol', 'ror', 'shl', 'shr', 'sar'])} $${pick(['0', '1', '3', '17', '31', '32', '33', '63'])}, ${r() < 0.6 ? a : pick(R64)}`); break;
      case 3: out.push(`lea ${pick(['', '4', '-8', '0x7ffffff0'])}(${pick(R64)},${pick(R64)},${pick(['1', '2', '4', '8'])}), ${r() < 0.7 ? a : pick(R64)}`); break;
      case 4: out.push(`${pick(['adc', 'sbb'])} ${r() < 0.5 ? a : '$' + pick(IMMS)}, ${b}`); break;
      case 5: out.push(`${pick(['setc', 'setz', 'sets', 'seto', 'setbe', 'setl'])} %al`); break;
      case 6: out.push(pick(['cmc', 'stc', 'clc'])); break;
      case 7: out.push(r() < 0.5 ? `mov ${r() < 0.5 ? a : '$' + pick(IMMS)}, ${b}` : `${pick(['add', 'sub', 'xor', 'mov'])} ${pick(R64)}, ${pick(R64)}`); break;
      default: out.push(`${pick(['add', 'sub'])} ${a}, ${b}`, `${pick(['inc', 'dec'])} ${pick(R32)}`); break;
    }
  }
  return out;
}

// 64-bit starting values with both halves set (negative ones too), so that 64-bit shifts see them.
const INIT = R64.map((x, k) => `movabs $0x${((0x9e3779b97f4a7c15n * BigInt(k + 1)) & 0xffffffffffffffffn).toString(16)}, ${x}`);

function program(r: () => number): string {
  const lines = ['mov $300, %ecx', ...INIT, '1:', ...body(r, 2 + Math.floor(r() * 10))];
  // Close the loop with dec+jnz (a self-looping block), or with a flag test on the body's own flags
  // bounded by the counter.
  if (r() < 0.6) lines.push('dec %ecx', 'jnz 1b');
  else lines.push('dec %ecx', 'jz 2f', `${['jc', 'jnc', 'jz', 'jnz', 'js', 'jbe'][Math.floor(r() * 6)]} 1b`, 'jmp 1b', '2:');
  lines.push('hlt');
  return lines.join('\n') + '\n';
}

function state(code: Uint8Array, blocks: boolean): string {
  const cpu = new Cpu(64);
  cpu.mem.map(CODE, code.length, P_R | P_X, code);
  cpu.rip = CODE;
  const res = run(cpu, { maxSteps: 200_000, blocks });
  return JSON.stringify([res.stop, res.steps, cpu.rip, [...cpu.lo], [...cpu.hi], getFlags(cpu)]);
}

describe('compiled blocks: inline shifts, lea and inc/dec carry agree with the interpreter', () => {
  it('random loop bodies', () => {
    const r = rng(0x16);
    for (let n = 0; n < 300; n++) {
      const src = program(r);
      const a = assemble(src, { mode: 64, file: 'loop.s', listing: false });
      expect(a.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
      const code = a.sections.find((s) => s.name === '.text')!.bytes;
      expect(state(code, true), src).toBe(state(code, false));
    }
  });

  it('every shift and rotate by every kind of count, 32- and 64-bit, with its flags dead', () => {
    let n = 0;
    for (const op of ['shl', 'shr', 'sar', 'rol', 'ror']) {
      for (const count of [0, 1, 3, 17, 31, 32, 33, 63]) {
        for (const [dst, other] of [['%eax', '%edx'], ['%rax', '%rdx'], ['%r9', '%rbx'], ['%r10d', '%esi']]) {
          // The add right after overwrites every status flag: the shift's own flags are dead.
          const src = ['mov $50, %ecx', ...INIT, `1: ${op} $${count}, ${dst}`, `add ${dst}, ${other}`, `xor ${other}, ${dst}`, 'dec %ecx', 'jnz 1b', 'hlt'].join('\n') + '\n';
          const a = assemble(src, { mode: 64, file: 's.s', listing: false });
          expect(a.diagnostics.filter((d) => d.severity === 'error'), src).toEqual([]);
          const code = a.sections.find((s) => s.name === '.text')!.bytes;
          expect(state(code, true), src).toBe(state(code, false));
          n++;
        }
      }
    }
    expect(n).toBe(160);
  });

  it('the bench loop (add/xor/rol/lea/mov/add/dec/jnz) ends where the arithmetic says', () => {
    const src = 'mov $100000,%ecx\nxor %eax,%eax\nmov $5,%ebx\n1: add %ebx,%eax\nxor $0x55,%eax\nrol $3,%eax\nlea 4(%rax,%rbx),%edx\nmov %edx,%esi\nadd $1,%esi\ndec %ecx\njnz 1b\nhlt\n';
    const code = assemble(src, { mode: 64, file: 'b.s', listing: false }).sections.find((s) => s.name === '.text')!.bytes;
    let a = 0, d = 0;
    for (let k = 0; k < 100000; k++) {
      a = (a + 5) | 0;
      a ^= 0x55;
      a = (a << 3) | (a >>> 29);
      d = (a + 5 + 4) | 0;
    }
    const cpu = new Cpu(64);
    cpu.mem.map(CODE, code.length, P_R | P_X, code);
    cpu.rip = CODE;
    expect(run(cpu, { maxSteps: 1e9 }).steps).toBe(3 + 8 * 100000 + 1);
    expect([cpu.lo[0], cpu.lo[2], cpu.lo[6]]).toEqual([a, d, (d + 1) | 0]);
    expect(state(code, true)).toBe(state(code, false));
  });
});
