// Assemble handler listings and link them, with ELF relocatable objects, for the harness: the
// built-in C preprocessor (for .S), the team's assembler, then the static linker of src/link/
// (sections merged by name in input order, each output section at the next address aligned to
// max(4 KiB, its alignment) from LOAD_BASE, symbols resolved as ld resolves them, relocations
// applied). An ELF executable made by ld loads as it is. docs/harness.md describes the layout.

import { assemble } from '../asm/assemble.js';
import { preprocess, type CppClock } from '../asm/cpp/index.js';
import { formatDiagnostic, type Diagnostic } from '../asm/errors.js';
import type { AssembleResult } from '../asm/result.js';
import { isReadFailure, MAX_SOURCE_BYTES, openBinaryFile, readSourceFile, type ReadFailure } from '../asm/files.js';
import { ElfError, ET_EXEC, ET_REL, isElf, readElf } from '../elf/read.js';
import { LinkError } from '../link/errors.js';
import { isArchive, selectMembers, symbolState } from '../link/archive.js';
import { imageFromExecutable } from '../link/exec.js';
import type { Image } from '../link/image.js';
import { inputFromAssembly, inputFromElf, type LinkInput } from '../link/input.js';
import { linkInputs, LOAD_BASE } from '../link/link.js';
import { INCLUDE_DIR } from './include-dir.js';

export { LOAD_BASE, LinkError };
export type { Image, LoadedSection } from '../link/image.js';

/** The package's include directory (holds x86lab/harness.h). */
export { INCLUDE_DIR };

export interface LoadOptions {
  mode?: 32 | 64;
  /** File name for diagnostics (and for finding relative #include / .include files). */
  file?: string;
  includeDirs?: readonly string[];
  /** -D NAME[=VAL] for the preprocessor. */
  defines?: readonly string[];
  undefs?: readonly string[];
  readFile?: (path: string) => string | ReadFailure | undefined;
  /** What __DATE__/__TIME__ show (default: the local time now). */
  clock?: CppClock;
  /** How loadFiles reads an input (default: readFileSync); the CLI passes its bounded reader. */
  readBytes?: (path: string) => Uint8Array;
}

/** A listing that cannot be assembled or linked; message holds GNU-style `file:line: Error:` lines. */
export class LoadError extends Error {
  /** 'link': message lines are the linker's, worded as ld words them (no assembler header). */
  constructor(message: string, readonly diagnostics: readonly Diagnostic[] = [], readonly stage: 'assemble' | 'link' = 'assemble', readonly file?: string) {
    super(message);
    this.name = 'LoadError';
  }
}

export function loadFile(path: string, opts: LoadOptions = {}): Image {
  const text = readSourceFile(path);
  if (text === undefined) throw new LoadError(`can't open ${path} for reading: No such file or directory`);
  if (isReadFailure(text)) throw new LoadError(`can't read from ${path}: ${text.error}`);
  return loadSource(text, { ...opts, file: opts.file ?? path });
}

export function loadSource(text: string, opts: LoadOptions = {}): Image {
  // One listing is the single-input case of loadFiles: assemble it, then link it alone.
  const { input, diagnostics } = assembleInput(text, opts);
  try {
    return linkInputs([input], { diagnostics });
  } catch (e) {
    if (e instanceof LinkError) throw new LoadError(e.message, diagnostics, 'link');
    throw e;
  }
}

/** Link one assembly on its own (the single-listing case of linkInputs). */
export function link(res: AssembleResult, file: string, diags: readonly Diagnostic[] = []): Image {
  try {
    return linkInputs([inputFromAssembly(res, file)], { diagnostics: diags });
  } catch (e) {
    if (e instanceof LinkError) throw new LoadError(e.message, diags, 'link');
    throw e;
  }
}


/** Assemble one listing to link input (throws LoadError with GNU-style messages). */
export function assembleInput(text: string, opts: LoadOptions = {}): { input: LinkInput; diagnostics: Diagnostic[] } {
  const mode = opts.mode ?? 64;
  const file = opts.file ?? 'listing.S';
  const includeDirs = [...(opts.includeDirs ?? []), INCLUDE_DIR];
  const diags: Diagnostic[] = [];
  let src = text;
  if (!file.endsWith('.s')) {
    const pp = preprocess(text, { file, includeDirs, defines: opts.defines ?? [], undefs: opts.undefs ?? [], mode, ...(opts.readFile ? { readFile: opts.readFile } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
    diags.push(...pp.diagnostics);
    if (pp.diagnostics.some((d) => d.severity === 'error')) throw new LoadError(diags.map(formatDiagnostic).join('\n'), diags);
    src = pp.text;
  }
  const res = assemble(src, { mode, file, includeDirs, ...(opts.readFile ? { readFile: opts.readFile } : {}) });
  diags.push(...res.diagnostics);
  if (res.errors > 0) throw new LoadError(diags.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'), diags);
  return { input: inputFromAssembly(res, file), diagnostics: diags };
}

/**
 * Load several inputs as one image: listings (.s/.S, assembled in opts.mode), ELF relocatable
 * objects, or a single ELF executable. Throws LoadError: stage 'assemble' with GNU as messages,
 * stage 'link' with ld's (also for a file that is not usable ELF; the message names the file).
 */
/** An input's bytes: the caller's reader, or a regular file under the source size limit. */
function readInputBytes(path: string, opts: LoadOptions): Uint8Array {
  if (opts.readBytes) return opts.readBytes(path);
  const f = openBinaryFile(path);
  if (f === undefined) throw new LoadError(`can't open ${path} for reading: No such file or directory`);
  if (isReadFailure(f)) throw new LoadError(`can't read from ${path}: ${f.error}`);
  if (f.size > MAX_SOURCE_BYTES) throw new LoadError(`can't read from ${path}: file too large (${f.size} bytes; the limit is ${MAX_SOURCE_BYTES >> 20} MiB)`);
  return f.read(0, f.size);
}

export function loadFiles(paths: readonly string[], opts: LoadOptions = {}): Image {
  const inputs: LinkInput[] = [];
  const diags: Diagnostic[] = [];
  const files = paths.map((path) => ({ path, bytes: readInputBytes(path, opts) }));
  // Without --32/--64, the first ELF object decides how the listings are assembled (ELFCLASS32: 32).
  const firstElf = files.find((f) => isElf(f.bytes) && f.bytes.length > 4);
  let mode = opts.mode ?? (firstElf ? (firstElf.bytes[4] === 1 ? 32 : 64) : undefined);
  for (const { path, bytes } of files) {
    if (isArchive(bytes) || /\.a$/.test(path)) {
      // A static archive: the members defining what the inputs so far leave undefined (as ld does).
      try {
        const st = symbolState(inputs);
        inputs.push(...selectMembers(bytes, path, st.undefined, st.defined));
      } catch (e) {
        if (e instanceof LinkError) throw new LoadError(e.message, [], 'link');
        throw e;
      }
      continue;
    }
    if (isElf(bytes) || /\.(o|elf)$/.test(path)) {
      try {
        const elf = readElf(bytes);
        if (elf.type === ET_EXEC) {
          if (paths.length > 1) throw new LinkError([`${path}: an executable cannot be linked with other inputs`]);
          return imageFromExecutable(bytes, path, elf);
        }
        if (elf.type !== ET_REL) throw new ElfError('format', `ELF type ${elf.type} is neither a relocatable object nor an executable`);
        const input = inputFromElf(bytes, path, elf);
        mode ??= input.mode;
        inputs.push(input);
      } catch (e) {
        if (e instanceof ElfError) throw new LoadError(`${path}: ${e.message}`, [], 'link');
        if (e instanceof LinkError) throw new LoadError(e.message, [], 'link');
        throw e;
      }
      continue;
    }
    const text = new TextDecoder().decode(bytes);
    let assembled: ReturnType<typeof assembleInput>;
    try {
      assembled = assembleInput(text, { ...opts, mode: mode ?? 64, file: path });
    } catch (e) {
      if (e instanceof LoadError) throw new LoadError(e.message, e.diagnostics, 'assemble', path);
      throw e;
    }
    const { input, diagnostics } = assembled;
    inputs.push(input);
    diags.push(...diagnostics);
  }
  try {
    return linkInputs(inputs, { diagnostics: diags });
  } catch (e) {
    if (e instanceof LinkError) throw new LoadError(e.message, diags, 'link');
    throw e;
  }
}
