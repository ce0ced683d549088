// The output stage: one module per format, chosen by name: ELF relocatable objects (elf.ts, the
// default, as GNU as writes them), raw .text bytes (bin.ts) and JSON (json.ts).

import type { AssembleResult } from '../asm/result.js';
import { toBin } from './bin.js';
import { toElf } from './elf.js';
import type { DebugCompressor } from './compress-debug.js';
import { toJson } from './json.js';

export type OutputFormat = 'elf' | 'bin' | 'json';
export const FORMATS: readonly OutputFormat[] = ['elf', 'bin', 'json'];

export interface OutputOptions {
  /** Source file name recorded in formats that carry one. */
  readonly file: string;
  /** --compress-debug-sections (ELF only). */
  readonly compress?: DebugCompressor;
}

/** Renders an error-free assembly in the given format. */
export function render(r: AssembleResult, format: OutputFormat, opts: OutputOptions): Uint8Array {
  switch (format) {
    case 'elf': return toElf(r, { compress: opts.compress });
    case 'bin': return toBin(r);
    case 'json': return Buffer.from(toJson(r, { file: opts.file }), 'utf8');
  }
}
