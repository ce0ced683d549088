// The GAS macro and conditional layer: a filter between the statement stream and the parser.
// (Owner: preprocessor/macro work. This first version passes statements through unchanged.)

import type { Diagnostic, SrcLoc } from '../errors.js';
import type { LineSource } from '../lines.js';

/** What the macro layer needs from the assembler it sits in front of. */
export interface MacroHost {
  /** Evaluates an absolute expression (for .if, .rept counts, %expr); throws AsmError if not absolute. */
  evalAbsolute(expr: string, loc: SrcLoc): bigint;
  /** `.ifdef sym`: is the symbol defined at this point? */
  isDefined(sym: string): boolean;
  /** Reports an error/warning/info (.error, .warning, .print, and the layer's own errors). */
  diag(d: Diagnostic): void;
  /** Resolves and reads an `.include`d file (searching -I dirs); undefined if not found. */
  readInclude(name: string, from: SrcLoc): { file: string; text: string } | undefined;
}

export function createMacroLayer(src: LineSource, _host: MacroHost): LineSource {
  return src;
}
