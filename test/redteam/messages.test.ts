// GNU as 2.40 messages found by the red-team sweeps (measured with `as --32/--64`), through assemble().
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assemble.js';

const msgs = (src: string, mode: 32 | 64): string[] =>
  assemble(src, { mode, file: 'a.s' }).diagnostics.map((d) => `${d.loc.line}: ${d.severity}: ${d.message}`);

describe('red-team messages', () => {
  it('q spellings in 32-bit code are 64-bit only before any register is looked at', () => {
    expect(msgs('shlq $1, %rax\naddq $1, %rax\npushq %rax\nbswapq %rax\ncmpxchgq %rax,(%eax)\n', 32)).toEqual([
      "1: error: `shlq' is only supported in 64-bit mode",
      "2: error: `addq' is only supported in 64-bit mode",
      "3: error: `pushq' is only supported in 64-bit mode",
      "4: error: `bswapq' is only supported in 64-bit mode",
      "5: error: `cmpxchgq' is only supported in 64-bit mode",
    ]);
  });
  it('a register that does not fit the suffix is named from the last operand back', () => {
    expect(msgs('inb $0x26, %eax\ninw $0x24, %eax\ninb %dx, %ax\noutb %eax, $0x80\noutw %al, %dx\naddb %eax, %ebx\nmovzbw %al, %eax\n', 64)).toEqual([
      "1: error: `%eax' not allowed with `inb'",
      "2: error: incorrect register `%eax' used with `w' suffix",
      "3: error: `%ax' not allowed with `inb'",
      "4: error: `%eax' not allowed with `outb'",
      "5: error: `%al' not allowed with `outw'",
      "6: error: `%ebx' not allowed with `addb'",
      "7: error: incorrect register `%eax' used with `w' suffix",
    ]);
  });
  it('missing-suffix warnings follow DefaultSize/IgnoreSize; branch prefixes GNU skips', () => {
    const src = 'lret $8\nlret\nret $8\niret\nsysret\nsysexit\nsmsw (%rax)\nstr (%rax)\naddr32 call x\nfs jmp x\ncs je x\nmov 4(%rsp), %fs\n';
    expect(msgs(src, 64)).toEqual([
      "1: warning: no instruction mnemonic suffix given and no register operands; using default for `lret'",
      "2: warning: no instruction mnemonic suffix given and no register operands; using default for `lret'",
      "4: warning: no instruction mnemonic suffix given and no register operands; using default for `iret'",
      "5: warning: no instruction mnemonic suffix given and no register operands; using default for `sysret'",
      "6: warning: no instruction mnemonic suffix given and no register operands; using default for `sysexit'",
      "9: warning: skipping prefixes on `call'",
      "10: warning: skipping prefixes on `jmp'",
    ]);
    expect(msgs('lret $8\nlret\niret\npusha\npopa\nsmsw (%eax)\nmov 4(%esp), %fs\n', 32)).toEqual([]);
  });
});
