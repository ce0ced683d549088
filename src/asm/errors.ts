// Positions and diagnostics shared by the preprocessor, the macro layer and the assembler.
// Messages are printed the way GNU as prints them: `file:line: Error: message`.

/** Where a line came from. `via` is the macro invocation (or include) that produced it, for "in macro used at" notes. */
export interface SrcLoc {
  readonly file: string;
  readonly line: number;
  readonly col?: number;
  readonly via?: SrcLoc;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly loc: SrcLoc;
  readonly message: string;
}

/** A typed assembler error carrying its source position; thrown inside one statement, collected by the driver. */
export class AsmError extends Error {
  constructor(readonly loc: SrcLoc, message: string) {
    super(message);
    this.name = 'AsmError';
  }
}

/** Formats one diagnostic like GNU as, including the chain of macro/include origins after it. */
export function formatDiagnostic(d: Diagnostic): string {
  const word = d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Info';
  let out = `${d.loc.file}:${d.loc.line}: ${word}: ${d.message}`;
  for (let v = d.loc.via; v; v = v.via) out += `\n${v.file}:${v.line}:  Info: macro invoked from here`;
  return out;
}
