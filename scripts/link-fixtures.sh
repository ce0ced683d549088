#!/bin/sh
# Rebuild the committed objects the linker tests and the int3-c example use, with GNU as and gcc.
# (The tests also rebuild them live where the tools exist and compare.)  Run from the package root.
set -e
F=test/link/fixtures
E=examples/int3-c
for f in zoo64a zoo64b; do as --64 $F/$f.s -o $F/$f.o; done
for f in zoo32a zoo32b; do as --32 $F/$f.s -o $F/$f.o; done
gcc -c -Iinclude $E/entry_64.S -o $F/entry_64.gnu.o
gcc -c -m32 -Iinclude $E/entry_32.S -o $F/entry_32.gnu.o
COMMON="-O2 -ffreestanding -fno-pic -mno-sse -mno-mmx -fno-asynchronous-unwind-tables"
gcc -c $COMMON -mno-red-zone -mcmodel=kernel $E/int3_emulate.c -o $E/int3_emulate-64.o
gcc -c -m32 -mregparm=3 $COMMON $E/int3_emulate.c -o $E/int3_emulate-32.o
gcc --version | head -1 > $E/gcc-version.txt
# ELF executables made by ld (its default layout, text at 1 MiB) for `x86lab run` to load as they are.
ld -m elf_x86_64 -static -nostdlib --no-warn-rwx-segments -z noexecstack -Ttext=0x100000 $F/entry_64.gnu.o $E/int3_emulate-64.o -o $F/int3-c-64.exe
ld -m elf_i386 -static -nostdlib --no-warn-rwx-segments -z noexecstack -Ttext=0x100000 $F/entry_32.gnu.o $E/int3_emulate-32.o -o $F/int3-c-32.exe
# Objects with TLS, COMDAT groups, commons, debug sections, hidden/protected/weak symbols for `dis -h/-t/-r`.
gcc -c -O2 -g -ffunction-sections -fdata-sections $F/rich.c -o $F/rich64.o
gcc -c -O2 -m32 -fpic -fcommon $F/rich.c -o $F/rich32.o
as --64 $F/table64.s -o $F/table64.o
as --64 $F/table64b.s -o $F/table64b.o
gcc -c $COMMON -mno-red-zone -mcmodel=kernel $F/cfeatures.c -o $F/cfeatures64.o
gcc -c -m32 -mregparm=3 $COMMON $F/cfeatures.c -o $F/cfeatures32.o
as --64 $F/merge1.s -o $F/merge1.o
as --64 $F/merge2.s -o $F/merge2.o
as --64 $F/merge3.s -o $F/merge3.o
# Position-independent C (GOTPC/GOTOFF/GOT32X/PLT32, get_pc_thunk COMDAT groups; GOTPCRELX on x86-64).
gcc -c -m32 -mregparm=3 $COMMON -fpic $E/int3_emulate.c -o $F/int3_emulate-pic32.o
gcc -c -m32 $COMMON -fpic $F/cfeatures.c -o $F/cfeatures-pic32.o
gcc -c -mno-red-zone $COMMON -fpic $E/int3_emulate.c -o $F/int3_emulate-pic64.o
as --64 $F/edge64.s -o $F/edge64.o
