// Every file the CLI reads or writes goes through here, so that bad paths never cost data:
// - inputs are regular files read whole under a size limit (a device or FIFO is refused unless it
//   is standard input, `-`); a directory gives "Is a directory", as GNU as says;
// - an output that is the same file as an input (same device and inode, also through links) is
//   refused before anything is opened for writing (GNU as: "The input 'x.s' and output 'x.s'
//   files are the same");
// - an output that is (or links to) a regular file is written to a temporary file beside the real
//   target and renamed onto it only on success, so a failed run leaves the old file as it was and a
//   symbolic link stays a link; anything else (a device, FIFO, terminal, /dev/null, /dev/stdout,
//   /proc/self/fd/N) is written in place and never removed or replaced, as GNU as does;
// - `-` is standard output wherever a file is written, and a reader that goes away (EPIPE) ends the
//   command quietly instead of with a stack trace.

import {
  accessSync, chmodSync, closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync,
  renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Largest input file read whole (sources, snapshots, listings, objects). */
export const MAX_INPUT_BYTES = 64 << 20;

/** A file problem the user can fix: `message` is GNU-worded and has no program prefix. */
export class IoError extends Error {
  constructor(message: string, readonly kind: 'read' | 'create' | 'same' = 'read') {
    super(message);
    this.name = 'IoError';
  }
}

/** The reader of standard output went away: stop working and exit quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
    this.name = 'OutputClosed';
  }
}

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory', EISDIR: 'Is a directory', ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied', EPERM: 'Operation not permitted', EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device', EDQUOT: 'Disk quota exceeded', ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long', EMFILE: 'Too many open files', ENXIO: 'No such device or address',
  ETXTBSY: 'Text file busy', EFBIG: 'File too large', EIO: 'Input/output error', EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy', EEXIST: 'File exists', EAGAIN: 'Resource temporarily unavailable',
};

/** The C library's text for a Node file-system error (what GNU tools print after the colon). */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && STRERROR[code]) return STRERROR[code];
  return e instanceof Error ? e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '') : String(e);
}

function statOrUndefined(path: string): Stats | undefined {
  try { return statSync(path); } catch { return undefined; }
}

let devNull: Stats | undefined | null = null;
function isDevNull(st: Stats): boolean {
  if (devNull === null) devNull = statOrUndefined('/dev/null');
  return !!devNull && st.isCharacterDevice() && st.rdev === devNull.rdev;
}

/** Sleeps briefly without a timer (a non-blocking descriptor said "try again"). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/**
 * One read from a descriptor at its current position: 0 at the end. A non-blocking descriptor
 * that has nothing yet (EAGAIN: a pipe or terminal on stdin) is waited for, not treated as the end.
 */
function readChunk(fd: number, buf: Buffer, name: string): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { pause(); continue; }
      if (code === 'EOF') return 0;
      throw new IoError(`can't read from ${name}: ${reason(e)}`);
    }
  }
}

/** Reads a descriptor to its end, refusing more than `limit` bytes. */
function readAll(fd: number, name: string, limit: number, sizeHint = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let buf = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 65536), limit + 1));
  for (;;) {
    const n = readChunk(fd, buf, name);
    if (n === 0) break;
    total += n;
    if (total > limit) throw new IoError(`can't read from ${name}: file too large (the limit is ${limit >> 20} MiB)`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
    if (n === buf.length) buf = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1 - total + 1));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

export interface ReadOptions {
  /** Byte limit (default MAX_INPUT_BYTES). */
  readonly limit?: number;
}

/**
 * Reads an input file whole: `-` is standard input; a regular file (or /dev/null) is read up to the
 * limit; a directory, device, FIFO or socket is refused with a message instead of being read forever.
 */
export function readInput(path: string, opts: ReadOptions = {}): Buffer {
  const limit = opts.limit ?? MAX_INPUT_BYTES;
  if (path === '-') return readAll(0, '{standard input}', limit);
  let st: Stats;
  try { st = statSync(path); } catch (e) { throw new IoError(`can't open ${path} for reading: ${reason(e)}`); }
  if (st.isDirectory()) throw new IoError(`can't read from ${path}: Is a directory`);
  if (!st.isFile() && !isDevNull(st)) {
    // /dev/stdin or /proc/self/fd/0 name standard input: read it like `-`.
    const fd0 = (() => { try { return fstatSync(0); } catch { return undefined; } })();
    if (fd0 && fd0.dev === st.dev && fd0.ino === st.ino) return readAll(0, path, limit);
    throw new IoError(`can't read from ${path}: not a regular file (use - for standard input)`);
  }
  if (st.size > limit) throw new IoError(`can't read from ${path}: file too large (${st.size} bytes; the limit is ${limit >> 20} MiB)`);
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (e) { throw new IoError(`can't open ${path} for reading: ${reason(e)}`); }
  try { return readAll(fd, path, limit, st.size); } finally { closeSync(fd); }
}

/** The input text (UTF-8). */
export function readInputText(path: string, opts: ReadOptions = {}): string {
  return readInput(path, opts).toString('utf8');
}

/** Device and inode of an input, following links (standard input: its descriptor). */
function identity(path: string): Stats | undefined {
  if (path === '-') {
    try { return fstatSync(0); } catch { return undefined; }
  }
  return statOrUndefined(path);
}

/** Where and how an output is written, decided before any work is done. */
export interface OutputTarget {
  /** As the user wrote it (for messages). */
  readonly path: string;
  /** stdout: `-`; replace: a regular file (or a new one) written by rename; inplace: anything else. */
  readonly how: 'stdout' | 'replace' | 'inplace';
  /** For `replace`: the real file the rename lands on (symbolic links followed). */
  readonly real: string;
  /** For `replace` of an existing file: its permission bits, kept on the new file. */
  readonly mode?: number;
}

/** Resolves a path through symbolic links, also when the last link dangles (the file is created there). */
function resolveTarget(path: string): string {
  for (let hops = 0; hops < 40; hops++) {
    let l: Stats;
    try { l = lstatSync(path); } catch { return path; }
    if (!l.isSymbolicLink()) return path;
    try { return realpathSync(path); } catch { /* dangling: follow by hand */ }
    const to = readlinkSync(path);
    path = to.startsWith('/') ? to : join(dirname(path), to);
  }
  throw new IoError(`can't create ${path}: Too many levels of symbolic links`, 'create');
}

/**
 * Checks an output path before the command starts working: refuses an output that is one of the
 * inputs, a directory, or a place that cannot be created, and decides how it will be written.
 * `inputs` may contain `-` (standard input).
 */
export function prepareOutput(path: string, inputs: readonly string[]): OutputTarget {
  if (path === '-') return { path, how: 'stdout', real: path };
  const st = statOrUndefined(path);
  if (st) {
    for (const i of inputs) {
      const is = identity(i);
      if (is && is.dev === st.dev && is.ino === st.ino && (st.isFile() || i !== '-')) {
        throw new IoError(`The input '${i === '-' ? '{standard input}' : i}' and output '${path}' files are the same`, 'same');
      }
    }
    if (st.isDirectory()) throw new IoError(`can't create ${path}: Is a directory`, 'create');
    if (!st.isFile()) {
      try { accessSync(path, constants.W_OK); } catch (e) { throw new IoError(`can't create ${path}: ${reason(e)}`, 'create'); }
      return { path, how: 'inplace', real: path };
    }
  }
  const real = st ? realpathSync(path) : resolveTarget(path);
  const dir = dirname(real);
  try {
    const ds = statSync(dir);
    if (!ds.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
    if (st) accessSync(real, constants.W_OK);
  } catch (e) {
    throw new IoError(`can't create ${path}: ${reason(e)}`, 'create');
  }
  return { path, how: 'replace', real, ...(st ? { mode: st.mode & 0o7777 } : {}) };
}

let tmpCounter = 0;

/** Writes all of `data` to a descriptor (retrying on a non-blocking one); EPIPE becomes OutputClosed. */
function writeFully(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(fd, data, off, data.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { pause(); continue; }
      if (code === 'EPIPE') throw new OutputClosed();
      throw e;
    }
  }
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/**
 * An output being written: chunks go to standard output, to the device in place, or to a
 * temporary file beside the target that `commit` renames into place (`abort` removes it).
 */
export class OutputFile {
  private fd: number;
  private tmp?: string;
  private done = false;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(readonly target: OutputTarget) {
    if (target.how === 'stdout') this.fd = -1;
    else if (target.how === 'inplace') {
      try { this.fd = openSync(target.path, 'w'); } catch (e) { throw new IoError(`can't create ${target.path}: ${reason(e)}`, 'create'); }
    } else {
      this.tmp = join(dirname(target.real), `.${basename(target.real)}.${process.pid}-${++tmpCounter}.tmp`);
      try { this.fd = openSync(this.tmp, 'wx', target.mode ?? 0o666); } catch (e) { throw new IoError(`can't create ${target.path}: ${reason(e)}`, 'create'); }
    }
  }

  /** Buffers a chunk (flushed at 64 KiB): a trace line per step must not be a system call per step. */
  write(data: string | Uint8Array): void {
    const b = bytesOf(data);
    this.pending.push(b);
    this.pendingBytes += b.length;
    if (this.pendingBytes >= 65536) this.flush();
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.fd === -1) return writeStdout(all);
    try {
      writeFully(this.fd, all);
    } catch (e) {
      if (e instanceof OutputClosed) throw e;
      throw new IoError(`can't write ${this.target.path}: ${reason(e)}`, 'create');
    }
  }

  /** Flushes and puts the output in place (the rename for a regular file). */
  commit(): void {
    if (this.done) return;
    try {
      this.flush();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    if (this.fd === -1) return;
    closeSync(this.fd);
    if (this.tmp) {
      if (this.target.mode !== undefined) { try { chmodSync(this.tmp, this.target.mode); } catch { /* keep the default mode */ } }
      try {
        renameSync(this.tmp, this.target.real);
      } catch (e) {
        try { unlinkSync(this.tmp); } catch { /* already gone */ }
        throw new IoError(`can't create ${this.target.path}: ${reason(e)}`, 'create');
      }
    }
  }

  /** Drops the output: a temporary file is removed; a device or standard output is left alone. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.pending = [];
    if (this.fd === -1) return;
    try { closeSync(this.fd); } catch { /* closed */ }
    if (this.tmp) { try { unlinkSync(this.tmp); } catch { /* already gone */ } }
  }
}

/** Marks a standard-output error already reported (main's 'error' listener stays quiet). */
export const REPORTED = Symbol('x86lab.reported');

/**
 * Writes to process.stdout (synchronous for files, pipes and terminals on Linux). A failed write
 * sets `errored` at once, so a closed pipe stops a long run at the next write.
 */
function writeStdout(data: Uint8Array): void {
  // Straight to the descriptor when nothing is queued on the stream (and no test replaced its
  // write): a pipe's EPIPE then stops a long run at once. process.stdout.write may queue the rest
  // of a large chunk and report the error only when the event loop next runs.
  // (A replaced write is an own property; node's streams inherit theirs. Not read at load: reading
  // process.stdout creates the stream, which `as -o file` never needs.)
  if (!Object.prototype.hasOwnProperty.call(process.stdout, 'write') && process.stdout.writableLength === 0 && !process.stdout.errored) {
    try {
      writeFully(1, data);
      return;
    } catch (e) {
      if (e instanceof OutputClosed) throw e;
      throw new IoError(`can't write standard output: ${reason(e)}`, 'create');
    }
  }
  process.stdout.write(data);
  const err = process.stdout.errored as (NodeJS.ErrnoException & { [REPORTED]?: boolean }) | null;
  if (!err) return;
  err[REPORTED] = true;
  if (err.code === 'EPIPE') throw new OutputClosed();
  throw new IoError(`can't write standard output: ${reason(err)}`, 'create');
}

/** Writes a whole output at once (see OutputFile). */
export function writeOutput(target: OutputTarget, data: string | Uint8Array): void {
  const f = new OutputFile(target);
  try {
    f.write(data);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** Standard output as an OutputFile (buffered; flush before exiting). */
export function stdoutFile(): OutputFile {
  return new OutputFile({ path: '-', how: 'stdout', real: '-' });
}

/**
 * The lines of an input (`-` is standard input), read in chunks so a long batch streams; a line
 * longer than the limit (`/dev/zero` has no newline) is refused instead of filling memory.
 */
export function* inputLines(path: string, opts: ReadOptions = {}): Generator<string> {
  const limit = opts.limit ?? MAX_INPUT_BYTES;
  let fd = 0;
  const name = path === '-' ? '{standard input}' : path;
  if (path !== '-') {
    let st: Stats;
    try { st = statSync(path); } catch (e) { throw new IoError(`can't open ${path} for reading: ${reason(e)}`); }
    if (st.isDirectory()) throw new IoError(`can't read from ${path}: Is a directory`);
    const fd0 = (() => { try { return fstatSync(0); } catch { return undefined; } })();
    const isStdin = !!fd0 && fd0.dev === st.dev && fd0.ino === st.ino && !st.isFile();
    if (!st.isFile() && !isDevNull(st) && !isStdin) throw new IoError(`can't read from ${path}: not a regular file (use - for standard input)`);
    if (!isStdin) {
      try { fd = openSync(path, 'r'); } catch (e) { throw new IoError(`can't open ${path} for reading: ${reason(e)}`); }
    }
  }
  const buf = Buffer.allocUnsafe(65536);
  let carry: Buffer[] = [];
  let carryLen = 0;
  try {
    for (;;) {
      const n = readChunk(fd, buf, name);
      if (n === 0) break;
      let start = 0;
      for (let nl = buf.indexOf(10, 0); nl >= 0 && nl < n; nl = buf.indexOf(10, start)) {
        const part = buf.subarray(start, nl);
        const line = carryLen ? Buffer.concat([...carry, part]) : part;
        carry = [];
        carryLen = 0;
        yield line.toString('utf8').replace(/\r$/, '');
        start = nl + 1;
      }
      if (start < n) {
        carry.push(Buffer.from(buf.subarray(start, n)));
        carryLen += n - start;
        if (carryLen > limit) throw new IoError(`can't read from ${name}: line too long (the limit is ${limit >> 20} MiB)`);
      }
    }
    if (carryLen) yield Buffer.concat(carry).toString('utf8').replace(/\r$/, '');
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
