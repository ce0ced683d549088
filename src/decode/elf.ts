// The ELF reader moved to src/elf/read.ts (the linker and `dis` share it); this path stays for old imports.
export * from '../elf/read.js';
