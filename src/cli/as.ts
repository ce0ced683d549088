// `x86lab as`: assemble one AT&T source file like `as --64` / `as --32`.
// Diagnostics go to stderr as `FILE:LINE: Error: message`; on any error nothing is written
// (an existing -o file is removed, as GNU as does), and the exit status is 1.

import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { assemble } from '../asm/assemble.js';
import { formatDiagnostic, type Diagnostic } from '../asm/errors.js';
import type { AssembleResult } from '../asm/result.js';
import type { DisSymbol } from '../decode/listing.js';
import { FORMATS, render, type OutputFormat } from '../output/index.js';

export const usage = `usage: x86lab as [options] FILE.s|FILE.S|-

Assemble AT&T-syntax x86 assembly as GNU as 2.40 does (same bytes, same choices).
Files ending in .S or .sx (or any file with -x assembler-with-cpp) go through the built-in
C preprocessor first.

options:
  --64              assemble 64-bit code (default, like as --64)
  --32              assemble 32-bit code (like as --32)
  -o OUT            write the output to OUT (default: standard output)
  -f bin|json       output format (default: json)
                      json  sections (name, flags, hex, alignment), symbols, relocations left to
                            the linker, and a listing of every line that emitted bytes
                      bin   the raw bytes of .text (what objcopy -O binary -j .text gives from
                            GNU as's object); not written to a terminal
  --dis             print the disassembly of the assembled .text instead, as objdump -d prints
                    it from GNU as's object (from its "Disassembly of section .text:" line on)
  -I DIR            add DIR to the .include and #include search path
  --defsym SYM=VAL  define SYM as the absolute value VAL before assembling
  -D NAME[=VAL]     define a preprocessor macro (.S files)
  -U NAME           undefine a preprocessor macro (.S files)
  -include FILE     read FILE first, as if #include "FILE" began the source (.S files)
  -imacros FILE     like -include, but keep only FILE's macros (.S files)
  -x LANG           assembler-with-cpp: preprocess whatever the file name; assembler: never
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
  input?: string;
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

function parseArgs(argv: string[]): Args | 'help' {
  const a: Args = { mode: 64, format: 'json', dis: false, includeDirs: [], defsyms: [], defines: [], undefs: [], cmdline: [], preincludes: [] };
  const need = (i: number, opt: string): string => {
    const v = argv[i];
    if (v === undefined) throw new UsageError(`option ${opt} requires an argument`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const o = argv[i];
    if (o === '-h' || o === '--help') return 'help';
    else if (o === '--64') a.mode = 64;
    else if (o === '--32') a.mode = 32;
    else if (o === '-o') a.out = need(++i, o);
    else if (o === '--dis') a.dis = true;
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
    else if (o === '-' || !o.startsWith('-')) {
      if (a.input !== undefined) throw new UsageError('only one input file is supported');
      a.input = o;
    } else throw new UsageError(`unrecognized option '${o}'`);
  }
  if (a.input === undefined) throw new UsageError('no input file (use - for standard input)');
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

/** Removes a regular file only, like GNU as (`-o /dev/null` must never delete the device). */
function removeQuietly(path: string | undefined): void {
  if (path === undefined) return;
  try { if (statSync(path).isFile()) rmSync(path, { force: true }); } catch { /* nothing to remove */ }
}

function isSpecial(path: string): boolean {
  try { return !statSync(path).isFile(); } catch { return false; }
}

export async function run(argv: string[]): Promise<number> {
  let args: Args | 'help';
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
  const input = args.input!;
  const file = input === '-' ? '{standard input}' : input;
  let text: string;
  try {
    text = readFileSync(input === '-' ? 0 : input, 'utf8');
  } catch (e) {
    process.stderr.write(`x86lab as: can't open ${input} for reading: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`);
    removeQuietly(args.out);
    return 1;
  }
  const diags: Diagnostic[] = [];
  if (args.lang ? args.lang === 'assembler-with-cpp' : /\.(S|sx)$/.test(input)) {
    // Loaded only for .S input: plain .s files need not pay for the preprocessor at start-up.
    const { preprocess } = await import('../asm/cpp/index.js');
    const pp = preprocess(text, { file, includeDirs: args.includeDirs, defines: args.defines, undefs: args.undefs, commandLine: args.cmdline, mode: args.mode, preincludes: args.preincludes });
    diags.push(...pp.diagnostics);
    if (pp.diagnostics.some((d) => d.severity === 'error')) {
      report(diags, file);
      removeQuietly(args.out);
      return 1;
    }
    text = pp.text;
  }
  const result = assemble(text, {
    mode: args.mode, file, includeDirs: args.includeDirs, defsyms: args.defsyms, listing: args.format === 'json' && !args.dis,
  });
  diags.push(...result.diagnostics);
  report(diags, file);
  if (result.errors > 0) {
    removeQuietly(args.out);
    return 1;
  }
  const bytes = args.dis ? Buffer.from(await disassembly(result), 'utf8') : render(result, args.format, { file });
  if (args.out === undefined) {
    if (args.format === 'bin' && !args.dis && process.stdout.isTTY) {
      process.stderr.write('x86lab as: refusing to write binary output to a terminal; use -o FILE\n');
      return 2;
    }
    await new Promise<void>((res, rej) => process.stdout.write(bytes, (err) => (err ? rej(err) : res())));
    return 0;
  }
  // Write beside the target and rename, so a failed write never leaves a partial file; a device
  // or pipe (`-o /dev/null`) is written in place instead of being replaced.
  const tmp = `${args.out}.tmp-${process.pid}`;
  if (isSpecial(args.out)) {
    try { writeFileSync(args.out, bytes); } catch (e) {
      process.stderr.write(`x86lab as: can't write ${args.out}: ${(e as Error).message}\n`);
      return 1;
    }
    return 0;
  }
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, args.out);
  } catch (e) {
    removeQuietly(tmp);
    process.stderr.write(`x86lab as: can't write ${args.out}: ${(e as Error).message}\n`);
    return 1;
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
