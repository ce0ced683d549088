// Inline golden checks of GNU as 2.40's encoding choices (bytes measured with `as --64/--32`), the
// fixups the encoder leaves for symbols, relaxation partners and GNU's error messages.

import { describe, expect, it } from 'vitest';
import { checkMnemonic, encodeInstruction, EncodeError, relaxPartner } from '../../src/encode/index.js';
import { parseLine } from './line-parser.js';

const hex = (line: string, mode: 32 | 64 = 64, branch?: 'short' | 'near') =>
  Buffer.from(encodeInstruction(parseLine(line), branch ? { mode, branch } : { mode }).bytes).toString('hex');
const err = (line: string, mode: 32 | 64 = 64) => {
  try {
    encodeInstruction(parseLine(line), { mode });
  } catch (e) {
    expect(e).toBeInstanceOf(EncodeError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('GNU encoding choices', () => {
  const cases: [string, string, (32 | 64)?][] = [
    ['mov %eax,%ebx', '89c3'], // store form 89, not 8b d8
    ['add %eax,%ebx', '01c3'],
    ['add $1,%eax', '83c001'], // sign-extended imm8
    ['add $0x80,%eax', '0580000000'], // accumulator short form
    ['add $0x80,%ebx', '81c380000000'],
    ['add $1,%al', '0401'],
    ['add $0xffff,%ax', '6683c0ff'], // 0xffff is -1 in a 16-bit operation
    ['add $-1,%rax', '4883c0ff'],
    ['mov $1,%eax', 'b801000000'],
    ['mov $-1,%rax', '48c7c0ffffffff'], // imm32 sign-extended
    ['mov $0x80000000,%rax', '48b80000008000000000'], // needs movabs
    ['movabs $1,%rax', '48b80100000000000000'],
    ['mov (%rsp),%eax', '8b0424'], // rsp base needs SIB
    ['mov (%r12),%eax', '418b0424'],
    ['mov (%rbp),%eax', '8b4500'], // rbp base needs disp8
    ['mov (%r13),%eax', '418b4500'],
    ['mov 0x80(%rax),%eax', '8b8080000000'],
    ['mov -0x80(%rax),%eax', '8b4080'],
    ['mov (%eax),%eax', '678b00'], // 32-bit address in 64-bit mode
    ['mov 0x10(%rip),%eax', '8b0510000000'],
    ['mov 0x1234,%eax', '8b042534120000'], // absolute via SIB in 64-bit mode
    ['mov 0x1234,%eax', 'a134120000', 32], // moffs in 32-bit mode
    ['mov 0x80000000,%eax', 'a10000008000000000'], // moffs64 when disp32 cannot hold it
    ['mov %fs:0x28,%rax', '64488b042528000000'],
    ['mov %ds:(%rax),%eax', '8b00'], // redundant default segment dropped
    ['mov %ss:(%rax),%eax', '368b00'],
    ['mov (%rax,%rbx,4),%ecx', '8b0c98'],
    ['lea 0x10(,%rax,8),%rdx', '488d14c510000000'],
    ['mov %sil,%al', '4088f0'],
    ['mov %r8b,(%rax)', '448800'],
    ['xchg %ebx,%eax', '93'],
    ['xchg %eax,%eax', '87c0'], // 90 would not zero-extend
    ['xchg %eax,%eax', '90', 32],
    ['shl %eax', 'd1e0'],
    ['shl $1,%eax', 'd1e0'],
    ['shl $2,%eax', 'c1e002'],
    ['imul $3,%eax', '6bc003'],
    ['push $1', '6a01'],
    ['push $0x80', '6880000000'],
    ['push %r12', '4154'],
    ['push %fs', '0fa0'],
    ['inc %eax', 'ffc0'],
    ['inc %eax', '40', 32],
    ['movzbl (%rax),%ecx', '0fb608'],
    ['movslq %eax,%rbx', '4863d8'],
    ['cltq', '4898'],
    ['iretq', '48cf'],
    ['sysretq', '480f07'],
    ['int $3', 'cc'],
    ['int $0x80', 'cd80'],
    ['rep movsb', 'f3a4'],
    ['lock addl $1,%fs:(%rax)', '64f0830001'],
    ['mov %cr3,%rax', '0f20d8'],
    ['mov %rax,%cr8', '440f22c0'],
    ['mov %ds,%rax', '8cd8'],
    ['lgdt (%rax)', '0f0110'],
    ['swapgs', '0f01f8'],
    ['wrfsbase %rax', 'f3480faed0'],
    ['jecxz foo', '67e300'],
    ['lea (%bx,%si),%ax', '67668d00', 32],
  ];
  for (const [line, want, mode] of cases) {
    it(`${line}${mode === 32 ? ' (--32)' : ''} -> ${want}`, () => {
      expect(hex(line, mode ?? 64)).toBe(want);
    });
  }
});

describe('fixups where GNU leaves relocations', () => {
  it('rip-relative symbol: pc-relative disp32', () => {
    const e = encodeInstruction(parseLine('mov foo(%rip),%eax'), { mode: 64 });
    expect(e.fixups).toEqual([{ offset: 2, size: 4, value: { sym: 'foo', addend: 0n }, pcrel: true, signed: true }]);
  });
  it('symbolic immediate: full imm32, no imm8', () => {
    const e = encodeInstruction(parseLine('add $foo,%rax'), { mode: 64 });
    expect(Buffer.from(e.bytes).toString('hex')).toBe('480500000000');
    expect(e.fixups[0]).toMatchObject({ offset: 2, size: 4, pcrel: false, signed: true });
  });
  it('movabs $sym: imm64', () => {
    const e = encodeInstruction(parseLine('movabs $foo,%rax'), { mode: 64 });
    expect(e.fixups[0]).toMatchObject({ offset: 2, size: 8 });
  });
  it('branches: short by default for symbols, near on request, with relax partners', () => {
    const s = encodeInstruction(parseLine('jne foo'), { mode: 64 });
    expect(s.form).toBe('jne_rel8');
    expect(s.relax).toBe('short');
    expect(s.fixups[0]).toMatchObject({ offset: 1, size: 1, pcrel: true });
    const n = encodeInstruction(parseLine('jne foo'), { mode: 64, branch: 'near' });
    expect(Buffer.from(n.bytes).toString('hex')).toBe('0f8500000000');
    expect(n.relax).toBe('near');
    expect(relaxPartner('jne_rel8')?.id).toBe('jne_rel32');
    expect(relaxPartner('jmp_rel32')?.id).toBe('jmp_rel8');
    expect(relaxPartner('call_rel32')).toBeUndefined();
    expect(hex('call foo')).toBe('e800000000');
    expect(hex('loop foo', 64, 'near')).toBe('e200'); // rel8 only
  });
});

describe('GNU error messages', () => {
  const cases: [string, string, (32 | 64)?][] = [
    ['addq $1,%eax', "incorrect register `%eax' used with `q' suffix"],
    ['addb $1,%eax', "`%eax' not allowed with `addb'"],
    ['push %eax', "operand size mismatch for `push'"],
    ['pushl $1', "invalid instruction suffix for `push'"],
    ['add %ah,%sil', "can't encode register '%ah' in an instruction requiring REX prefix."],
    ['mov %al,%ebx', "operand type mismatch for `mov'"],
    ['add %cx,%al', "register type mismatch for `add'"],
    ['add %eax', "number of operands mismatch for `add'"],
    ['lock mov %eax,(%rax)', "expecting lockable instruction after `lock'"],
    ['rep add %eax,%ebx', "invalid instruction `add' after `rep'"],
    ['pusha', "`pusha' is not supported in 64-bit mode"],
    ['swapgs', "`swapgs' is only supported in 64-bit mode", 32],
    ['mov (%rsp,%rsp),%eax', "`(%rsp,%rsp)' is not a valid base/index expression"],
    ['push %ds', "you can't `push %ds'"],
    ['ljmp $1,$2', "unsupported instruction `ljmp'"],
    ['lock lock add %eax,(%rax)', 'same type of prefix used twice'],
    ['mov %r8d,%eax', "bad register name `%r8d'", 32],
  ];
  for (const [line, msg, mode] of cases) {
    it(`${line}${mode === 32 ? ' (--32)' : ''}`, () => expect(err(line, mode ?? 64)).toBe(msg));
  }
  it('checkMnemonic makes GNU mnemonic-only checks before any operand is read', () => {
    expect(() => checkMnemonic('movslq', 32)).toThrow("`movslq' is only supported in 64-bit mode");
    expect(() => checkMnemonic('pusha', 64)).toThrow("`pusha' is not supported in 64-bit mode");
    expect(() => checkMnemonic('frob', 64)).toThrow(/no such instruction/);
    expect(() => checkMnemonic('movslq', 64)).not.toThrow();
    expect(() => checkMnemonic('loopnew', 64)).not.toThrow(); // depends on the operands
  });
  it('unknown mnemonics carry a code so the front end can quote the whole statement', () => {
    try {
      encodeInstruction(parseLine('foo %eax'), { mode: 64 });
      expect.unreachable();
    } catch (e) {
      expect((e as EncodeError).code).toBe('no-such-insn');
    }
  });
});
