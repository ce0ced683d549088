// Self-written inputs for NOBITS sections (src/asm/sections.ts reserveZeros, directives.ts comm):
// .lcomm and local .comm in .bss subsection 1 with GNU's alignments, sizes far over the section
// contents limit (no memory is kept for them), fill values GNU ignores there, and 32-bit range
// warnings. Goldens from GNU as 2.40: `npx vite-node test/asm/gas-bss/gen.ts`.

import type { OptionCase } from '../gas-options/cases.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

export const CASES: readonly OptionCase[] = [
  { name: 'local-comm-order-64', args: ['--64'], source: lines('.byte 1', '.local a,b,c', '.comm a,3', '.comm b,24', '.comm c,5,8', '.bss', '.byte 0', '.lcomm d,3', '.lcomm e,17', 'f: .zero 2') },
  { name: 'local-comm-order-32', args: ['--32'], source: lines('.bss', '.zero 30', '.local z', '.comm z,64,32', '.lcomm y,6', '.data', '.long z, y') },
  { name: 'huge-local-comm-64', args: ['--64'], source: lines('movl $z@SIZE,%eax', 'movl $.bss@SIZE,%eax', '.local z', '.comm z,429496720,32', '.bss', 'y: .zero 30', '.lcomm w,300000000') },
  { name: 'huge-lcomm-32', args: ['--32'], source: lines('.lcomm big,0xf0000000', 'movl $.bss@SIZE,%eax') },
  { name: 'huge-bss-skip-64', args: ['--64'], source: lines('.bss', '.skip 0x30000000', '.p2align 20', 'x: .fill 0x1000000,8,0', '.section .tbss,"awT",@nobits', '.zero 0x20000000', '.text', 'movq $x,%rax') },
  { name: 'bss-fill-value', args: ['--64'], source: lines('.bss', '.skip 8,1', '.space 4,0', '.zero 3') },
  { name: 'lcomm-out-of-range-32', args: ['--32'], source: lines('.lcomm y,1<<40', '.comm z,1<<33', '.long 1') },
  { name: 'lcomm-large-64', args: ['--64'], source: lines('.lcomm y,1<<40', '.comm z,1<<33', 'movabs $.bss@SIZE,%rax') },
];
