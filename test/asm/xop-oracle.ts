// GNU as / objdump views of the case files in test/asm/xop/ (for xop-gen.ts and the live checks):
// TBM and LWP (AMD's XOP encoding), Key Locker's general-register forms, vldmxcsr/vstmxcsr,
// vzeroall/vzeroupper and tilerelease.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { objdumpRows } from '../objdump-rows.js';

export const XOP_DIR = join(import.meta.dirname, 'xop');

/** Case files and the modes each is assembled in (--32 / --64). */
export const XOP_CASES: readonly { readonly name: string; readonly modes: readonly (32 | 64)[] }[] = [
  { name: 'xop', modes: [32, 64] }, { name: 'xop64', modes: [64] }, { name: 'xop16', modes: [32, 64] },
  { name: 'xop-intel', modes: [32, 64] }, { name: 'xop-errors', modes: [32, 64] },
  { name: 'simd-state', modes: [32, 64] }, { name: 'simd-state64', modes: [64] }, { name: 'simd-state-errors', modes: [32, 64] },
];
/** Cases also assembled with -mx86-used-note=yes: the .note.gnu.property bytes are compared. */
export const NOTE_CASES: readonly string[] = ['xop', 'xop64', 'simd-state', 'simd-state64'];
/** Cases whose GNU object is disassembled (objdump -d and -M intel). */
export const DIS_CASES: readonly string[] = ['xop', 'xop64', 'xop16', 'simd-state', 'simd-state64'];

export interface CaseResult {
  ok: boolean;
  messages: string[];
  /** .text bytes (hex). */
  text: string;
  /** .note.gnu.property bytes (hex) under -mx86-used-note=yes, else absent. */
  note?: string;
}

function withObject<T>(name: string, mode: 32 | 64, args: readonly string[], f: (obj: string | undefined, stderr: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-xop-'));
  try {
    const obj = join(dir, 'out.o');
    const r = spawnSync('as', [`--${mode}`, ...args, '-o', obj, `${name}.s`], { cwd: XOP_DIR, encoding: 'utf8' });
    return f(r.status === 0 && existsSync(obj) ? obj : undefined, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sectionHex(obj: string, section: string): string {
  const bin = obj + '.' + section.replace(/\W/g, '');
  spawnSync('objcopy', ['-O', 'binary', `--only-section=${section}`, obj, bin]);
  return existsSync(bin) ? readFileSync(bin).toString('hex') : '';
}

export function gnuCase(name: string, mode: 32 | 64, usedNote = false): CaseResult {
  return withObject(name, mode, usedNote ? ['-mx86-used-note=yes'] : [], (obj, stderr) => {
    const messages = stderr.split('\n').filter((l) => l !== '' && !l.endsWith('Assembler messages:'));
    const res: CaseResult = { ok: obj !== undefined, messages, text: obj ? sectionHex(obj, '.text') : '' };
    if (usedNote) res.note = obj ? sectionHex(obj, '.note.gnu.property') : '';
    return res;
  });
}

/** objdump -dw of a case assembled by GNU as: [address, hex, AT&T, Intel] per instruction. */
export function gnuDis(name: string, mode: 32 | 64): [string, string, string, string][] {
  return withObject(name, mode, [], (obj) => {
    if (!obj) return [];
    return objdumpRows(obj);
  });
}
