// `x86lab dis`: disassemble raw bytes or the executable sections of an ELF file, printing
// exactly what `objdump -d` prints (AT&T syntax), with <symbol+offset> labels from the symtab.

import { readFileSync } from 'node:fs';
import type { Mode } from '../isa/types.js';
import { EM_386, EM_X86_64, ElfError, isElf, readElf, SHF_EXECINSTR, SHT_PROGBITS, type ElfDynReloc, type ElfFile } from '../elf/read.js';
import { disassembleSection, disassembleSectionChunks, makeSymbolizer, type DisSymbol } from '../decode/listing.js';
import type { Symbolizer } from '../decode/att.js';

export { disassembleSection } from '../decode/listing.js';

export const usage = `usage: x86lab dis [options] FILE

Disassemble x86 machine code in the format of GNU objdump -d (AT&T syntax).

options:
  --64              decode 64-bit code (default for raw files and ELF64)
  --32              decode 32-bit code (default for ELF32)
  -f bin|elf        input format (default: elf if the file starts with the ELF magic, else bin)
                      elf  every executable section, with symbols from .symtab (or .dynsym)
                      bin  raw bytes, printed like objdump -D -b binary (section .data)
  --start ADDR      address of the first byte of a raw file (default 0; 0x.. hex or decimal)
  -h, --help        show this help

exit status: 0 success, 1 unreadable or malformed input, 2 usage errors.
`;

interface Args {
  mode?: Mode;
  format?: 'bin' | 'elf';
  start: bigint;
  file?: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const a: Args = { start: 0n };
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${s}' needs a value`);
      return v;
    };
    if (s === '-h' || s === '--help') return 'help';
    else if (s === '--64') a.mode = 64;
    else if (s === '--32') a.mode = 32;
    else if (s === '-f' || s.startsWith('-f')) {
      const v = s === '-f' ? next() : s.slice(2);
      if (v !== 'bin' && v !== 'elf') throw new UsageError(`unknown input format '${v}' (use bin or elf)`);
      a.format = v;
    } else if (s === '--start' || s.startsWith('--start=')) {
      const v = s === '--start' ? next() : s.slice(8);
      try {
        a.start = BigInt(v);
      } catch {
        throw new UsageError(`bad address '${v}'`);
      }
      if (a.start < 0n || a.start >= 1n << 64n) throw new UsageError(`address out of range '${v}'`);
    } else if (s.startsWith('-') && s !== '-') throw new UsageError(`unknown option '${s}'`);
    else if (a.file !== undefined) throw new UsageError('only one input file');
    else a.file = s;
  }
  return a;
}

/** objdump's "file format" name. */
function formatName(elf: ElfFile): string {
  if (elf.machine === EM_X86_64) return elf.bits === 64 ? 'elf64-x86-64' : 'elf32-x86-64';
  if (elf.machine === EM_386) return 'elf32-i386';
  return `elf${elf.bits}-little`;
}

/** Disassemble every executable section of an ELF image as objdump -d does. */
export function disassembleElf(bytes: Uint8Array, path: string, mode?: Mode): string {
  let s = '';
  for (const chunk of disassembleElfChunks(bytes, path, mode)) s += chunk;
  return s;
}

/** disassembleElf in pieces (output of large files is streamed, not built as one string). */
export function* disassembleElfChunks(bytes: Uint8Array, path: string, mode?: Mode): Generator<string> {
  const elf = readElf(bytes);
  const m: Mode = mode ?? (elf.machine === EM_X86_64 && elf.bits === 64 ? 64 : elf.machine === EM_X86_64 ? 64 : 32);
  yield `\n${path}:     file format ${formatName(elf)}\n\n`;
  // Section symbols (STT_SECTION) are named after their section, as BFD does.
  const defined = elf.symbols
    // Symbols of sections that are not loaded (notes, debug info) never name an address.
    .filter((s) => s.type !== 4 && s.shndx !== 0 && s.shndx < 0xff00 && (s.type === 3 || s.name !== '') && ((elf.sections[s.shndx]?.flags ?? 0) & 2) !== 0)
    .map((s) => (s.type === 3 ? { ...s, name: elf.sections[s.shndx]?.name ?? '' } : s))
    .filter((s) => s.name !== '');
  const asDis = (s: (typeof defined)[number]): DisSymbol => ({
    name: s.name, addr: s.value, global: s.bind === 1, local: s.bind === 0, func: s.type === 2 || s.type === 10,
    object: s.type === 1, section: s.type === 3, size: s.size,
  });
  const plt = elf.type === 1 ? [] : pltSymbols(elf, bytes);
  const allTargets: DisSymbol[] = [...defined.map(asDis), ...plt.map((p) => p.sym)];
  const relocSym = elf.type === 1 ? undefined : relocSymbolizer(elf, makeSymbolizer(allTargets));
  for (const sec of elf.sections) {
    if ((sec.flags & SHF_EXECINSTR) === 0 || sec.type !== SHT_PROGBITS || sec.size === 0) continue;
    if (sec.offset + sec.size > bytes.length) throw new ElfError('truncated', `section ${sec.name} runs past the end of the file`);
    const mine: DisSymbol[] = [
      ...defined.filter((s) => s.shndx === sec.index).map(asDis),
      ...plt.filter((p) => p.section === sec.index).map((p) => p.sym),
    ];
    // Targets: in a relocatable object addresses are per section; otherwise any section's symbols count.
    const targets: DisSymbol[] = elf.type === 1 ? mine : allTargets;
    yield `\nDisassembly of section ${sec.name}:\n`;
    yield* disassembleSectionChunks(bytes.subarray(sec.offset, sec.offset + sec.size), m, sec.addr, mine, {
      addrDigits: elf.bits === 64 ? 16 : 8, sectionName: sec.name, symbolizeTargets: true, targetSymbols: targets, symbolizer: relocSym,
    });
  }
}

// Dynamic relocation types that name a GOT slot or a PLT target (x86-64 / i386).
const R_X86_64_GLOB_DAT = 6;
const R_X86_64_JUMP_SLOT = 7;
const R_X86_64_IRELATIVE = 37;
const R_386_GLOB_DAT = 6;
const R_386_JUMP_SLOT = 7;
const R_386_IRELATIVE = 42;

/**
 * objdump's synthetic `name@plt` symbols: each PLT entry's `jmp *slot` names the dynamic
 * relocation of its GOT slot (`*ABS*+0xaddend@plt` for an IRELATIVE one).
 */
function pltSymbols(elf: ElfFile, bytes: Uint8Array): { section: number; sym: DisSymbol }[] {
  const bySlot = new Map<bigint, ElfDynReloc>();
  const i386 = elf.machine === EM_386;
  for (const r of elf.dynRelocs) {
    const t = r.type;
    const ok = i386 ? t === R_386_JUMP_SLOT || t === R_386_GLOB_DAT || t === R_386_IRELATIVE : t === R_X86_64_JUMP_SLOT || t === R_X86_64_GLOB_DAT || t === R_X86_64_IRELATIVE;
    if (ok) bySlot.set(r.offset, r);
  }
  if (!bySlot.size) return [];
  const gotplt = elf.sections.find((s) => s.name === '.got.plt') ?? elf.sections.find((s) => s.name === '.got');
  const out: { section: number; sym: DisSymbol }[] = [];
  for (const sec of elf.sections) {
    if (sec.name !== '.plt' && sec.name !== '.plt.sec' && sec.name !== '.plt.got') continue;
    if ((sec.flags & SHF_EXECINSTR) === 0 || sec.offset + sec.size > bytes.length) continue;
    // .plt.got entries are 8 bytes (jmp *slot; xchg %ax,%ax), or 16 with IBT (endbr64 first).
    const ibt = bytes[sec.offset] === 0xf3 && bytes[sec.offset + 1] === 0x0f && bytes[sec.offset + 2] === 0x1e;
    const ent = sec.name === '.plt.got' && !ibt ? 8 : 16;
    for (let e = 0; e + ent <= sec.size; e += ent) {
      const at = sec.offset + e;
      for (let k = 0; k + 6 <= ent; k++) {
        const b0 = bytes[at + k];
        const b1 = bytes[at + k + 1];
        if (b0 !== 0xff || (b1 !== 0x25 && !(i386 && b1 === 0xa3))) continue;
        const disp = BigInt(new DataView(bytes.buffer, bytes.byteOffset + at + k + 2, 4).getInt32(0, true));
        let slot: bigint;
        if (!i386) slot = sec.addr + BigInt(e + k + 6) + disp; // jmp *disp(%rip)
        else if (b1 === 0x25) slot = disp & 0xffffffffn; // jmp *abs32
        else slot = ((gotplt?.addr ?? 0n) + disp) & 0xffffffffn; // jmp *disp(%ebx)
        const r = bySlot.get(slot);
        if (r) {
          const isIrel = r.type === (i386 ? R_386_IRELATIVE : R_X86_64_IRELATIVE);
          const name = isIrel || r.bare === undefined ? `*ABS*+0x${BigInt.asUintN(64, r.addend).toString(16)}@plt` : `${r.bare}@plt`;
          out.push({ section: sec.index, sym: { name, addr: sec.addr + BigInt(e), global: true, func: true } });
        }
        break;
      }
    }
  }
  return out;
}

/** objdump names an address that holds a dynamic relocation after the relocation's symbol. */
function relocSymbolizer(elf: ElfFile, base: Symbolizer): Symbolizer {
  const at = new Map<bigint, ElfDynReloc>();
  for (const r of elf.dynRelocs) if (r.sym !== undefined && r.bare !== '') at.set(r.offset, r);
  return (lo, hi) => {
    const a = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    const r = at.get(a);
    if (!r || r.sym === undefined) return base(lo, hi);
    if (!r.symDefined) return r.sym;
    const off = a - r.symValue;
    return off === 0n ? r.sym : off > 0n ? `${r.sym}+0x${off.toString(16)}` : `${r.sym}-0x${(-off).toString(16)}`;
  };
}

/** Raw bytes as `objdump -D -b binary -m i386[:x86-64] --adjust-vma=START` prints them. */
export function disassembleBinary(bytes: Uint8Array, path: string, mode: Mode, start: bigint): string {
  const head = `\n${path}:     file format binary\n\n\nDisassembly of section .data:\n`;
  if (bytes.length === 0) return head;
  return head + disassembleSection(bytes, mode, start, [], { addrDigits: mode === 64 ? 16 : 8, sectionName: '.data' });
}

export async function run(argv: string[]): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`x86lab dis: ${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (args.file === undefined) {
    process.stderr.write(`x86lab dis: no input file\n${usage}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(args.file === '-' ? readFileSync(0) : readFileSync(args.file));
  } catch (e) {
    process.stderr.write(`x86lab dis: '${args.file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : (e as Error).message}\n`);
    return 1;
  }
  const format = args.format ?? (isElf(bytes) ? 'elf' : 'bin');
  try {
    if (format === 'elf') {
      // Stream the listing; a closed pipe (`| head`) just ends the output.
      let closed = false;
      let wake: (() => void) | undefined;
      const onError = (): void => {
        closed = true;
        wake?.();
      };
      process.stdout.on('error', onError);
      try {
        for (const chunk of disassembleElfChunks(bytes, args.file, args.mode)) {
          if (closed) break;
          if (!process.stdout.write(chunk)) {
            await new Promise<void>((r) => {
              wake = r;
              process.stdout.once('drain', r);
            });
          }
        }
      } finally {
        process.stdout.off('error', onError);
      }
    } else process.stdout.write(disassembleBinary(bytes, args.file, args.mode ?? 64, args.start));
    return 0;
  } catch (e) {
    if (e instanceof ElfError) {
      process.stderr.write(`x86lab dis: ${args.file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
