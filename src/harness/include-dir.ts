// The package's include directory (holds x86lab/harness.h), for `x86lab as`, `run` and the
// loader: its own module, so that the assembler's command does not load the linker to learn it.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.dirname where node has it (20.11): the CLI bundle maps it to __dirname, so that a
// command's start does not parse its own URL.
export const INCLUDE_DIR = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '..', '..', 'include');
