// Self-written inputs for the DWARF file table and GNU's choice of sections (src/asm/dwarf-files.ts,
// src/asm/line-marks.ts, src/output/dwarf-line.ts): `.file N` with and without `.loc`, `.file 0`,
// directories, MD5s, a source's own .debug_info/.debug_line, and the errors on the way. Each case
// runs under every option set in `opts` (`--64` unless one says `--32`); `@PWD@` in a source
// stands for the working directory GNU runs in. `input` is how the file is named on the command
// line: `in.s`, `sub/in.s`, or its absolute path.

export interface DwarfFileCase {
  readonly name: string;
  readonly opts: readonly (readonly string[])[];
  readonly source: string;
  readonly input?: 'rel' | 'sub' | 'abs';
}

const ALL: readonly (readonly string[])[] = [[], ['-g'], ['--gdwarf-3'], ['--gdwarf-4'], ['--gdwarf-5'], ['--32', '--gdwarf-4'], ['--32', '--gdwarf-5']];
const FEW: readonly (readonly string[])[] = [[], ['-g'], ['--gdwarf-5']];

export const CASES: readonly DwarfFileCase[] = [
  // ---- .file N with no .loc: the sections the instructions before it had keep their ranges ----
  { name: 'file-after-insns', opts: ALL, source: '\tnop\n\t.file 1 "a.c"\n\t.file 2 "inc/b.h"\n\tret\n' },
  // `.line N` outside `.def` changes no row (GNU 2.40's ELF target ignores it).
  { name: 'line-directive', opts: FEW, source: '\tnop\n\t.line 600\n\tnop\n\t.line 2\n\tret\n' },
  { name: 'file-only', opts: FEW, source: '\t.file 1 "a.c"\n' },
  {
    name: 'file-after-two-sections', opts: ALL,
    source: '\t.section .text.hot,"ax",@progbits\n\tnop\n\t.text\n\tpush %eax\n\t.file 1 "two.c"\n\tret\n\t.data\n\t.long 1\n',
  },
  {
    name: 'purged-and-loc', opts: ALL,
    source: `\t.section .text.a,"ax",@progbits
\tnop
\t.text
\tnop
\t.file 1 "m.c"
\t.section .text.b,"ax",@progbits
\t.loc 1 5
\tret
\t.section .text.a,"ax",@progbits
\t.loc 1 7
\tint3
\t.data
\t.loc 1 9
\tnop
\t.text
\t.loc 1 11
\t.loc 1 12
`,
  },
  {
    name: 'loc-column-persists', opts: FEW,
    source: '\t.file 1 "a.c"\n\t.loc 1 1 5\n\tnop\n\t.loc 1 2\n\tnop\n\t.loc 1 3 0\n\tnop\n\t.loc 1 4\n\tnop\n\t.section .text.b,"ax",@progbits\n\t.loc 1 5 7\n\tnop\n\t.text\n\t.loc 1 6\n\tnop\n',
  },
  { name: 'loc-after-labels', opts: FEW, source: 'x: .file 1 "a.c"\ny: .loc 1 2\n\tnop\nz: 1: .loc 1 3 4\n\tnop\n' },
  { name: 'loc-in-data-only', opts: FEW, source: '\t.data\n\t.long 1\n\t.file 1 "d.c"\n\t.loc 1 2\n\tnop\n\t.section .rodata\n\t.loc 1 3\n\tnop\n' },

  // ---- .file 0 (DWARF 5 whatever the options) ----
  { name: 'file0-only', opts: FEW, source: '\t.file 0 "x.c"\n' },
  { name: 'file0-after-insn', opts: ALL, source: '\tnop\n\t.file 0 "x.c"\n' },
  {
    name: 'file0-dir-md5', opts: ALL,
    source: '\tnop\n\t.file 0 "/src/dir" "x.c" md5 0x0123456789abcdef0011223344556677\n\t.file 1 "y.h" md5 0xffeeddccbbaa99887766554433221100\n\t.file 2 "/usr/inc" "z.h"\n',
  },
  { name: 'md5-file1-only', opts: [['--gdwarf-5']], source: '\tnop\n\t.file 1 "x.c"\n\t.file 2 "sub/y.h" md5 0x0123456789abcdef0011223344556677\n' },
  {
    name: 'md5-low-byte-zero', opts: [['--gdwarf-5']],
    source: '\t.file 0 "a.c" md5 0x1ff00000000000000\n\t.file 1 "b.c" md5 0x10000000000ff0000\n\t.loc 0 1\n\tnop\n',
  },
  {
    name: 'md5-one-low-byte', opts: [['--gdwarf-5']],
    source: '\t.file 0 "a.c"\n\t.file 1 "b.c" md5 0x1ff00000000000000\n\t.file 2 "c.c" md5 0x100000000000000ff\n\t.file 3 "d.c" md5 0x123456789abcdef0123456789abcdef01\n\t.loc 3 1\n\tnop\n',
  },
  {
    name: 'loc-file0', opts: FEW,
    source: `\t.file 0 "/srv" "main.c" md5 0x0123456789abcdef0123456789abcdef
\t.file 1 "main.c"
\t.file 2 "/usr/include/stdio.h"
\t.text
\t.loc 0 3 5
\tpush %rbp
\t.loc 2 10 1 is_stmt 0
\tpop %rbp
\t.loc 1 4
\tret
`,
  },

  // ---- directories: numbered in directive order, entry 0 only once .file 0 set it ----
  {
    name: 'dirs-file0-pwd', opts: FEW,
    source: '\tnop\n\t.file 0 "@PWD@" "x.c"\n\t.file 1 "@PWD@" "y.c"\n\t.file 2 "@PWD@/z.c"\n\t.file 3 "@PWD@/sub" "w.c"\n\t.file 4 "sub/v.c"\n\t.file 5 "@PWD@" "sub/u.c"\n\t.loc 1 3\n\tret\n',
  },
  {
    name: 'dirs-no-file0', opts: [['--gdwarf-5'], ['--32', '--gdwarf-5']],
    source: '\tnop\n\t.file 1 "@PWD@" "y.c"\n\t.file 2 "@PWD@/z.c"\n\t.file 3 "@PWD@/sub" "w.c"\n\t.file 4 "sub/v.c"\n\t.file 5 "" "t.c"\n\t.file 6 "/tmp" "q/s.c"\n\t.loc 1 3\n\tret\n',
  },
  { name: 'dirs-abs-file1', opts: ALL, source: '\tnop\n\t.file 1 "@PWD@/y.h"\n\t.loc 1 3\n\tret\n' },
  {
    name: 'dirs-file0-elsewhere', opts: FEW,
    source: '\t.file 1 "/a/x.c"\n\t.file 2 "/c/z.c"\n\t.file 0 "/b/y.c"\n\t.file 3 "/x.c"\n\t.file 4 "/b/w.c"\n\t.file 5 "@PWD@/v.c"\n\t.loc 1 1\n\tnop\n',
  },
  { name: 'dirs-slash-names', opts: FEW, source: '\t.file 0 "/x.c"\n\t.file 1 "/y.c"\n\t.file 2 "/srv/a/b/"\n\t.loc 1 1\n\tnop\n' },
  { name: 'dirs-file0-relative', opts: FEW, source: '\t.file 0 "sub/x.c"\n\t.file 1 "sub/y.c"\n\t.file 2 "other/z.c"\n\t.loc 2 1\n\tnop\n' },

  // ---- assembly-source mode: how the source file is named ----
  { name: 'asm-abs-path', opts: ALL, input: 'abs', source: '\t.text\nf:\n\t.nop\n\tret\n' },
  { name: 'asm-sub-path', opts: ALL, input: 'sub', source: '\t.text\nf:\n\tnop\n\tret\n' },
  { name: 'nop-rows', opts: FEW, source: '\t.text\nx:\n\t.nop\n\t.nops 4\n\t.byte 0x90\n\t.nop 0\n\t.p2align 4\n\tnop\n\t.nop -2\n\t.nop 3\n\tret\n' },

  // ---- the source's own .debug_info / .debug_line ----
  { name: 'own-info', opts: ALL, source: '\tnop\n\t.section .debug_info,"",@progbits\n\t.long 0\n' },
  { name: 'own-info-file', opts: ALL, source: '\t.file 1 "a.c"\n\t.section .debug_info,"",@progbits\n\t.long 0\n' },
  { name: 'own-info-empty-line', opts: ALL, source: '\t.file 1 "a.c"\n\t.comm c,4,4\n\t.section .debug_info,"",@progbits\n\t.long .Ll\n\t.section .debug_line,"",@progbits\n.Ll:\n' },
  {
    name: 'own-info-and-line', opts: ALL,
    source: '\t.text\n\tnop\n\tret\n\t.section .debug_info,"",@progbits\n\t.long 0\n\t.section .debug_line,"",@progbits\n\t.byte 1\n',
  },
  { name: 'own-line-only', opts: [[], ['-g'], ['--gdwarf-3']], source: '\t.text\n\tnop\n\t.section .debug_line,"",@progbits\n\t.byte 1, 2\n' },

  // ---- errors ----
  { name: 'dup-debug-line', opts: FEW, source: '\t.text\n\tnop\n\t.file 1 "a.c"\n\t.loc 1 1\n\tret\n\t.section .debug_line,"",@progbits\n\t.byte 1\n' },
  {
    name: 'file-errors', opts: FEW,
    source: '\t.file 1 "a.c"\n\t.file 1 "a.c"\n\t.file 1 "b.c"\n\t.file 2 "d/x.c"\n\t.file 2 "d/x.c"\n\t.file 2 "e/x.c"\n\t.file -1 "q.c"\n\t.file 3\n\t.file 4 "q.c" junk\n\t.file 5 "r.c" md5\n',
  },
  { name: 'two-strings-below-5', opts: [[], ['-g'], ['--gdwarf-4']], source: '\t.file 1 "/tmp" "y.c"\n\t.file 2 "z.c" md5 0x100000000000000ff\n\t.loc 1 3\n\tret\n' },
  { name: 'md5-too-small', opts: [['--gdwarf-5']], source: '\t.file 0 "a.c" md5 0xffffffffffffffff\n\t.file 1 "b.c" md5 -1\n\t.file 2 "c.c" md5 0x0000000000000000000001\n' },
  { name: 'unassigned-file', opts: [['--gdwarf-5']], source: '\t.file 2 "/a/b.c"\n\t.loc 2 1\n\tnop\n' },
];
