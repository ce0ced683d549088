// `x86lab dis`: disassemble raw bytes or the executable sections of an ELF file, printing
// exactly what `objdump -d` prints (AT&T syntax), with <symbol+offset> labels from the symtab.

import { readFileSync } from 'node:fs';
import type { Mode } from '../isa/types.js';
import { EM_386, EM_X86_64, ElfError, isElf, readElf, SHF_EXECINSTR, SHT_PROGBITS, type ElfFile } from '../decode/elf.js';
import { disassembleSection, disassembleSectionChunks, type DisSymbol } from '../decode/listing.js';

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
  const defined = elf.symbols.filter((s) => s.name !== '' && s.type !== 3 && s.type !== 4 && s.shndx !== 0 && s.shndx < 0xff00);
  for (const sec of elf.sections) {
    if ((sec.flags & SHF_EXECINSTR) === 0 || sec.type !== SHT_PROGBITS || sec.size === 0) continue;
    if (sec.offset + sec.size > bytes.length) throw new ElfError(`section ${sec.name} runs past the end of the file`);
    const mine: DisSymbol[] = defined
      .filter((s) => s.shndx === sec.index)
      .map((s) => ({ name: s.name, addr: s.value, global: s.bind !== 0, func: s.type === 2, size: s.size }));
    // Targets: in a relocatable object addresses are per section; otherwise any section's symbols count.
    const targets: DisSymbol[] = elf.type === 1 ? mine : defined.map((s) => ({ name: s.name, addr: s.value, global: s.bind !== 0, func: s.type === 2 }));
    yield `\nDisassembly of section ${sec.name}:\n`;
    yield* disassembleSectionChunks(bytes.subarray(sec.offset, sec.offset + sec.size), m, sec.addr, mine, {
      addrDigits: elf.bits === 64 ? 16 : 8, sectionName: sec.name, symbolizeTargets: true, targetSymbols: targets,
    });
  }
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
    if (e instanceof ElfError || e instanceof RangeError) {
      process.stderr.write(`x86lab dis: ${args.file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
