// Positions and diagnostics shared by the preprocessor, the macro layer and the assembler.
// Messages are printed the way GNU as prints them: `file:line: Error: message`.

/** Where a line came from. `via` is the macro invocation (or include) that produced it, for "in macro used at" notes. */
export interface SrcLoc {
  readonly file: string;
  readonly line: number;
  readonly col?: number;
  readonly via?: SrcLoc;
  /** This `via` entry is a .rept/.irp/.irpc expansion: GNU names no location for it, but it
   *  still deepens the indentation of the "macro invoked from here" lines after it. */
  readonly silent?: boolean;
  /** For a macro-expanded line: the file the macro body was really written in. GNU as names the
   *  invoking file with the body's line number (`file` and `line` here follow GNU). */
  readonly origin?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly loc: SrcLoc;
  readonly message: string;
  /** Assembly stops here (GNU prints "Fatal error:"), e.g. "macros nested too deeply". */
  readonly fatal?: boolean;
  /** `.print` output: the message goes to stdout as is, not as a diagnostic. */
  readonly stdout?: boolean;
}

/** A typed assembler error carrying its source position; thrown inside one statement, collected by the driver. */
export class AsmError extends Error {
  constructor(readonly loc: SrcLoc, message: string) {
    super(message);
    this.name = 'AsmError';
  }
}

/** Formats one diagnostic like GNU as 2.40, including the chain of macro invocations after it:
 *    m.s:3: Error: no such instruction: `bogus'
 *    m.s:6:  Info: macro invoked from here
 *    m.s:10:   Info: macro invoked from here
 *  (one more space of indent per expansion level, .rept/.irp levels included though GNU prints
 *  no line for them). Line 0 means "no line" (`file: Error: end of file ...`).
 *  A `.print` diagnostic (stdout) is just its message. */
export function formatDiagnostic(d: Diagnostic): string {
  if (d.stdout) return d.message;
  const word = d.fatal ? 'Fatal error' : d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Info';
  let out = `${d.loc.file}${d.loc.line > 0 ? `:${d.loc.line}` : ''}: ${word}: ${d.message}`;
  let indent = '  ';
  for (let v = d.loc.via; v; v = v.via) {
    if (!v.silent) out += `\n${v.file}:${v.line}:${indent}Info: macro invoked from here`;
    indent += ' ';
  }
  return out;
}

/**
 * A resource limit of x86lab's own (section contents, expansions, nesting), hit by one statement;
 * the driver reports it as an error at that statement. GNU as has no such limits (it writes a
 * sparse object of any size or runs out of memory), so the wording is x86lab's.
 */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}
