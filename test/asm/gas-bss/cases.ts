// Self-written inputs for NOBITS sections (src/asm/sections.ts reserveZeros, directives.ts comm):
// .lcomm and local .comm in .bss subsection 1 with GNU's alignments, sizes far over the section
// contents limit (no memory is kept for them), fill values GNU ignores there, and 32-bit range
// warnings, GNU's errors for non-zero data there; and large .rept counts of constant data (src/asm/rept-replay.ts), with the bodies that
// must still run pass by pass. Goldens from GNU as 2.40: `npx vite-node test/asm/gas-bss/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

export const CASES: readonly OptionCase[] = [
  { name: 'local-comm-order-64', args: ['--64'], source: lines('.byte 1', '.local a,b,c', '.comm a,3', '.comm b,24', '.comm c,5,8', '.bss', '.byte 0', '.lcomm d,3', '.lcomm e,17', 'f: .zero 2') },
  { name: 'local-comm-order-32', args: ['--32'], source: lines('.bss', '.zero 30', '.local z', '.comm z,64,32', '.lcomm y,6', '.data', '.long z, y') },
  { name: 'huge-local-comm-64', args: ['--64'], source: lines('movl $z@SIZE,%eax', 'movl $.bss@SIZE,%eax', '.local z', '.comm z,429496720,32', '.bss', 'y: .zero 30', '.lcomm w,300000000') },
  { name: 'huge-lcomm-32', args: ['--32'], source: lines('.lcomm big,0xf0000000', 'movl $.bss@SIZE,%eax') },
  { name: 'huge-bss-skip-64', args: ['--64'], source: lines('.bss', '.skip 0x30000000', '.p2align 20', 'x: .fill 0x1000000,8,0', '.section .tbss,"awT",@nobits', '.zero 0x20000000', '.text', 'movq $x,%rax') },
  { name: 'bss-fill-value', args: ['--64'], source: lines('.bss', '.skip 8,1', '.space 4,0', '.zero 3') },
  { name: 'bss-non-zero-data', args: ['--64'], source: lines('.bss', '.byte 1', '.long foo', '.byte 0', '.ascii "a"', '.long 2,0', '.quad 0', '.fill 2,4,1', 'x: .long x', '.section .tbss,"awT",@nobits', '.word 3') },
  { name: 'bss-instructions-and-empty', args: ['--64'], source: lines('.bss', 'nop', '.byte 0', 'add %al,(%rax)', '.asciz ""', '.fill 3,2,0', '.string "x"') },
  { name: 'lcomm-out-of-range-32', args: ['--32'], source: lines('.lcomm y,1<<40', '.comm z,1<<33', '.long 1') },
  { name: 'rept-const-data', args: ['--64'], source: lines('.data', 'a: .rept 300', '.byte 1, 2+3, 0x7f', '.long 0x12345678  # comment', '.ascii "ab\\n"', '.zero 2', '.endr', 'b: .long b-a', '.text', 'nop') },
  { name: 'rept-bss-huge', args: ['--64'], source: lines('.bss', '.rept 3000000', '.zero 2', '.skip 1', '.endr', '.text', 'movl $.bss@SIZE,%eax') },
  { name: 'rept-text-nops', args: ['--32'], source: lines('.rept 5', '.byte 0x90', '.endr', '.rept 3', '.byte 1', '.endr', 'ret') },
  { name: 'rept-symbol-per-pass', args: ['--64'], source: lines('.data', 'x: .rept 4', '.long x', '.byte . - x', '.endr') },
  { name: 'rept-warning-per-pass', args: ['--64'], source: lines('.data', '.rept 3', '.byte 0x1ff', '.endr') },
  { name: 'rept-set-per-pass', args: ['--64'], source: lines('.data', 'n = 0', '.rept 4', 'n = n + 1', '.byte n', '.endr') },
  { name: 'rept-nested', args: ['--64'], source: lines('.data', '.rept 3', '.byte 9', '.rept 4', '.short 0x102', '.endr', '.endr') },
  { name: 'lcomm-large-64', args: ['--64'], source: lines('.lcomm y,1<<40', '.comm z,1<<33', 'movabs $.bss@SIZE,%rax') },
];
