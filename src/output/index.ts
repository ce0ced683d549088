// The output stage: one module per format, chosen by name. ELF objects (elf.ts) and GNU `-a`
// listings (listing.ts) slot in here as further formats over the same AssembleResult.

import type { AssembleResult } from '../asm/result.js';
import { toBin } from './bin.js';
import { toJson } from './json.js';

export type OutputFormat = 'bin' | 'json';
export const FORMATS: readonly OutputFormat[] = ['bin', 'json'];

export interface OutputOptions {
  /** Source file name recorded in formats that carry one. */
  readonly file: string;
}

/** Renders an error-free assembly in the given format. */
export function render(r: AssembleResult, format: OutputFormat, opts: OutputOptions): Uint8Array {
  switch (format) {
    case 'bin': return toBin(r);
    case 'json': return Buffer.from(toJson(r, { file: opts.file }), 'utf8');
  }
}
