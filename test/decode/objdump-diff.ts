// Differential harness: x86lab's disassembly against GNU objdump -d on real code.
// Used by the vitest suite (small windows, committed golden sample) and by scripts/dis-diff.mjs (whole files).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Mode } from '../../src/isa/types.js';
import { decodeInto } from '../../src/decode/decode.js';
import { formatDecoded, formatPrefixesOnly } from '../../src/decode/att.js';
import { Bad, newDecoded, NONE } from '../../src/decode/types.js';
import { readElf, SHF_EXECINSTR, EM_X86_64 } from '../../src/decode/elf.js';

export interface OdInsn {
  readonly addr: bigint;
  readonly hex: string;
  readonly text: string;
  /** Address of the next symbol label (objdump never decodes across one), if any. */
  stop?: bigint;
}

export function haveObjdump(): boolean {
  try {
    execFileSync('objdump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Parse `objdump -d -w` output into instructions (zero-skip `...` and headers dropped). */
export function parseObjdump(out: string): OdInsn[] {
  const res: OdInsn[] = [];
  const re = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$/;
  const label = /^([0-9a-f]+) <.*>:$/;
  let open = 0; // first instruction of the current label region
  for (const line of out.split('\n')) {
    const m = re.exec(line);
    if (m) {
      res.push({ addr: BigInt('0x' + m[1]), hex: m[2].replace(/ /g, ''), text: m[3].trimEnd() });
      continue;
    }
    const l = label.exec(line);
    if (l) {
      const at = BigInt('0x' + l[1]);
      for (let i = open; i < res.length; i++) res[i].stop = at;
      open = res.length;
    }
  }
  return res;
}

/** Symbol references differ by symbol table details; compare the addresses only. */
export function normalize(text: string): string {
  return text.replace(/\b([0-9a-f]+) <[^>]*>/g, '0x$1').replace(/\s+$/, '');
}

export interface DiffResult {
  total: number;
  /** Instructions x86lab decodes to a form (not "(bad)"). */
  covered: number;
  /** Covered instructions with the same length and (normalized) text. */
  agree: number;
  /** objdump "(bad)" that x86lab also calls undefined, same length. */
  badAgree: number;
  /** Instructions outside the ISA table (Bad.UNSUPPORTED) whose length equals objdump's. */
  unsupportedLen: number;
  mismatches: { addr: bigint; hex: string; objdump: string; ours: string }[];
  /** Mnemonics (first word) of instructions x86lab does not cover, with counts. */
  uncovered: Map<string, number>;
}

export function emptyResult(): DiffResult {
  return { total: 0, covered: 0, agree: 0, badAgree: 0, unsupportedLen: 0, mismatches: [], uncovered: new Map() };
}

/**
 * Compare objdump's instructions with x86lab decoding the same bytes at the same addresses.
 * `bytesAt(addr)` gives the section bytes and the offset of addr in them.
 */
export function compareInsns(
  insns: readonly OdInsn[], mode: Mode, bytesAt: (a: bigint) => { bytes: Uint8Array; off: number } | undefined,
  r: DiffResult = emptyResult(), maxMismatches = 200,
): DiffResult {
  const d = newDecoded();
  for (const ins of insns) {
    const loc = bytesAt(ins.addr);
    if (!loc) continue;
    r.total++;
    const lo = Number(ins.addr & 0xffffffffn);
    const hi = Number(ins.addr >> 32n);
    const end = loc.off + ins.hex.length / 2;
    // objdump decodes within a symbol's region; give the decoder at most 15 bytes past the start.
    let limit = Math.min(loc.bytes.length, loc.off + 15);
    if (ins.stop !== undefined && ins.stop > ins.addr) limit = Math.min(limit, loc.off + Number(ins.stop - ins.addr));
    const view = loc.bytes.subarray(0, limit);
    decodeInto(d, view, loc.off, mode, lo, hi);
    let ours: string;
    let len: number;
    if (d.ignoredRexEnd > 0) {
      len = d.ignoredRexEnd;
      ours = formatPrefixesOnly(view, loc.off, len, mode);
    } else {
      len = d.length;
      ours = formatDecoded(d, view, loc.off, lo, hi, () => 'S');
    }
    const odBad = ins.text.includes('(bad)');
    if (d.form === NONE || d.ignoredRexEnd > 0) {
      if (odBad && len === end - loc.off && normalize(ours) === normalize(ins.text)) r.badAgree++;
      else {
        if (d.bad === Bad.UNSUPPORTED && len === end - loc.off) r.unsupportedLen++;
        const m = ins.text.split(/\s+/)[0];
        r.uncovered.set(m, (r.uncovered.get(m) ?? 0) + 1);
      }
      continue;
    }
    r.covered++;
    if (len === end - loc.off && normalize(ours) === normalize(ins.text)) r.agree++;
    else if (r.mismatches.length < maxMismatches) r.mismatches.push({ addr: ins.addr, hex: ins.hex, objdump: ins.text, ours: `${ours} [len ${len}]` });
  }
  return r;
}

/** Run objdump -d on an ELF file (optionally a window) and compare every executable section. */
export function diffElf(path: string, opts: { start?: bigint; stop?: bigint; result?: DiffResult } = {}): DiffResult {
  const file = new Uint8Array(readFileSync(path));
  const elf = readElf(file);
  const mode: Mode = elf.machine === EM_X86_64 ? 64 : 32;
  const args = ['-d', '-w', '-z', path];
  if (opts.start !== undefined) args.push(`--start-address=0x${opts.start.toString(16)}`);
  if (opts.stop !== undefined) args.push(`--stop-address=0x${opts.stop.toString(16)}`);
  const out = execFileSync('objdump', args, { maxBuffer: 1 << 30 }).toString();
  const secs = elf.sections.filter((s) => (s.flags & SHF_EXECINSTR) !== 0 && s.type === 1 && s.size > 0);
  const bytesAt = (a: bigint) => {
    for (const s of secs) {
      if (a >= s.addr && a < s.addr + BigInt(s.size)) {
        // objdump stops decoding at --stop-address; so does the comparison.
        let size = s.size;
        if (opts.stop !== undefined && opts.stop < s.addr + BigInt(s.size)) size = Number(opts.stop - s.addr);
        return { bytes: file.subarray(s.offset, s.offset + size), off: Number(a - s.addr) };
      }
    }
    return undefined;
  };
  // Relocatable objects: every section starts at 0, so compare section by section.
  if (elf.type === 1) {
    const r = opts.result ?? emptyResult();
    const parts = out.split(/\nDisassembly of section /);
    for (const part of parts.slice(1)) {
      const name = part.slice(0, part.indexOf(':'));
      const s = secs.find((x) => x.name === name);
      if (!s) continue;
      const bytes = file.subarray(s.offset, s.offset + s.size);
      compareInsns(parseObjdump(part), mode, (a) => (a < BigInt(s.size) ? { bytes, off: Number(a) } : undefined), r);
    }
    return r;
  }
  return compareInsns(parseObjdump(out), mode, bytesAt, opts.result);
}

export function summary(r: DiffResult): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : '0.00');
  const top = [...r.uncovered.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}:${v}`).join(' ');
  return `instructions ${r.total}, covered ${r.covered} (${pct(r.covered, r.total)}%), agree ${r.agree} (${pct(r.agree, r.covered)}% of covered), (bad) agreed ${r.badAgree}, uncovered with objdump's length ${r.unsupportedLen}/${r.total - r.covered - r.badAgree}\nuncovered: ${top}`;
}
