// Assembles every arch/x86 `.S` file of a real Linux tree twice — with gcc (GNU as) and with
// x86lab — using the exact command Kbuild uses for it, and compares the objects: every section's
// bytes, every relocation (offset, type, symbol, addend) and every symbol (section, value, type,
// size, binding). x86lab writes a real ELF object (`-o`), read back like GNU's, so CFI tables and
// the DWARF of `gcc -g` count; "same" means the two objects are also byte-identical (`cmp`).
//
//   npm run kernel-compare -- KERNEL_SRC [--arch x86_64|i386|both] [--build DIR] [--only SUBSTR]
//                                         [--markdown FILE] [--verbose] [-g]
//
// KERNEL_SRC stays untouched: `make <arch>_defconfig prepare` runs into a build folder beside it
// (KERNEL_SRC-build-<arch>, or --build DIR-<arch>). Each file's compile command comes from the
// `.o.cmd` file Kbuild writes when it builds that one object; the object Kbuild built is not used
// (objtool rewrites it), gcc is run again with the same command into a scratch folder.
// Needs gcc, make, flex, bison, bc and libelf-dev (Debian: apt-get install flex bison libelf-dev bc).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { R32, R64, readObj, type Obj } from '../test/asm/object-view.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI to run (X86LAB_BIN overrides it, e.g. a copy of bin/ and dist/ kept still during a long run). */
const cli = process.env.X86LAB_BIN ?? join(repo, 'bin/x86lab.js');

interface Opts { src: string; arches: ('x86_64' | 'i386')[]; build?: string; only?: string; markdown?: string; verbose: boolean; forceG: boolean }

function parseArgs(argv: string[]): Opts {
  let src: string | undefined;
  let arch = 'both';
  const o: Partial<Opts> = { verbose: false, forceG: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--arch') arch = argv[++i];
    else if (a === '--build') o.build = argv[++i];
    else if (a === '--only') o.only = argv[++i];
    else if (a === '--markdown') o.markdown = argv[++i];
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    // -g: every file as if Kbuild had passed gcc -g (a stress test of the DWARF line table).
    else if (a === '-g') o.forceG = true;
    else if (!a.startsWith('-') && src === undefined) src = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!src) throw new Error('usage: kernel-compare KERNEL_SRC [--arch x86_64|i386|both] [--build DIR] [--only SUBSTR] [--markdown FILE]');
  const arches = arch === 'both' ? ['x86_64', 'i386'] as const : arch === 'x86_64' || arch === 'i386' ? [arch] : undefined;
  if (!arches) throw new Error(`--arch must be x86_64, i386 or both (got ${arch})`);
  return { ...o, src: resolve(src), arches: [...arches] } as Opts;
}

function run(cmd: string, args: string[], cwd: string, quiet = true): { ok: boolean; out: string; err: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: quiet ? 'pipe' : 'inherit' });
  return { ok: r.status === 0, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/** Every arch/x86 .S file, relative to the tree. */
function sources(src: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(join(src, d), { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.S') && !e.name.endsWith('.lds.S')) out.push(p); // linker scripts are only preprocessed
    }
  };
  walk('arch/x86');
  return out.sort();
}

/** Splits a shell command line (Kbuild's commands use plain words, '...' and "..." quoting). */
function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") { const j = s.indexOf("'", i + 1); cur += s.slice(i + 1, j); i = j; has = true; }
    else if (c === '"') {
      let j = i + 1;
      for (; s[j] !== '"'; j++) { if (s[j] === '\\') j++; cur += s[j]; }
      i = j; has = true;
    } else if (c === '\\' && i + 1 < s.length) { cur += s[++i]; has = true; }
    else if (c === ' ' || c === '\t') { if (has) out.push(cur); cur = ''; has = false; }
    else { cur += c; has = true; }
  }
  if (has) out.push(cur);
  return out;
}

/** The gcc command Kbuild saved for an object (`savedcmd_X := ...`, older trees `cmd_X := ...`). */
function savedCommand(build: string, obj: string): string[] | undefined {
  const f = join(build, dirname(obj), `.${obj.split('/').pop()}.cmd`);
  if (!existsSync(f)) return undefined;
  const m = /^(?:saved)?cmd_\S+ := (.*)$/m.exec(readFileSync(f, 'utf8'));
  if (!m) return undefined;
  // Only the compile step: objtool and friends follow after `;`.
  const first = m[1].split(/\s*;\s*/)[0];
  return shellWords(first);
}

// ---- x86lab's side -------------------------------------------------------------------------

interface LabJson {
  sections: { name: string; flags: string; type: string; size: number; hex: string }[];
  symbols: { name: string; section: string; value: number | string; binding: string; type?: string; size?: number | string }[];
  relocations: { section: string; offset: number; type: string; symbol: string; addend: number | string }[];
}

/** gcc's command -> x86lab as arguments (preprocessor and mode options; the rest is code generation). */
function labArgs(gcc: string[], cwd: string): { args: string[]; input: string } | undefined {
  const args: string[] = ['as', '-x', 'assembler-with-cpp'];
  let mode = '--64';
  let dwarf: string | undefined;
  let input: string | undefined;
  for (let i = 1; i < gcc.length; i++) {
    const a = gcc[i];
    const next = (): string => gcc[++i];
    if (a === '-I' || a === '-isystem' || a === '-iquote' || a === '-idirafter') args.push('-I', next());
    else if (a.startsWith('-I')) args.push('-I', a.slice(2));
    else if (a.startsWith('-isystem')) args.push('-I', a.slice(8));
    else if (a === '-D' || a === '-U') args.push(a + next());
    else if (a.startsWith('-D') || a.startsWith('-U')) args.push(a);
    else if (a === '-include' || a === '-imacros') args.push(a, next());
    else if (a === '-m32' || a === '-m16') mode = '--32'; // gcc -m16 runs as --32 (the source says .code16)
    else if (a === '-m64') mode = '--64';
    // gcc -g on a .S file runs `as --gdwarf-5` (gcc 12's default DWARF version); -gdwarf-N picks N.
    else if (a === '-g' || a === '-g2' || a === '-g3' || a === '-ggdb') dwarf ??= '--gdwarf-5';
    else if (/^-gdwarf-[2-5]$/.test(a)) dwarf = `-${a}`;
    else if (a.startsWith('-Wa,')) for (const w of a.slice(4).split(',')) { if (/^(-g|--gdwarf-?[2-5])$/.test(w)) dwarf = w; }
    else if (a === '-o' || a === '-MF' || a === '-MT' || a === '-x') i++;
    else if (!a.startsWith('-')) input = a;
  }
  if (!input) return undefined;
  args.push(mode, ...(dwarf ? [dwarf] : []), resolve(cwd, input));
  return { args, input };
}

/** x86lab's ELF object in the shape compare() reads (the same reader as GNU's object). */
function asLabJson(o: Obj): LabJson {
  const names = o.bits === 64 ? R64 : R32;
  return {
    sections: o.sections.filter((s) => s.name !== '' && !FORMAT_SECTIONS.has(s.type)).map((s) => ({ name: s.name, flags: '', type: String(s.type), size: s.size, hex: Buffer.from(s.bytes).toString('hex') })),
    symbols: o.symbols.map((s) => ({ name: s.name, section: s.section, value: s.value.toString(), binding: s.binding, type: s.type, size: s.size.toString() })),
    relocations: o.relocs.map((r) => ({ section: r.section, offset: r.offset, type: names[r.type] ?? String(r.type), symbol: r.symbol, addend: (r.addend ?? 0n).toString() })),
  };
}

// ---- comparison ------------------------------------------------------------------------------

/** Sections that carry the object format rather than assembled content. */
const FORMAT_SECTIONS = new Set([2, 3, 4, 9]); // symtab, strtab, rela, rel
const big = (x: number | string | undefined): bigint => BigInt(x ?? 0);

function compare(gnu: Obj, lab: LabJson): string[] {
  const diffs: string[] = [];
  const labSec = new Map(lab.sections.map((s) => [s.name, s]));
  for (const s of gnu.sections) {
    if (s.name === '' || FORMAT_SECTIONS.has(s.type)) continue;
    const l = labSec.get(s.name);
    if (!l) {
      // An empty .note.GNU-stack (gcc's marker, written by -Wa options some files get) holds nothing.
      if (s.size === 0 && s.name === '.note.GNU-stack') continue;
      diffs.push(`section ${s.name} missing`);
      continue;
    }
    labSec.delete(s.name);
    if (l.size !== s.size) diffs.push(`section ${s.name}: size ${l.size}, GNU ${s.size}`);
    else if (s.type !== 8 && l.hex !== Buffer.from(s.bytes).toString('hex')) {
      const lb = Buffer.from(l.hex, 'hex');
      let i = 0;
      while (lb[i] === s.bytes[i]) i++;
      diffs.push(`section ${s.name}: bytes differ at 0x${i.toString(16)}`);
    }
  }
  for (const [name, l] of labSec) if (l.size !== 0) diffs.push(`section ${name}: only in x86lab`);
  const names = gnu.bits === 64 ? R64 : R32;
  const key = (r: { section: string; offset: number }): string => `${r.section}+${r.offset}`;
  const labRel = new Map(lab.relocations.map((r) => [key(r), r]));
  for (const r of gnu.relocs) {
    const l = labRel.get(key(r));
    const want = `${names[r.type] ?? r.type} ${r.symbol}${r.addend !== undefined ? ` ${r.addend}` : ''}`;
    if (!l) { diffs.push(`reloc ${key(r)} missing (GNU ${want})`); continue; }
    labRel.delete(key(r));
    const got = `${l.type} ${l.symbol}${r.addend !== undefined ? ` ${big(l.addend)}` : ''}`;
    if (got !== want) diffs.push(`reloc ${key(r)}: ${got}, GNU ${want}`);
  }
  for (const [k, l] of labRel) diffs.push(`reloc ${k}: only in x86lab (${l.type} ${l.symbol})`);
  const labSym = new Map(lab.symbols.map((s) => [s.name, s]));
  for (const s of gnu.symbols) {
    const l = labSym.get(s.name);
    const want = `${s.section} ${s.value} ${s.type} ${s.size} ${s.binding}`;
    if (!l) { diffs.push(`symbol ${s.name} missing (GNU ${want})`); continue; }
    labSym.delete(s.name);
    const type = l.section === '*COM*' ? 'object' : l.type === 'tls' ? 'tls_object' : l.type ?? 'notype';
    const got = `${l.section} ${big(l.value)} ${type} ${big(l.size)} ${l.binding}`;
    if (got !== want) diffs.push(`symbol ${s.name}: ${got}, GNU ${want}`);
  }
  // GNU drops local labels (.L*) and local symbols equated to undefined ones from the object.
  for (const [name, l] of labSym) if (!name.startsWith('.L') && !(l.section === '*UND*' && l.binding === 'local')) diffs.push(`symbol ${name}: only in x86lab`);
  return diffs;
}

/** Instructions outside the general-purpose/system set (SSE, AVX and the like) used by a file. */
function usesVector(gnuObj: string, cwd: string): boolean {
  const r = run('objdump', ['-d', '--no-show-raw-insn', gnuObj], cwd);
  return /%[xyz]mm\d|%k[0-7]\b|%mm\d/.test(r.out);
}

interface Row { arch: string; file: string; status: 'same' | 'same but -g' | 'differs' | 'rejected' | 'gcc-fails' | 'not built'; vector: boolean; detail: string }

/** DWARF that `as` writes for `gcc -g` (its own line table of the .S file): x86lab writes none. */
const DWARF_G = /(^| )(section|reloc) \.debug_(line|line_str|info|abbrev|aranges|str|rnglists)\b/;

function prepare(src: string, build: string, arch: string): void {
  mkdirSync(build, { recursive: true });
  if (!existsSync(join(build, '.config'))) {
    process.stderr.write(`[${arch}] make ${arch}_defconfig\n`);
    const r = run('make', [`O=${build}`, `ARCH=${arch}`, `${arch}_defconfig`], src);
    if (!r.ok) throw new Error(`make ${arch}_defconfig failed:\n${r.out}${r.err}`);
  }
  process.stderr.write(`[${arch}] make prepare\n`);
  const r = run('make', [`O=${build}`, `ARCH=${arch}`, `-j${Math.max(1, Math.min(4, (process.env.JOBS ? Number(process.env.JOBS) : 2)))}`, 'prepare'], src);
  if (!r.ok) throw new Error(`make prepare failed (is the source tree clean? it must hold no .config):\n${r.out.slice(-2000)}${r.err.slice(-2000)}`);
}

function compareArch(o: Opts, arch: 'x86_64' | 'i386'): Row[] {
  const build = o.build ? `${resolve(o.build)}-${arch}` : `${o.src}-build-${arch}`;
  prepare(o.src, build, arch);
  const files = sources(o.src).filter((f) => !o.only || f.includes(o.only));
  const objs = files.map((f) => f.replace(/\.S$/, '.o'));
  // One make run builds every object it can (-k); each leaves its command in a .cmd file.
  const missing = objs.filter((x) => !savedCommand(build, x));
  if (missing.length) {
    process.stderr.write(`[${arch}] building ${missing.length} objects for their commands\n`);
    run('make', [`O=${build}`, `ARCH=${arch}`, '-k', ...missing], o.src);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kernel-compare-'));
  const rows: Row[] = [];
  try {
    for (const [i, file] of files.entries()) {
      let cmd = savedCommand(build, objs[i]);
      if (!cmd || !cmd.includes('-c')) { rows.push({ arch, file, status: 'not built', vector: false, detail: 'Kbuild has no command for it' }); continue; }
      const gnuObj = join(scratch, 'gnu.o');
      rmSync(gnuObj, { force: true });
      const gccArgs: string[] = [];
      for (let k = 1; k < cmd.length; k++) {
        if (cmd[k] === '-o') { gccArgs.push('-o', gnuObj); k++; }
        else if (cmd[k].startsWith('-Wp,-MMD') || cmd[k].startsWith('-Wp,-MD')) continue;
        else gccArgs.push(cmd[k]);
      }
      if (o.forceG) { cmd = [...cmd, '-g']; gccArgs.push('-g'); }
      const g = run(cmd[0], gccArgs, build);
      if (!g.ok) { rows.push({ arch, file, status: 'gcc-fails', vector: false, detail: g.err.split('\n')[0] }); continue; }
      const vector = usesVector(gnuObj, build);
      const la = labArgs(cmd, build)!;
      const labObj = join(scratch, 'lab.o');
      rmSync(labObj, { force: true });
      const x = run(process.execPath, [cli, ...la.args.slice(0, 1), '-o', labObj, ...la.args.slice(1)], build);
      if (!x.ok) {
        const errs = x.err.split('\n').filter((l) => /Error:/.test(l));
        rows.push({ arch, file, status: 'rejected', vector, detail: `${errs.length} errors; first: ${(errs[0] ?? x.err.split('\n')[0]).replace(/^.*?Error: /, '')}` });
        continue;
      }
      const gnuBytes = readFileSync(gnuObj);
      const labBytes = readFileSync(labObj);
      const diffs = compare(readObj(gnuBytes), asLabJson(readObj(labBytes)));
      if (!diffs.length && !gnuBytes.equals(labBytes)) diffs.push('object files differ (cmp) though every section, relocation and symbol matches');
      const real = diffs.filter((d) => !DWARF_G.test(d));
      const status = real.length ? 'differs' : diffs.length ? 'same but -g' : 'same';
      rows.push({ arch, file, status, vector, detail: real.length ? `${real.length} differences; first: ${real[0]}` : diffs.length ? 'all but the DWARF line info `as` writes for gcc -g' : '' });
      if (o.verbose && diffs.length) process.stderr.write(`${file}:\n  ${diffs.slice(0, 20).join('\n  ')}\n`);
      process.stderr.write(`[${arch}] ${rows[rows.length - 1].status.padEnd(9)} ${file}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

function table(rows: Row[], version: string): string {
  const lines = [`| arch | file | result | SSE/AVX | first difference |`, `| --- | --- | --- | --- | --- |`];
  for (const r of rows) lines.push(`| ${r.arch} | ${r.file} | ${r.status} | ${r.vector ? 'yes' : ''} | ${r.detail.replace(/\|/g, '\\|')} |`);
  const sum: string[] = [`Linux ${version}:`, ''];
  for (const arch of [...new Set(rows.map((r) => r.arch))]) {
    const a = rows.filter((r) => r.arch === arch);
    const built = a.filter((r) => r.status !== 'gcc-fails' && r.status !== 'not built');
    const gp = built.filter((r) => !r.vector);
    const count = (xs: Row[], s: Row['status']): number => xs.filter((r) => r.status === s).length;
    sum.push(`- ${arch}: ${count(built, 'same')}/${built.length} identical of the files gcc assembles `
      + `(general-purpose only: ${count(gp, 'same')}/${gp.length}; with SSE/AVX: ${count(built, 'same') - count(gp, 'same')}/${built.length - gp.length}); `
      + `${count(built, 'same but -g')} identical except the DWARF of gcc -g, ${count(built, 'differs')} differ, ${count(built, 'rejected')} rejected; `
      + `${a.length - built.length} not assembled by gcc/Kbuild in this config`);
  }
  return `${sum.join('\n')}\n\n${lines.join('\n')}\n`;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  if (!process.env.X86LAB_BIN && !existsSync(join(repo, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (x86lab runs from dist/)');
  const mk = readFileSync(join(o.src, 'Makefile'), 'utf8');
  const field = (k: string): string => new RegExp(`^${k} = (.*)$`, 'm').exec(mk)?.[1] ?? '';
  const version = `${field('VERSION')}.${field('PATCHLEVEL')}.${field('SUBLEVEL')}${field('EXTRAVERSION')}`;
  const rows: Row[] = [];
  for (const arch of o.arches) rows.push(...compareArch(o, arch));
  const text = table(rows, version);
  process.stdout.write(text);
  if (o.markdown) writeFileSync(o.markdown, text);
}

main();
