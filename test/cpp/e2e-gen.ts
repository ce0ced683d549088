// Random .S programs mixing cpp macros (register pasting, offsets, conditionals) with GAS
// macros (vararg .irp, keyword defaults, .if on a cpp knob) around real instructions: the
// interplay that decides GNU as's argument splitting. x86lab (cpp + assemble) must give gcc -c's
// .text bytes, or fail where gcc fails.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { preprocess } from '../../src/asm/cpp/index.js';

const REGS = ['ax', 'bx', 'cx', 'dx', 'si', 'di', 'bp', '8', '9', '12'];

export function genS(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const L = [
    '#define REG(n) %r##n', '#define R32(n) %e##n', '#define OFF(x) ((x)*8)', '#define PUSH(r) pushq REG(r)',
    '#define PAIR(a, b) a, b', '#define ADDQ(v, r) addq $(v), r', `#define KNOB ${rnd(3)}`,
    '.macro SAVE regs:vararg', '.irp r, \\regs', 'pushq %\\r', '.endr', '.endm',
    '.macro LOAD dst, off=0, base=%rsp', 'movq \\off(\\base), \\dst', '.endm',
    '.macro CMP_JMP a, b, target', 'cmpq \\a, \\b', 'jne \\target', '.endm',
    '.macro MAYBE flag, insn:vararg', '.if \\flag', '\\insn', '.endif', '.endm',
    '.text', 'start:',
  ];
  for (let k = 0; k < 12; k++) {
    const r = rnd(10);
    const g = (): string => pick(REGS);
    if (r === 0) L.push(`\tSAVE ${Array.from({ length: 1 + rnd(3) }, () => 'r' + (rnd(2) ? 'ax' : pick(['bx', 'cx', '8', '15']))).join(pick([', ', ' ', ',']))}`);
    else if (r === 1) L.push(`\tLOAD REG(${g()}), OFF(${rnd(5)})`);
    else if (r === 2) L.push(`\tLOAD REG(${g()}), off=OFF(${rnd(5)})${pick([",", ", ", " ,"])} base=REG(${pick(["bp", "sp", "ax"])})`);
    else if (r === 3) L.push(`\tCMP_JMP PAIR(REG(${g()}), REG(${g()})), ${pick(['start', '1f', '2f'])}`);
    else if (r === 4) L.push(`\tMAYBE KNOB, ADDQ(${rnd(200)}, REG(${g()}))`);
    else if (r === 5) L.push(`\tPUSH(${g()}) ; popq REG(${g()})`);
    else if (r === 6) L.push(`#if KNOB > ${rnd(3)}`, `\tmovl $${rnd(1000)}, R32(${pick(['ax', 'bx', 'cx'])})`, '#else', '\tnop', '#endif');
    else if (r === 7) L.push(`1:\tLOAD %rax, OFF(-${rnd(4)})`);
    else if (r === 8) L.push(`2: MAYBE 1 leaq OFF(${rnd(9)})(REG(${g()})), REG(${g()})`);
    else L.push(`\t.rept ${rnd(3)}`, `\tSAVE r${g() === 'ax' ? '8' : 'cx'}`, '\t.endr');
  }
  L.push('1: 2: ret');
  return L.join('\n') + '\n';
}

/** gcc -c's .text as hex, or '!error'. */
export function gccText(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-ez-'));
  try {
    writeFileSync(join(dir, 'ez.S'), src);
    const g = spawnSync('gcc', ['-c', 'ez.S', '-o', 'ez.o'], { cwd: dir, encoding: 'utf8' });
    if (g.status !== 0) return '!error';
    spawnSync('objcopy', ['-O', 'binary', '-j', '.text', 'ez.o', 'ez.bin'], { cwd: dir });
    return existsSync(join(dir, 'ez.bin')) ? readFileSync(join(dir, 'ez.bin')).toString('hex') : '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** x86lab's .text as hex, or '!error'. */
export function ourText(src: string): string {
  const pp = preprocess(src, { file: 'ez.S', includeDirs: [], defines: [], undefs: [] });
  if (pp.failed) return '!error';
  const r = assemble(pp.text, { mode: 64, file: 'ez.S' });
  if (r.errors) return '!error';
  const t = r.sections.find((x) => x.name === '.text');
  return t ? Buffer.from(t.bytes).toString('hex') : '';
}
