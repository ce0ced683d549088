// `x86lab dis`: disassemble raw bytes or the executable sections of an ELF file, printing
// exactly what `objdump -d` prints (AT&T syntax), with <symbol+offset> labels from the symtab.

import { existsSync } from 'node:fs';
import { IoError, readInput } from './io.js';
import type { Mode } from '../isa/types.js';
import { archiveChunks, isArchive } from '../link/archive.js';
import { LinkError } from '../link/errors.js';
import { EM_386, EM_X86_64, ElfError, isElf, readElf, SHF_EXECINSTR, SHT_NOBITS, SHT_PROGBITS, SHT_SYMTAB, type ElfDynReloc, type ElfFile, type ElfSection } from '../elf/read.js';
import { fileHeaderText } from '../elf/bfd-header.js';
import { bfdSections, formatName, inlineRelocs, relocRecordsText, sectionHeadersText, symbolTableText } from '../elf/objdump.js';
import { disassembleSection, disassembleSectionBytes, makeSymbolizer, WARM_UP_FROM, type DisSymbol, type ListingOptions } from '../decode/listing.js';
import { utf8Text } from '../decode/listing-writer.js';
import { ListingMemo } from '../decode/line-cache.js';
import type { Symbolizer } from '../decode/att.js';

export { disassembleSection } from '../decode/listing.js';

export const usage = `usage: x86lab dis [options] FILE...

Disassemble x86 machine code and show ELF files as GNU objdump does (AT&T or Intel syntax).

what to show (objdump's letters; several may be combined, e.g. -dr, -ht):
  -d, --disassemble          disassemble the executable sections (the default)
  -D, --disassemble-all      disassemble every section with contents
  --disassemble=SYMBOL       disassemble only the code of SYMBOL (as objdump: to its size, or the next symbol)
  -r, --reloc                relocations: inline with -d/-D (as objdump -dr), else as records
  -t, --syms                 the symbol table
  -h, --section-headers      the section headers
  -f, --file-headers         the file header: architecture, BFD flags, start address
options:
  -j, --section=NAME         only section NAME (repeatable)
  --start-address=ADDR       show nothing below ADDR (0x.. hex or decimal)
  --stop-address=ADDR        show nothing at or above ADDR
  -w, --wide                 one line per instruction; -h puts the flags on the same line
  -z, --disassemble-zeroes   decode runs of zero bytes instead of printing ...
  --no-show-raw-insn         no hex bytes before the instructions (--show-raw-insn: back to the default)
  --no-addresses             no addresses in front of lines, symbols and branch targets
  -M, --disassembler-options=att|intel|suffix   AT&T (default) or Intel syntax; suffix: AT&T mnemonics
                             always with their size suffix (combine with commas: -M intel,suffix);
                             x86-64, i386: decode as 64- or 32-bit code (as --64, --32)
  --64                       decode 64-bit code (default for raw files and ELF64)
  --32                       decode 32-bit code (default for ELF32)
  -f bin|elf                 input format (default: elf if the file starts with the ELF magic, else bin);
                               -f followed by anything else is objdump's -f (file headers)
                               bin  raw bytes, printed like objdump -D -b binary (section .data)
  --start ADDR               address of the first byte of a raw file (default 0)
  --help                     show this help

exit status: 0 success, 1 unreadable or malformed input, 2 usage errors.
`;

export interface DumpOptions {
  disassemble?: 'exec' | 'all';
  relocs?: boolean;
  syms?: boolean;
  headers?: boolean;
  sections?: readonly string[];
  start?: bigint;
  stop?: bigint;
  wide?: boolean;
  syntax?: 'att' | 'intel';
  /** --no-show-raw-insn (false); --show-raw-insn, the default (true). */
  rawInsn?: boolean;
  noAddresses?: boolean;
  /** -z: decode zeros, no `...`. */
  zeroes?: boolean;
  /** --disassemble=SYMBOL. */
  symbol?: string;
  /** -M suffix: AT&T mnemonics always with their size suffix. */
  suffix?: boolean;
  /** -f: the file header (architecture, BFD flags, start address). */
  fileHeaders?: boolean;
}

interface Args extends DumpOptions {
  mode?: Mode;
  format?: 'bin' | 'elf';
  rawStart: bigint;
  files: string[];
}

class UsageError extends Error {}

function parseAddr(v: string, opt: string): bigint {
  let n: bigint;
  try { n = BigInt(v); } catch { throw new UsageError(`bad address '${v}' for ${opt}`); }
  if (n < 0n || n >= 1n << 64n) throw new UsageError(`address out of range '${v}' for ${opt}`);
  return n;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const a: Args = { rawStart: 0n, files: [] };
  const sections: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    const eq = s.startsWith('--') ? s.indexOf('=') : -1;
    const opt = eq > 0 ? s.slice(0, eq) : s;
    const next = (): string => {
      if (eq > 0) return s.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option '${s}' needs a value`);
      return v;
    };
    switch (opt) {
      case '--help': return 'help';
      case '--64': a.mode = 64; continue;
      case '--32': a.mode = 32; continue;
      case '--disassemble':
        if (eq > 0) {
          a.symbol = s.slice(eq + 1);
          a.disassemble = a.disassemble ?? 'exec';
        } else a.disassemble = 'exec';
        continue;
      case '--show-raw-insn': a.rawInsn = true; continue;
      case '--no-show-raw-insn': a.rawInsn = false; continue;
      case '--no-addresses': a.noAddresses = true; continue;
      case '--disassemble-zeroes': a.zeroes = true; continue;
      case '--file-headers': a.fileHeaders = true; continue;
      case '--disassemble-all': a.disassemble = 'all'; continue;
      case '--reloc': a.relocs = true; continue;
      case '--syms': a.syms = true; continue;
      case '--section-headers': case '--headers': a.headers = true; continue;
      case '--wide': a.wide = true; continue;
      case '--section': sections.push(next()); continue;
      case '--start-address': a.start = parseAddr(next(), opt); continue;
      case '--stop-address': a.stop = parseAddr(next(), opt); continue;
      case '--disassembler-options': checkM(next(), a); continue;
      case '--start': a.rawStart = parseAddr(next(), opt); continue;
    }
    // -f bin|elf: the input format; -f before a file or option: objdump's file headers; before
    // another bare word that names no file, a mistyped format.
    if (s === '-f' && (argv[i + 1] === 'bin' || argv[i + 1] === 'elf')) a.format = argv[++i] as 'bin' | 'elf';
    else if (s === '-f' && /^[a-z][a-z0-9_-]*$/i.test(argv[i + 1] ?? '') && !existsSync(argv[i + 1])) {
      throw new UsageError(`unknown input format '${argv[i + 1]}' (use bin or elf)`);
    } else if (s === '-fbin' || s === '-felf') a.format = s === '-fbin' ? 'bin' : 'elf';
    else if (s.startsWith('-') && !s.startsWith('--') && s.length > 1) {
      // Short options, combinable as objdump combines them (-dr, -ht, -dj .text, -Matt).
      for (let k = 1; k < s.length; k++) {
        const c = s[k];
        if (c === 'd') a.disassemble = a.disassemble ?? 'exec';
        else if (c === 'D') a.disassemble = 'all';
        else if (c === 'r') a.relocs = true;
        else if (c === 't') a.syms = true;
        else if (c === 'h') a.headers = true;
        else if (c === 'w') a.wide = true;
        else if (c === 'z') a.zeroes = true;
        else if (c === 'f') a.fileHeaders = true;
        else if (c === 'j' || c === 'M') {
          const rest = s.slice(k + 1);
          const v = rest !== '' ? rest : argv[++i];
          if (v === undefined) throw new UsageError(`option '-${c}' needs a value`);
          if (c === 'j') sections.push(v); else checkM(v, a);
          break;
        } else throw new UsageError(`unknown option '-${c}'`);
      }
    } else if (s.startsWith('-') && s !== '-') throw new UsageError(`unknown option '${s}'`);
    else a.files.push(s);
  }
  if (sections.length) a.sections = sections;
  return a;
}

/** -M att|intel|suffix|x86-64|i386 (comma-separated; of att and intel the last one wins, as in objdump). */
function checkM(v: string, a: Args): void {
  for (const o of v.split(',')) {
    if (o === 'att' || o === 'att-mnemonic') a.syntax = 'att';
    else if (o === 'intel' || o === 'intel-mnemonic') a.syntax = 'intel';
    else if (o === 'suffix') a.suffix = true;
    else if (o === 'x86-64' || o === 'i386') a.mode = o === 'i386' ? 32 : 64;
    else if (o !== '') throw new UsageError(`unrecognised disassembler option: ${o}`);
  }
}

/** Disassemble every executable section of an ELF image as objdump -d does. */
export function disassembleElf(bytes: Uint8Array, path: string, mode?: Mode, opts: DumpOptions = { disassemble: 'exec' }): string {
  let s = '';
  for (const chunk of disassembleElfChunks(bytes, path, mode, opts)) s += chunk;
  return s;
}

/** disassembleElf in pieces (output of large files is streamed, not built as one string). */
export function* disassembleElfChunks(bytes: Uint8Array, path: string, mode?: Mode, opts: DumpOptions = { disassemble: 'exec' }): Generator<string> {
  for (const part of disassembleElfParts(bytes, path, mode, opts)) yield typeof part === 'string' ? part : utf8Text(part);
}

/** The same pieces, the listings' bodies as UTF-8 bytes (what the command writes out). */
function* disassembleElfParts(
  bytes: Uint8Array, path: string, mode?: Mode, opts: DumpOptions = { disassemble: 'exec' }, memo = new ListingMemo(),
): Generator<string | Uint8Array> {
  const elf = readElf(bytes);
  const m: Mode = mode ?? (elf.machine === EM_X86_64 && elf.bits === 64 ? 64 : elf.machine === EM_X86_64 ? 64 : 32);
  const only = opts.sections;
  const chosen = (sec: ElfSection): boolean => !only || only.includes(sec.name);
  yield `\n${path}:     file format ${formatName(elf)}\n${opts.fileHeaders ? fileHeaderText(elf) : ''}\n`;
  if (opts.headers) yield sectionHeadersText(elf, !!opts.wide, only ? chosen : undefined);
  if (opts.syms) yield symbolTableText(elf);
  if (opts.relocs && !opts.disassemble) yield relocRecordsText(elf, chosen);
  if (!opts.disassemble) return;
  // Without a .symtab the symbols are the dynamic ones, named with their versions (name@@VER).
  const versioned = opts.symbol !== undefined && !elf.sections.some((s) => s.type === SHT_SYMTAB);
  // The defined symbols as DisSymbols (made once), with their section indices alongside.
  const defined: DisSymbol[] = [];
  const definedIn: number[] = [];
  for (const s of elf.symbols) {
    // Symbols of sections that are not loaded (notes, debug info) never name an address.
    if (s.type === 4 || s.shndx === 0 || s.shndx >= 0xff00 || (s.type !== 3 && s.name === '') || ((elf.sections[s.shndx]?.flags ?? 0) & 2) === 0) continue;
    // Section symbols (STT_SECTION) are named after their section, as BFD does.
    const name = s.type === 3 ? elf.sections[s.shndx]?.name ?? '' : s.name;
    if (name === '') continue;
    defined.push(disSymbol(name, s.value, s.bind, s.type, s.size, versioned ? name.replace(/@@?[^@]*$/, '') : undefined));
    definedIn.push(s.shndx);
  }
  const plt = elf.type === 1 ? [] : pltSymbols(elf, bytes);
  const allTargets: DisSymbol[] = [...defined, ...plt.map((p) => p.sym)];
  const relocSym = elf.type === 1 ? undefined : relocSymbolizer(elf, makeSymbolizer(allTargets));
  const all = opts.disassemble === 'all';
  for (const sec of all ? bfdSections(elf) : elf.sections) {
    // -D: every section BFD shows (zero-filled ones too, measured); -d: the code sections, or whatever -j names.
    if (!all && !only && ((sec.flags & SHF_EXECINSTR) === 0 || sec.type !== SHT_PROGBITS)) continue;
    if (sec.size === 0 || !chosen(sec)) continue;
    if (sec.type !== SHT_NOBITS && sec.offset + sec.size > bytes.length) throw new ElfError('truncated', `section ${sec.name} runs past the end of the file`);
    // --start-address/--stop-address: the part of the section inside the range, if any.
    const lo = opts.start === undefined || opts.start <= sec.addr ? 0 : opts.start - sec.addr;
    const hi = opts.stop === undefined ? BigInt(sec.size) : opts.stop <= sec.addr ? 0n : opts.stop - sec.addr;
    if (lo >= BigInt(sec.size) || hi <= lo) continue;
    const mine: DisSymbol[] = [
      ...defined.filter((_, i) => definedIn[i] === sec.index),
      ...plt.filter((p) => p.section === sec.index).map((p) => p.sym),
    ];
    // Targets: in a relocatable object addresses are per section; under -D a section without symbols
    // names its targets after itself, under -d it shows bare addresses (`jmp 0x3`, measured); otherwise
    // any section's symbols count.
    const targets: DisSymbol[] = elf.type === 1 ? (mine.length ? mine : [{ name: sec.name, addr: sec.addr, section: true }]) : allTargets;
    // In an object, a target beyond the section (its end address still counts as inside) is named from every section's symbols (measured).
    let symbolizer = relocSym;
    // objdump keeps no section symbols among its sorted symbols: an object without any other
    // defined symbol prints bare addresses (`jmp 0x7`, measured).
    const bare = elf.type === 1 && !allTargets.some((x) => !x.section);
    if (bare) symbolizer = () => undefined;
    else if (elf.type === 1) {
      const inner = makeSymbolizer(targets);
      const outer = makeSymbolizer(allTargets);
      const end = sec.addr + BigInt(sec.size);
      symbolizer = (lo, hi) => {
        const a = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
        return a >= sec.addr && a <= end ? inner(lo, hi) : outer(lo, hi);
      };
    }
    // Section symbols label nothing where the section has other symbols.
    const labels = mine.some((x) => !x.section) ? mine.filter((x) => !x.section) : mine;
    yield `\nDisassembly of section ${sec.name}:\n`;
    const body = sec.type === SHT_NOBITS ? new Uint8Array(sec.size) : bytes.subarray(sec.offset, sec.offset + sec.size);
    yield* disassembleSectionBytes(body, m, sec.addr, labels, {
      addrDigits: elf.bits === 64 ? 16 : 8, sectionName: sec.name, symbolizeTargets: true, targetSymbols: targets, symbolizer,
      start: Number(lo), stop: Number(hi < BigInt(sec.size) ? hi : BigInt(sec.size)), wide: !!opts.wide, syntax: opts.syntax ?? 'att',
      ...(opts.relocs ? { relocs: inlineRelocs(elf, sec.index) } : {}), memo, ...textOptions(opts), pastRegion: all,
    });
  }
}

/**
 * A symbol as the listing takes it, from ELF's binding (STB_*) and type (STT_*); every one made
 * here has the same fields in the same order, so code reading them meets one object shape.
 */
function disSymbol(name: string, addr: bigint, bind: number, type: number, size: number, bare: string | undefined): DisSymbol {
  return {
    name, addr, global: bind === 1, local: bind === 0, func: type === 2 || type === 10, object: type === 1, section: type === 3, size, ifunc: type === 10, bare,
  };
}

/** The listing options that only change how lines are printed (--no-show-raw-insn, --no-addresses, -z, --disassemble=SYM). */
function textOptions(opts: DumpOptions): ListingOptions {
  return { noRawInsn: opts.rawInsn === false, noAddresses: !!opts.noAddresses, zeroes: !!opts.zeroes, onlySymbol: opts.symbol, suffix: !!opts.suffix };
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
          out.push({ section: sec.index, sym: disSymbol(name, sec.addr + BigInt(e), 1, 2, 0, undefined) });
        }
        break;
      }
    }
  }
  return out;
}

/** objdump names an address that holds a dynamic relocation after the relocation's symbol. */
function relocSymbolizer(elf: ElfFile, base: Symbolizer): Symbolizer {
  // Each such address's name, made here once: the BigInt arithmetic then never runs inside the
  // formatter's optimized code (where its first run threw that code away).
  const at = new Map<bigint, string>();
  // The low halves of those addresses: most targets are no relocation's, found so without a BigInt.
  const lows = new Set<number>();
  for (const r of elf.dynRelocs) {
    if (r.sym !== undefined && r.bare !== '') {
      const off = r.offset - r.symValue;
      at.set(r.offset, !r.symDefined || off === 0n ? r.sym : off > 0n ? `${r.sym}+0x${off.toString(16)}` : `${r.sym}-0x${(-off).toString(16)}`);
      lows.add(Number(r.offset & 0xffffffffn));
    }
  }
  const fn = (lo: number, hi: number): string | undefined => {
    if (!lows.has(lo >>> 0)) return base(lo, hi);
    return at.get((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) ?? base(lo, hi);
  };
  // Addresses of no relocation are the base's: its table serves them.
  return base.table === undefined ? fn : Object.assign(fn, { table: base.table, special: (lo: number): boolean => lows.has(lo >>> 0) });
}

/** Raw bytes as `objdump -D -b binary -m i386[:x86-64] --adjust-vma=START` prints them. */
export function disassembleBinary(bytes: Uint8Array, path: string, mode: Mode, start: bigint, opts: DumpOptions = {}): string {
  const head = `\n${path}:     file format binary\n\n\nDisassembly of section .data:\n`;
  if (bytes.length === 0) return head;
  return head + disassembleSection(bytes, mode, start, [], { addrDigits: mode === 64 ? 16 : 8, sectionName: '.data', wide: !!opts.wide, syntax: opts.syntax ?? 'att', ...textOptions(opts) });
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
  if (args.files.length === 0) {
    process.stderr.write(`x86lab dis: no input file\n${usage}`);
    return 2;
  }
  // Nothing asked for: disassemble, as x86lab always has (objdump would print its usage).
  if (!args.disassemble && !args.relocs && !args.syms && !args.headers && !args.fileHeaders) args.disassemble = 'exec';
  let status = 0;
  for (const file of args.files) status = Math.max(status, await dumpFile(file, args));
  return status;
}

async function dumpFile(file: string, args: Args): Promise<number> {
  let bytes: Uint8Array;
  try {
    // A regular file under the input size limit (io.ts); a device or FIFO only as standard input.
    bytes = new Uint8Array(readInput(file));
  } catch (e) {
    if (!(e instanceof IoError)) throw e;
    process.stderr.write(`x86lab dis: ${e.message}\n`);
    return 1;
  }
  const archive = args.format === undefined && isArchive(bytes);
  const format = args.format ?? (isElf(bytes) || archive ? 'elf' : 'bin');
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
        // One memo for the file: an archive's members repeat each other's instructions, and
        // together they may be worth a warm-up though each section is small.
        const memo = new ListingMemo(archive && bytes.length >= 4 * WARM_UP_FROM);
        const chunks = archive ? archiveChunks(bytes, file, (b, name) => disassembleElfParts(b, name, args.mode, args, memo))
          : disassembleElfParts(bytes, file, args.mode, args, memo);
        for (const chunk of chunks) {
          if (closed) break;
          // Bytes as a Buffer (no copy): whoever replaced stdout.write (tests) still gets text from String().
          const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
          if (!process.stdout.write(data)) {
            await new Promise<void>((r) => {
              wake = r;
              process.stdout.once('drain', r);
            });
          }
        }
      } finally {
        process.stdout.off('error', onError);
      }
    } else process.stdout.write(disassembleBinary(bytes, file, args.mode ?? 64, args.rawStart, args));
    return 0;
  } catch (e) {
    if (e instanceof ElfError) {
      process.stderr.write(`x86lab dis: ${file}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof LinkError) {
      process.stderr.write(`x86lab dis: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
