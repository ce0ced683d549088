// Case generator and GNU views for the legacy SIMD rows of the ISA table (src/isa/forms/sse.ts and
// mmx.ts), used by sse-gen.ts (goldens) and sse.test.ts (live re-checks):
//   lines: every row x a few operand shapes (vary one operand at a time), assembled by GNU as;
//   bytes: GNU's encodings of the accepted lines, and of one register form per decodable row with
//          prefixes in front (66/F2/F3 in every order, segment, 67h, REX bits) so the decoder's
//          mandatory-prefix rule and prefix naming are checked against objdump -d and -M intel.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMS, formSizes } from '../../src/isa/index.js';
import type { Form, OperandDef } from '../../src/isa/types.js';
import { MMX_FORMS } from '../../src/isa/forms/mmx.js';
import { SSE_FORMS } from '../../src/isa/forms/sse.js';
import { runGnuAs } from '../../scripts/asm-corpus-lib.js';
import { objdumpRows } from '../objdump-rows.js';

export const SSE_DIR = join(import.meta.dirname, 'sse');
export type Mode = 32 | 64;

const IDS = new Set([...MMX_FORMS, ...SSE_FORMS].map((f) => f.id));
/** The table rows this test covers, in table order. */
export const SIMD_FORMS: readonly Form[] = FORMS.filter((f) => IDS.has(f.id));

const XMM: Record<Mode, string[]> = { 64: ['%xmm1', '%xmm0', '%xmm9', '%xmm15'], 32: ['%xmm1', '%xmm0', '%xmm7'] };
const MM = ['%mm1', '%mm0', '%mm7'];
const MEM: Record<Mode, string[]> = {
  64: ['(%rax)', '0x7f(%r13,%r12,8)', '%fs:-0x10(%rip)', '0x12345678', '(%eax)'],
  32: ['(%eax)', '0x7f(%ebp,%esi,8)', '%es:0x1234', '(%bx,%si)'],
};
const GPR: Record<Mode, Record<number, string[]>> = {
  64: { 16: ['%ax'], 32: ['%eax', '%r9d'], 64: ['%rax', '%r10'] },
  32: { 16: ['%ax'], 32: ['%eax', '%edi'], 64: [] },
};
const IMM = ['$1', '$0', '$0x7f', '$0xff', '$-1'];

function samples(d: OperandDef, mode: Mode, size: number): string[] {
  const sz = d.size === 'y' || d.size === 'v' ? size : (d.size as number);
  switch (d.kind) {
    case 'xmm': return XMM[mode];
    case 'mmx': return MM;
    case 'xmmrm': return [...XMM[mode], ...MEM[mode]];
    case 'mmxrm': return [...MM, ...MEM[mode]];
    case 'mem': return MEM[mode];
    case 'gpr': return GPR[mode][sz] ?? [];
    case 'rm': return [...(GPR[mode][sz] ?? []), ...MEM[mode]];
    case 'imm': return IMM;
    case 'fixed': return [`%${d.reg}`];
    default: throw new Error(`sse-oracle: operand kind ${d.kind}`);
  }
}

/** Assembly lines for every SIMD row valid in `mode` (deduplicated, stable order). */
export function asmLines(mode: Mode): string[] {
  const out = new Set<string>();
  for (const f of SIMD_FORMS) {
    if (!f.modes.includes(mode)) continue;
    const sizes = formSizes(f, mode);
    for (const size of sizes.length ? sizes : [0]) {
      const per = f.operands.map((d) => samples(d, mode, size));
      if (per.some((s) => s.length === 0)) continue;
      const names = [f.mnem, ...(f.suffix === 'size' && size ? [f.mnem + (size === 64 ? 'q' : 'l')] : [])];
      for (const mn of names) {
        const base = per.map((s) => s[0]);
        const add = (ops: string[]): void => { out.add(ops.length ? `${mn} ${ops.join(',')}` : mn); };
        add(base);
        per.forEach((s, i) => s.forEach((v) => add(base.map((b, j) => (j === i ? v : b)))));
      }
    }
  }
  return [...out];
}

const LEGACY = new Set(['66', 'f2', 'f3', '2e', '3e', '26', '36', '64', '65', '67', 'f0']);

/** One register-operand encoding per decodable row with other prefixes put in front of its opcode. */
export function prefixCases(lines: readonly string[], hexes: readonly string[], mode: Mode): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const hex = hexes[i];
    if (hex.startsWith('ERROR') || hex.includes('x') || line.includes('(')) return;
    const b = hex.match(/../g)!;
    let k = 0;
    while (k < b.length && (LEGACY.has(b[k]) || (mode === 64 && b[k][0] === '4'))) k++;
    const pre = b.slice(0, k).filter((x) => x[0] !== '4' || mode !== 64);
    const rex = mode === 64 ? b.slice(0, k).find((x) => x[0] === '4') : undefined;
    const rest = b.slice(k).join('');
    // One case per mnemonic, mandatory prefix and opcode (the first register line naming them).
    const key = `${line.split(' ')[0]}|${pre.join('')}|${rest.slice(0, 6)}`;
    if (seen.has(key)) return;
    seen.add(key);
    // (Two conflicting mandatory prefixes are left out: objdump's naming of the unused one then
    // depends on how its tables spell each opcode.)
    for (const extra of ['66', 'f3', 'f2', '2e', 'f0']) out.push([extra, ...pre, rex ?? '', rest].join(''));
    if (mode === 64) for (const r of ['40', '41', '44', '48', '4f']) out.push([...pre, r, rest].join(''));
  });
  return out;
}

/** GNU as per line: hex (relocated bytes as xx) or `ERROR: message` (the encoder corpus format). */
export function gnuLines(lines: readonly string[], mode: Mode): string[] {
  return runGnuAs(lines, mode);
}

/**
 * objdump rows [address, hex, AT&T, Intel] of the byte sequences laid out one after another from
 * `origin` (one-byte nops before it keep branch targets where the goldens have them).
 */
export function gnuDis(hexes: readonly string[], mode: Mode, origin = 0): [string, string, string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-sse-'));
  try {
    const src = (origin ? `.fill ${origin},1,0x90\n` : '') + hexes.map((h) => `.byte ${h.replace(/x/g, '0').match(/../g)!.map((x) => '0x' + x).join(',')}`).join('\n') + '\n';
    writeFileSync(join(dir, 'a.s'), src);
    const r = spawnSync('as', [`--${mode}`, '-o', join(dir, 'a.o'), join(dir, 'a.s')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return objdumpRows(join(dir, 'a.o')).filter((r) => parseInt(r[0], 16) >= origin);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything the goldens hold for a mode, computed with the local GNU tools. */
export function gnuAll(mode: Mode): { lines: string[]; results: string[]; dis: [string, string, string, string][] } {
  const lines = asmLines(mode);
  const results = gnuLines(lines, mode);
  const accepted = results.filter((r) => !r.startsWith('ERROR')).map((r) => r.split('\t').pop()!);
  const dis = gnuDis([...accepted, ...prefixCases(lines, results, mode)], mode);
  return { lines, results, dis };
}
