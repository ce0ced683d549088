// Static archives (`ar rcs libx.a a.o b.o`) as ld reads them: members are relocatable objects, and
// only those defining a symbol still undefined when the archive is reached are linked, scanning
// the archive again until a pass adds nothing (ld's archive rescan within one archive).
//
// Format (System V / GNU ar): "!<arch>\n", then per member a 60-byte header — name[16] date[12]
// uid[6] gid[6] mode[8] size[10] "`\n" — and its data, padded to an even offset. GNU names end in
// '/'; "/" is the symbol index, "//" the table of long names, "/N" a long name at offset N there.

import { ElfError, ET_REL, readElf } from '../elf/read.js';
import { LinkError } from './errors.js';
import { inputFromElf, type LinkInput } from './input.js';

const MAGIC = '!<arch>\n';

export function isArchive(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

export interface Member {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const text = (b: Uint8Array, from: number, n: number): string => String.fromCharCode(...b.subarray(from, from + n));

/** The object members of an archive, in order; LinkError (ld's wording) when it is malformed. */
export function archiveMembers(b: Uint8Array, file: string): Member[] {
  const bad = (): never => { throw new LinkError([`${file}: error adding symbols: malformed archive`]); };
  if (!isArchive(b)) bad();
  const out: Member[] = [];
  let names = '';
  let at = 8;
  while (at < b.length) {
    if (at + 60 > b.length) bad();
    if (b[at + 58] !== 0x60 || b[at + 59] !== 0x0a) bad();
    const raw = text(b, at, 16).trimEnd();
    const sizeText = text(b, at + 48, 10).trim();
    if (!/^\d+$/.test(sizeText)) bad();
    const size = Number(sizeText);
    const data = at + 60;
    if (data + size > b.length) bad();
    const bytes = b.subarray(data, data + size);
    at = data + size + (size & 1);
    if (raw === '/' || raw === '/SYM64/') continue; // the symbol index: ld's own lookup table
    if (raw === '//') { names = text(bytes, 0, bytes.length); continue; }
    let name = raw;
    const long = /^\/(\d+)$/.exec(raw);
    if (long) {
      const off = Number(long[1]);
      if (off >= names.length) bad();
      const end = names.indexOf('/\n', off);
      name = names.slice(off, end < 0 ? undefined : end);
    } else if (name.endsWith('/')) name = name.slice(0, -1);
    out.push({ name, bytes });
  }
  return out;
}

/**
 * The members ld would link: those that define (strongly or weakly, not as common) a symbol that
 * `undefinedNow` lists or that an earlier chosen member leaves undefined. Errors name the member
 * as ld does, `lib.a(x.o)`.
 */
export function selectMembers(b: Uint8Array, file: string, undefinedNow: ReadonlySet<string>, definedNow: ReadonlySet<string>): LinkInput[] {
  const members = archiveMembers(b, file).map((m) => {
    const label = `${file}(${m.name})`;
    try {
      const elf = readElf(m.bytes);
      if (elf.type !== ET_REL) throw new LinkError([`${label}: file format not recognized`]);
      return inputFromElf(m.bytes, label, elf);
    } catch (e) {
      if (e instanceof ElfError) throw new LinkError([`${label}: ${e.message}`]);
      throw e;
    }
  });
  const undef = new Set(undefinedNow);
  const defined = new Set(definedNow);
  const chosen = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    members.forEach((m, i) => {
      if (chosen.has(i)) return;
      const provides = m.symbols.some((s) => s.bind !== 'local' && s.place !== 'und' && s.place !== 'common' && undef.has(s.name));
      if (!provides) return;
      chosen.add(i);
      changed = true;
      for (const s of m.symbols) {
        if (s.bind === 'local') continue;
        if (s.place === 'und') { if (!defined.has(s.name) && s.bind !== 'weak') undef.add(s.name); }
        else { defined.add(s.name); undef.delete(s.name); }
      }
    });
  }
  return members.filter((_, i) => chosen.has(i));
}

/** Names the inputs so far define, and those they reference without a definition (weak references do not pull members). */
export function symbolState(inputs: readonly LinkInput[]): { undefined: Set<string>; defined: Set<string> } {
  const defined = new Set<string>();
  const referenced = new Set<string>();
  for (const inp of inputs) {
    for (const s of inp.symbols) {
      if (s.bind === 'local' || s.kind === 'section' || s.kind === 'file') continue;
      if (s.place === 'und') { if (s.bind !== 'weak') referenced.add(s.name); }
      else defined.add(s.name);
    }
  }
  return { undefined: new Set([...referenced].filter((n) => !defined.has(n))), defined };
}

/**
 * objdump's view of an archive: "In archive FILE:", then each member as a file of its own. A
 * member that is not usable ELF is an error naming it as `FILE(member)`.
 */
export function* archiveChunks<T = string>(b: Uint8Array, file: string, each: (bytes: Uint8Array, name: string) => Iterable<T>): Generator<T | string> {
  const members = archiveMembers(b, file);
  yield `In archive ${file}:\n`;
  for (const m of members) {
    try {
      yield* each(m.bytes, m.name);
    } catch (e) {
      if (e instanceof ElfError) throw new LinkError([`${file}(${m.name}): ${e.message}`]);
      throw e;
    }
  }
}
