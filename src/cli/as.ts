// `x86lab as`: assemble one AT&T source file like `as --64` / `as --32`.
// Diagnostics go to stderr as `FILE:LINE: Error: message`; on any error nothing is written
// (an existing -o file is removed, as GNU as does), and the exit status is 1.

import { hostClock } from './clock.js';
import { lstatSync, readFileSync, rmSync, statSync } from 'node:fs';
import { assemble } from '../asm/assemble.js';
import { formatDiagnostic, type Diagnostic } from '../asm/errors.js';
import { applyGasOption, gasOptionsError, type MutableGasOptions } from '../asm/gas-options.js';
import type { AssembleResult } from '../asm/result.js';
import type { DisSymbol } from '../decode/listing.js';
import { withDwarfLines } from '../output/dwarf-line.js';
import { debugCompressor } from './deflate.js';
import { ElfError } from '../output/elf.js';
import { listingFlags } from '../output/gnu-listing.js';
import { FORMATS, render, type OutputFormat } from '../output/index.js';
import { IoError, prepareOutput, readInputText, writeOutput, type OutputTarget } from './io.js';
import { INCLUDE_DIR } from '../harness/include-dir.js';
import { VERSION } from './main.js';

export const usage = `usage: x86lab as [options] [FILE.s|FILE.S|-]...

Assemble AT&T-syntax x86 assembly as GNU as 2.40 does (same bytes, same choices).
Files ending in .S or .sx (or any file with -x assembler-with-cpp) go through the built-in
C preprocessor first. Several files are assembled as one, in order, as GNU as does; with no
file (or -), standard input is read. The package's include/ directory (x86lab/harness.h) is
searched after the -I directories.

options:
  --64              assemble 64-bit code (default, like as --64)
  --32              assemble 32-bit code (like as --32)
  -o OUT            write the output to OUT (default: a.out for elf, standard output otherwise;
                    - is standard output)
  -f elf|bin|json   output format (default: elf)
                      elf   an ELF relocatable object (ELF64 for --64, ELF32 for --32), as GNU as
                            writes it
                      json  sections (name, flags, hex, alignment), symbols, relocations left to
                            the linker, and a listing of every line that emitted bytes
                      bin   the raw bytes of .text (what objcopy -O binary -j .text gives from
                            GNU as's object); not written to a terminal
  -a[cdhlmns][=FILE]
                    GNU's assembly listing (line, offset, bytes, source; pages of 60 lines, -an
                    without pages) and symbol table (s; plain -a is -ahls) to FILE or standard
                    output; m adds macro and .rept expansions, c leaves out false conditionals,
                    d debug sections; h (no -g) only changes where block bytes show
  --dis             print the disassembly of the assembled .text instead, as objdump -d prints
                    it from GNU as's object (from its "Disassembly of section .text:" line on)
  -g, --gdwarf-N    DWARF line information for the assembly source (N = 2..5; -g is 2), as GNU
                    as writes it (gcc -g passes --gdwarf-5)
  --compress-debug-sections[=zlib|zlib-gabi|zlib-gnu|none]
                    zlib-compress the .debug_* sections as GNU as 2.40 does
  -I DIR            add DIR to the .include and #include search path
  --defsym SYM=VAL  define SYM as the absolute value VAL before assembling
  -D NAME[=VAL]     define a preprocessor macro (.S files)
  -U NAME           undefine a preprocessor macro (.S files)
  -include FILE     read FILE first, as if #include "FILE" began the source (.S files)
  -imacros FILE     like -include, but keep only FILE's macros (.S files)
  -x LANG           assembler-with-cpp: preprocess whatever the file name; assembler: never
  -march=CPU[+EXT..] -mtune=CPU -O0|-O|-O1|-O2|-Os -malign-branch-boundary=N -malign-branch=TYPES
  -malign-branch-prefix-size=N -mbranches-within-32B-boundaries -mlfence-before-ret=or|not|shl
  -mlfence-before-indirect-branch=all|register|memory -momit-lock-prefix=yes -mfence-as-lock-add=yes
  -madd-bnd-prefix -mrelax-relocations=no -mshared -n --strip-local-absolute ...
                    GNU as's machine options, with GNU's bytes (docs/gas-suite.md lists them all)
  -msyntax=intel|att
                    start in Intel or AT&T syntax (.intel_syntax/.att_syntax switch within a file)
  -mnaked-reg       registers need no % prefix
  -mintel64         accept the Intel64-only forms (lfs to a 64-bit register, lcallq *m, ...)
  -v                print the version on standard error, then assemble
  --version         print the version and exit
  -h, --help        show this help

exit status: 0 success, 1 assembly errors (reported on stderr, no output written), 2 usage errors.
`;

interface Args {
  mode: 32 | 64;
  out?: string;
  format: OutputFormat;
  /** --dis: write objdump -d text of .text instead of the output format. */
  dis: boolean;
  includeDirs: string[];
  defsyms: [string, bigint][];
  defines: string[];
  undefs: string[];
  /** -D/-U in command-line order (the preprocessor applies them in order, as gcc does). */
  cmdline: ['D' | 'U', string][];
  /** -include / -imacros in command-line order. */
  preincludes: ['include' | 'imacros', string][];
  /** -x: force (or forbid) preprocessing regardless of the file name. */
  lang?: 'assembler' | 'assembler-with-cpp';
  inputs: string[];
  /** -msyntax=intel|att, -mnaked-reg: the syntax the source starts in. */
  syntax?: 'att' | 'intel';
  nakedReg?: boolean;
  /** -v: print the version line (on stderr, as GNU as does) before assembling. */
  verbose: boolean;
  /** -a...: GNU listing wanted ('' = standard output), and -an (no paging). */
  listing?: { file: string } & ReturnType<typeof listingFlags>;
  /** GNU's machine options (-march=, -mtune=, -O, ...): gas-options.ts. */
  gas: MutableGasOptions;
}

class UsageError extends Error {}

function parseValue(text: string): bigint {
  const t = text.trim();
  const neg = t.startsWith('-');
  const body = neg ? t.slice(1) : t;
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) v = BigInt(body);
  else if (/^0[bB][01]+$/.test(body)) v = BigInt(body);
  else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else if (/^[0-9]+$/.test(body)) v = BigInt(body);
  else throw new UsageError(`bad defsym; format is --defsym name=value`);
  return neg ? -v : v;
}

/** GNU as's version line, naming the GNU release whose output x86lab reproduces. */
export const versionLine = (): string => `x86lab assembler ${VERSION} (GNU assembler 2.40 compatible)`;

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const a: Args = { mode: 64, format: 'elf', dis: false, includeDirs: [], defsyms: [], defines: [], undefs: [], cmdline: [], preincludes: [], inputs: [], verbose: false, gas: {} };
  const need = (i: number, opt: string): string => {
    const v = argv[i];
    if (v === undefined) throw new UsageError(`option ${opt} requires an argument`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const o = argv[i];
    if (o === '-h' || o === '--help') return 'help';
    else if (o === '--version') return 'version';
    else if (o === '-v' || o === '--verbose') a.verbose = true;
    else if (o === '-msyntax=intel' || o === '-msyntax=att') a.syntax = o === '-msyntax=intel' ? 'intel' : 'att';
    else if (o === '-mnaked-reg') a.nakedReg = true;
    else if (o === '-mintel64') a.gas.intel64 = true;
    else if (o === '--64') a.mode = 64;
    else if (o === '--32') a.mode = 32;
    else if (o === '-o') a.out = need(++i, o);
    else if (o === '--dis') a.dis = true;
    else if (/^-a[cdghlmns]*(=.*)?$/.test(o)) {
      const eq = o.indexOf('=');
      const letters = o.slice(2, eq < 0 ? undefined : eq);
      a.listing = { file: eq < 0 ? '' : o.slice(eq + 1), ...listingFlags(letters) };
    }
    else if (o === '-f' || o === '--format') {
      const f = need(++i, o);
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown output format '${f}' (expected ${FORMATS.join(' or ')})`);
      a.format = f as OutputFormat;
    } else if (o === '-I') a.includeDirs.push(need(++i, o));
    else if (o.startsWith('-I') && o.length > 2) a.includeDirs.push(o.slice(2));
    else if (o === '--defsym' || o.startsWith('--defsym=')) {
      const d = o === '--defsym' ? need(++i, o) : o.slice('--defsym='.length);
      const eq = d.indexOf('=');
      if (eq <= 0) throw new UsageError('bad defsym; format is --defsym name=value');
      a.defsyms.push([d.slice(0, eq), parseValue(d.slice(eq + 1))]);
    } else if (o === '-include' || o === '-imacros') a.preincludes.push([o.slice(1) as 'include' | 'imacros', need(++i, o)]);
    else if (o.startsWith('-D') || o.startsWith('-U')) {
      const v = o.length > 2 ? o.slice(2) : need(++i, o);
      (o[1] === 'D' ? a.defines : a.undefs).push(v);
      a.cmdline.push([o[1] as 'D' | 'U', v]);
    } else if (o === '-x' || (o.startsWith('-x') && o.length > 2)) {
      const l = o.length > 2 ? o.slice(2) : need(++i, o);
      if (l !== 'assembler' && l !== 'assembler-with-cpp') throw new UsageError(`unsupported language '${l}' for -x (expected assembler or assembler-with-cpp)`);
      a.lang = l;
    }
    else if (o === '-' || !o.startsWith('-')) a.inputs.push(o);
    else if (applyGasOption(a.gas, o)) continue;
    else throw new UsageError(`unrecognized option '${o}'`);
  }
  // GNU as reads standard input when no file is named.
  if (a.inputs.length === 0) a.inputs.push('-');
  return a;
}

function report(diags: readonly Diagnostic[], file: string): void {
  let out = '';
  for (const d of diags) {
    // `.print` text goes to stdout as GNU prints it; everything else is a diagnostic on stderr.
    if (d.stdout) process.stdout.write(d.message + '\n');
    else out += formatDiagnostic(d) + '\n';
  }
  if (out) process.stderr.write(`${file}: Assembler messages:\n${out}`);
}

/**
 * On errors GNU as removes an old output, but only an ordinary file (its unlink_if_ordinary looks
 * at the path itself): `-o /dev/null` must never delete the device, nor `-o LINK` the link.
 */
function removeQuietly(target: OutputTarget | undefined): void {
  if (target?.how !== 'replace') return;
  try { if (lstatSync(target.path).isFile()) rmSync(target.path, { force: true }); } catch { /* nothing to remove */ }
}

/** GNU as's fatal errors come before any file is named: "Assembler messages:" then the message. */
function fatal(message: string): number {
  process.stderr.write(`Assembler messages:\nFatal error: ${message}\n`);
  return 1;
}

export async function run(argv: string[]): Promise<number> {
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`x86lab as: ${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${versionLine()}\n`);
    return 0;
  }
  if (args.verbose) process.stderr.write(`${versionLine()}\n`);
  const badOption = gasOptionsError(args.mode, args.gas);
  if (badOption !== undefined) return fatal(badOption);
  const inputs = args.inputs;
  const nameOf = (input: string): string => (input === '-' ? '{standard input}' : input);
  const file = nameOf(inputs[0]);
  // Like GNU as, an object with no -o goes to a.out.
  if (args.out === undefined && args.format === 'elf' && !args.dis) args.out = 'a.out';
  // The output is checked before anything is read or written: never an input, always creatable.
  let target: OutputTarget | undefined;
  try {
    target = args.out === undefined ? undefined : prepareOutput(args.out, inputs);
  } catch (e) {
    if (e instanceof IoError) return fatal(e.message);
    throw e;
  }
  const diags: Diagnostic[] = [];
  // The package's include/ comes last, after -I (as `x86lab run` searches it).
  const includeDirs = [...args.includeDirs, INCLUDE_DIR];
  const parts: string[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = readInputText(input);
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      process.stderr.write(`x86lab as: ${e.message}\n`);
      removeQuietly(target);
      return 1;
    }
    const name = nameOf(input);
    if (args.lang ? args.lang === 'assembler-with-cpp' : /\.(S|sx)$/.test(input)) {
      // Loaded only for .S input: plain .s files need not pay for the preprocessor at start-up.
      const { preprocess } = await import('../asm/cpp/index.js');
      const pp = preprocess(text, { file: name, includeDirs, defines: args.defines, undefs: args.undefs, commandLine: args.cmdline, mode: args.mode, clock: hostClock(), preincludes: args.preincludes });
      diags.push(...pp.diagnostics);
      if (pp.diagnostics.some((d) => d.severity === 'error')) {
        report(diags, name);
        removeQuietly(target);
        return 1;
      }
      text = pp.text;
    } else if (inputs.length > 1) {
      // GNU as reads several files as one stream; a line marker keeps each file's own positions.
      text = `# 1 "${name}"\n${text}`;
    }
    parts.push(inputs.length > 1 && !text.endsWith('\n') ? text + '\n' : text);
  }
  const text = parts.length === 1 ? parts[0] : parts.join('');
  const result = assemble(text, {
    mode: args.mode, file, includeDirs: args.includeDirs, fallbackIncludeDirs: [INCLUDE_DIR], defsyms: args.defsyms, gas: args.gas, syntax: args.syntax, nakedReg: args.nakedReg, listing: (args.format === 'json' && !args.dis) || args.listing !== undefined,
    debugLines: args.gas.dwarf !== undefined,
    listingTrace: args.listing !== undefined,
  });
  diags.push(...result.diagnostics);
  // GNU heads the messages with the file being read when the first one was reported.
  report(diags, inputs.length > 1 && diags.length ? diags[0].loc.file : file);
  if (result.errors > 0) {
    removeQuietly(target);
    return 1;
  }
  if (args.listing) {
    const { gnuListing } = await import('../output/gnu-listing.js');
    const { file: _to, ...flags } = args.listing;
    const readFile = (p: string): string | undefined => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
    const lst = gnuListing(result, { file, source: text, ...flags, readFile });
    // Through io.ts like every output: never an input, a link written through, `-` is stdout.
    try {
      writeOutput(prepareOutput(args.listing.file || '-', inputs), lst);
    } catch (e) {
      if (e instanceof IoError) return fatal(e.message);
      throw e;
    }
  }
  let bytes: Uint8Array;
  try {
    // DWARF lines from -g/--gdwarf-N, or from the source's own .file N/.loc (gcc -g -S output).
    const dwarf = args.gas.dwarf;
    // Also without either, for a source with its own .debug_info: GNU adds a .debug_line (its
    // version-3 header, no files) to that; no working directory is named there.
    const here = dwarf || result.locLines ? workingDir() : '';
    const out = withDwarfLines(result, dwarf ? { version: dwarf, compDir: here } : undefined, here);
    const compress = args.gas.compressDebug ? await debugCompressor(args.gas.compressDebug) : undefined;
    bytes = args.dis ? Buffer.from(await disassembly(result), 'utf8') : render(out, args.format, { file, compress });
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    process.stderr.write(`x86lab as: ${e.message}\n`);
    removeQuietly(target);
    return 1;
  }
  if (target === undefined || target.how === 'stdout') {
    if ((args.format === 'bin' || args.format === 'elf') && !args.dis && process.stdout.isTTY) {
      process.stderr.write('x86lab as: refusing to write binary output to a terminal; use -o FILE\n');
      return 2;
    }
  }
  // A regular file is written beside the target and renamed into place (a failed write leaves no
  // partial file); a device or pipe is written in place; `-` or no -o is standard output.
  try {
    writeOutput(target ?? prepareOutput('-', []), bytes);
  } catch (e) {
    if (e instanceof IoError) return fatal(e.message);
    throw e;
  }
  return 0;
}

/**
 * `--dis`: .text as `objdump -d` lists it from GNU as's object. The symbols are those GNU as puts in
 * the object's symbol table: no `.L` locals (nor x86lab's internal names for `1:` labels and late
 * expressions), plus the `.text` section symbol when a relocation refers to it.
 */
async function disassembly(r: AssembleResult): Promise<string> {
  const text = r.sections.find((s) => s.name === '.text');
  if (!text || text.size === 0) return '';
  // Loaded only here: plain assembly need not pay for the decoder's tables at start-up.
  const { disassembleSection } = await import('../decode/listing.js');
  const syms = r.symbols
    .filter((s) => s.section === '.text' && !s.name.startsWith('.L') && !/[\x01\x02]/.test(s.name))
    .map((s): DisSymbol => ({
      name: s.name, addr: s.value, global: s.binding === 'global', local: s.binding === 'local',
      func: s.type === 'function', object: s.type === 'object', size: s.size === undefined ? undefined : Number(s.size),
    }));
  // objdump names branch targets after the section symbol when nothing better is there, but never
  // starts a block with it (a section without a symbol at 0 opens with `<first-0x..>`).
  const targets = r.relocations.some((x) => x.symbol === '.text') ? [...syms, { name: '.text', addr: 0n, section: true }] : syms;
  return `Disassembly of section .text:\n${disassembleSection(text.bytes, r.mode, 0n, syms, {
    symbolizeTargets: true, targetSymbols: targets, sectionName: '.text', addrDigits: r.mode === 64 ? 16 : 8,
  })}`;
}

/** The working directory as GNU's getpwd() names it: $PWD when that is the same directory. */
function workingDir(): string {
  const cwd = process.cwd();
  const pwd = process.env.PWD;
  try {
    if (pwd && pwd.startsWith('/')) {
      const a = statSync(pwd);
      const b = statSync('.');
      if (a.ino === b.ino && a.dev === b.dev) return pwd;
    }
  } catch { /* fall back to the real path */ }
  return cwd;
}
