// Runs a generated program through GNU as and through x86lab and reduces both to the same shape:
// rejected line numbers, bytes per source line, relocations ("line type symbol addend").

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { render } from '../../src/output/index.js';
import type { Mode } from './lines-gen.js';

export interface LineResult {
  /** 1-based line numbers GNU (or x86lab) rejects. */
  errors: number[];
  /** Line number -> hex bytes, for every line that emitted bytes once the rejected lines are blanked. */
  bytes: Record<string, string>;
  /** "line:offset-in-line TYPE symbol[+-addend]" (addend only for RELA, 64-bit). */
  relocs: string[];
  /** "line: message" of every warning on the whole program. */
  warnings: string[];
}

const warnLines = (stderr: string): string[] => [...stderr.matchAll(/^[^:\n]+:(\d+): Warning: (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);

const errLines = (stderr: string): number[] =>
  [...new Set([...stderr.matchAll(/^[^:\n]+:(\d+): Error:/gm)].map((m) => Number(m[1])))].sort((a, b) => a - b);

/** Lines with errors replaced by empty lines, so the rest keep their numbers. */
export const blank = (lines: readonly string[], errors: readonly number[]): string => {
  const e = new Set(errors);
  return lines.map((l, i) => (e.has(i + 1) ? '' : l)).join('\n') + '\n';
};

const addend = (a: number): string => (a === 0 ? '' : a > 0 ? `+${a}` : `${a}`);

/** GNU as: errors from the whole program, then bytes per line from a copy with a label before each line. */
export function gnuLines(lines: readonly string[], mode: Mode): LineResult {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-rtl-'));
  try {
    const src = join(dir, 'a.s'), obj = join(dir, 'a.o');
    writeFileSync(src, lines.join('\n') + '\n');
    const first = spawnSync('as', [`--${mode}`, src, '-o', obj], { encoding: 'utf8' });
    const errors = first.status === 0 ? [] : errLines(first.stderr);
    const keep = blank(lines, errors).split('\n');
    writeFileSync(src, keep.map((l, i) => `__L${i + 1}:\n${l}`).join('\n') + '\n');
    const r = spawnSync('as', [`--${mode}`, src, '-o', obj], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`GNU as rejects the blanked program:\n${r.stderr.slice(0, 2000)}`);
    const secNames: string[] = [];
    const secHex: Record<string, string> = {};
    for (const line of spawnSync('readelf', ['-SW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const m = /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)/.exec(line);
      if (!m) continue;
      secNames[Number(m[1])] = m[2];
      if (m[3] !== 'PROGBITS') continue;
      let hex = '';
      for (const d of spawnSync('readelf', ['-x', m[2], obj], { encoding: 'utf8' }).stdout.split('\n'))
        if (/^\s+0x[0-9a-f]{8} /.test(d)) hex += d.slice(13, 48).replace(/ /g, '');
      secHex[m[2]] = hex;
    }
    // Label __Ln marks where line n starts; it ends where the next label of its section starts.
    const starts: { line: number; sec: string; off: number }[] = [];
    for (const line of spawnSync('readelf', ['-sW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const m = /^\s*\d+:\s+([0-9a-f]+)\s+\d+\s+\S+\s+\S+\s+\S+\s+(\d+)\s+__L(\d+)$/.exec(line);
      if (m) starts.push({ line: Number(m[3]), sec: secNames[Number(m[2])], off: parseInt(m[1], 16) });
    }
    starts.sort((a, b) => (a.sec < b.sec ? -1 : a.sec > b.sec ? 1 : a.off - b.off || a.line - b.line));
    const bytes: Record<string, string> = {};
    const where: { line: number; sec: string; off: number; end: number }[] = [];
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i];
      const next = starts.slice(i + 1).find((x) => x.sec === s.sec);
      const hex = secHex[s.sec] ?? '';
      const end = next ? next.off : hex.length / 2;
      where.push({ ...s, end });
      if (end > s.off && secHex[s.sec] !== undefined) bytes[String(s.line)] = hex.slice(s.off * 2, end * 2);
    }
    const relocs: string[] = [];
    let cur = '';
    for (const line of spawnSync('readelf', ['-rW', obj], { encoding: 'utf8' }).stdout.split('\n')) {
      const h = /^Relocation section '\.rela?(\S+)'/.exec(line);
      if (h) { cur = h[1]; continue; }
      const m = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s+[0-9a-f]+\s+(\S+)(?:\s+([+-])\s+([0-9a-f]+))?/.exec(line);
      if (!m) continue;
      const off = parseInt(m[1], 16);
      const w = where.find((x) => x.sec === cur && off >= x.off && off < x.end);
      const a = m[4] ? (m[4] === '-' ? -1 : 1) * parseInt(m[5], 16) : 0;
      relocs.push(`${w ? w.line : '?'}:${w ? off - w.off : off} ${m[2]} ${m[3]}${mode === 64 ? addend(a) : ''}`);
    }
    return { errors, bytes, relocs: relocs.sort(), warnings: warnLines(first.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface JsonOut {
  listing: { line: number; section: string; offset: number; hex: string }[];
  relocations: { section: string; offset: number; type: string; symbol: string; addend: number }[];
}

/** x86lab: errors from the whole program; bytes from the json listing of the blanked program. */
export function x86labLines(lines: readonly string[], mode: Mode, gnuErrors: readonly number[]): LineResult {
  const whole = assemble(lines.join('\n') + '\n', { mode, file: 'a.s' });
  const errors = [...new Set(whole.diagnostics.filter((d) => d.severity === 'error').map((d) => d.loc.line))].sort((a, b) => a - b);
  const r = assemble(blank(lines, gnuErrors), { mode, file: 'a.s' });
  const warnings = whole.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.loc.line}: ${d.message}`);
  if (r.diagnostics.some((d) => d.severity === 'error')) return { errors, bytes: {}, relocs: [], warnings };
  // What `x86lab as -f json` prints: the listing's per-line hex and the relocations.
  const j = JSON.parse(Buffer.from(render(r, 'json', { file: 'a.s' })).toString('utf8')) as JsonOut;
  const bytes: Record<string, string> = {};
  const where: { line: number; sec: string; off: number; end: number }[] = [];
  for (const l of j.listing) {
    if (!l.hex) continue;
    bytes[String(l.line)] = (bytes[String(l.line)] ?? '') + l.hex;
    where.push({ line: l.line, sec: l.section, off: l.offset, end: l.offset + l.hex.length / 2 });
  }
  const relocs = j.relocations.map((x) => {
    const w = where.find((y) => y.sec === x.section && x.offset >= y.off && x.offset < y.end);
    return `${w ? w.line : '?'}:${w ? x.offset - w.off : x.offset} ${x.type} ${x.symbol}${mode === 64 ? addend(x.addend) : ''}`;
  });
  return { errors, bytes, relocs: relocs.sort(), warnings };
}
