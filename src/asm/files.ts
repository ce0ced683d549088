// Reading the files a source names (`.include`, `#include`, `.incbin`) without letting a bad name
// cost memory: only regular files (and /dev/null) are read, under a size limit, and `.incbin`
// reads just the bytes its skip and count select. A directory or device is a message, as GNU
// as gives ("can't read from d: Is a directory"; "unable to include `/dev/zero'").

import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Largest source file (`.include`, `#include`) read whole. */
export const MAX_SOURCE_BYTES = 64 << 20;

/** A file that exists but cannot be used; `error` is the text after "can't read from NAME: ". */
export interface ReadFailure {
  readonly error: string;
}

export function isReadFailure(x: unknown): x is ReadFailure {
  return typeof x === 'object' && x !== null && typeof (x as ReadFailure).error === 'string';
}

function isDevNull(st: Stats): boolean {
  if (!st.isCharacterDevice()) return false;
  try { return statSync('/dev/null').rdev === st.rdev; } catch { return false; }
}

/** Why a file that exists cannot be read as a source, or undefined when it can. */
function unusable(st: Stats, limit: number): string | undefined {
  if (st.isDirectory()) return 'Is a directory';
  if (!st.isFile() && !isDevNull(st)) return 'not a regular file';
  if (st.size > limit) return `file too large (${st.size} bytes; the limit is ${limit >> 20} MiB)`;
  return undefined;
}

/** Source text of a file: undefined when there is no such file (search on), a failure when it is unusable. */
export function readSourceFile(path: string, limit = MAX_SOURCE_BYTES): string | ReadFailure | undefined {
  let st: Stats;
  try { st = statSync(path); } catch { return undefined; }
  const why = unusable(st, limit);
  if (why) return { error: why };
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (e) { return { error: (e as NodeJS.ErrnoException).code === 'EACCES' ? 'Permission denied' : (e as Error).message }; }
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { error: `file too large (${size} bytes; the limit is ${limit >> 20} MiB)` };
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A binary file opened for `.incbin`: its size now, bytes read only on request. */
export interface BinaryFile {
  readonly size: number;
  read(skip: number, count: number): Uint8Array;
}

/** `.incbin`'s file: undefined when missing, a failure when not a regular file. */
export function openBinaryFile(path: string): BinaryFile | ReadFailure | undefined {
  let st: Stats;
  try { st = statSync(path); } catch { return undefined; }
  if (!st.isFile() && !isDevNull(st)) return { error: st.isDirectory() ? 'Is a directory' : 'not a regular file' };
  const size = st.size;
  return {
    size,
    read(skip: number, count: number): Uint8Array {
      const buf = new Uint8Array(count);
      if (count === 0) return buf;
      const fd = openSync(path, 'r');
      try {
        let got = 0;
        while (got < count) {
          const n = readSync(fd, buf, got, count - got, skip + got);
          if (n === 0) break;
          got += n;
        }
        return got === count ? buf : buf.subarray(0, got);
      } finally {
        closeSync(fd);
      }
    },
  };
}
