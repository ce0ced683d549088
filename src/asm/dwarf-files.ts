// The DWARF line table's directories and files, numbered as GNU as 2.40 numbers them (each rule
// below measured against it):
// - a file is split into directory and name at its last '/'; a name with no directory is in
//   directory 0, as is one whose only '/' leads it (kept whole: "/x.c");
// - `.file N "dir" "name"` (N >= 1) takes the directory as given and the name whole, slashes and
//   all; `.file 0` splits its name whenever that has a directory part, even after a directory;
// - directories are numbered in order of first use, from 1: entry 0 is the build directory, and
//   it is only looked at once `.file 0` has set it. `.file 0` sets it to its own directory when
//   that is the build directory (or when it names none, to the `.file 0 "dir"` one); any other
//   directory puts the build directory at 0 and itself at 1, even over a directory already there;
// - in assembly-source mode files take the next free number from 1, found again by directory and
//   name.
// A slot given twice must name the same file; GNU's checks and message are kept.

/** The build directory when the assembler cannot know it (its checks treat it as unknown). */
const UNKNOWN_PWD = '\u0000pwd';

export interface DwarfFile {
  readonly name: string;
  readonly dir: number;
  readonly md5?: bigint;
}

export class DwarfFiles {
  /** Directory names; 0 is unset until `.file 0` sets it (the build directory is written then). */
  readonly dirs: (string | undefined)[] = [];
  readonly files: (DwarfFile | undefined)[] = [];

  /** `pwd`: the build directory (GNU's getpwd()); left out, it is unknown. */
  constructor(private readonly pwd: string = UNKNOWN_PWD) {}

  /** The build directory as written, for entry 0 left unset. */
  get buildDir(): string { return this.pwd; }

  /** `.file N [dir] name [md5 X]`: an error message, or undefined when the slot is taken. */
  assign(num: number, dir: string | undefined, name: string, md5: bigint | undefined): string | undefined {
    const had = this.files[num];
    if (had) return this.reassign(num, had, dir, name, md5);
    let file: string;
    let d: number;
    const [part, base] = splitPath(name);
    if (num === 0) {
      file = part === '' ? name : base;
      d = dir !== undefined && part === undefined ? this.dirEntry(dir, dir, true) : this.dirEntry(part ?? '', dir, true);
    } else if (dir === undefined) {
      file = part === '' ? name : base;
      d = this.dirEntry(part ?? '', undefined, false);
    } else {
      file = name;
      d = this.dirEntry(dir, undefined, false);
    }
    this.files[num] = { name: file, dir: d, ...(md5 !== undefined ? { md5 } : {}) };
    return undefined;
  }

  /** Assembly-source mode: the number of the file at `path`, a new one from 1 on first use. */
  number(path: string): number {
    const [part, base] = splitPath(path);
    const name = part === '' ? path : base;
    const d = this.dirEntry(part ?? '', undefined, false);
    for (let i = 1; i < this.files.length; i++) {
      const f = this.files[i];
      if (f && f.dir === d && f.name === name) return i;
    }
    const i = Math.max(1, this.files.length);
    this.files[i] = { name, dir: d };
    return i;
  }

  /** The directory entry for `dir` (found or added); `zero`: for `.file 0`, which may set entry 0. */
  private dirEntry(dir: string, file0Dir: string | undefined, zero: boolean): number {
    if (dir === '') return 0;
    const found = this.dirs.indexOf(dir);
    if (found >= 0) return found;
    let d = this.dirs.length;
    if (zero) {
      if (this.dirs[0] === undefined) {
        const pwd = file0Dir ?? this.pwd;
        if (dir !== pwd) {
          this.dirEntry(pwd, file0Dir, true);
          d = 1;
        } else d = 0;
      }
    } else if (d === 0) d = 1;
    this.dirs[d] = dir;
    return d;
  }

  private reassign(num: number, had: DwarfFile, dir: string | undefined, name: string, md5: bigint | undefined): string | undefined {
    const known = this.dirs[had.dir];
    const hadDir = known === UNKNOWN_PWD ? undefined : known;
    const fail = (): string => `file table slot ${num} is already occupied by a different file (${hadDir === undefined ? '' : `${hadDir}/`}${had.name} vs ${dir === undefined ? '' : `${dir}/`}${name})`;
    if (md5 !== undefined && md5 !== (had.md5 ?? 0n)) return fail();
    if (dir !== undefined) {
      if ((hadDir !== undefined && hadDir !== dir) || name !== had.name) return fail();
      if (known === undefined) this.dirs[had.dir] = dir;
      return undefined;
    }
    if (hadDir !== undefined) return name === `${hadDir}/${had.name}` ? undefined : fail();
    const slash = name.lastIndexOf('/');
    if (name.slice(slash + 1) !== had.name) return fail();
    // The same name with a directory now: that fills the entry (with its '/', as GNU keeps it).
    if (slash >= 0 && known === undefined) this.dirs[had.dir] = name.slice(0, slash + 1);
    return undefined;
  }
}

/** A path's directory part (undefined without one; '' for a leading '/' alone) and its name. */
function splitPath(path: string): [string | undefined, string] {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? [undefined, path] : [path.slice(0, slash), path.slice(slash + 1)];
}

/**
 * Which DWARF sections GNU writes at the end (dwarf2_finish), from whether any section has line
 * entries and whether the source wrote a non-empty .debug_info or .debug_line itself: nothing
 * without line entries unless the source has a .debug_info, nor when it has both; else the line
 * program (its file table even with no rows) unless the source wrote one, and the compile unit
 * (.debug_info, .debug_abbrev, .debug_aranges, .debug_str, ranges) unless it wrote a .debug_info.
 */
export function dwarfSections(lineEntries: boolean, ownInfo: boolean, ownLine: boolean): { readonly line: boolean; readonly unit: boolean } {
  if (lineEntries ? ownInfo && ownLine : !ownInfo) return { line: false, unit: false };
  return { line: !ownLine, unit: !ownInfo };
}
