// The C preprocessor subset for .S files (gcc -E -x assembler-with-cpp behaviour).
// (Owner: preprocessor/macro work. This first version returns the text unchanged.)

import type { Diagnostic } from '../errors.js';

export interface CppOptions {
  readonly file: string;
  readonly includeDirs: readonly string[];
  /** -D NAME[=VAL], in command-line order; -U NAME as undefs. */
  readonly defines: readonly string[];
  readonly undefs: readonly string[];
  /** File reader (tests may supply a virtual file system). */
  readonly readFile?: (path: string) => string | undefined;
}

export interface CppResult {
  /** Preprocessed text with gcc-style linemarkers (`# 12 "file.h"`) so positions map back to the original files. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function preprocess(text: string, opts: CppOptions): CppResult {
  return { text: `# 1 "${opts.file}"\n${text}`, diagnostics: [] };
}
