// What the harness loads: sections at absolute addresses and every symbol's address.

import type { Diagnostic } from '../asm/errors.js';

export interface LoadedSection {
  name: string;
  addr: number;
  size: number;
  align: number;
  bytes: Uint8Array;
  nobits: boolean;
}

export interface Image {
  mode: 32 | 64;
  /** The first input (names the image in messages). */
  file: string;
  sections: LoadedSection[];
  /** Every named symbol (local labels included, .L temporaries excluded) -> absolute address. */
  symbols: Map<string, number>;
  diagnostics: readonly Diagnostic[];
  /** e_entry of a loaded ELF executable (used when the image has no _start). */
  entry?: number;
}
