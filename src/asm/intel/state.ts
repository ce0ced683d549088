// The assembler's syntax switches, as GNU keeps them per assembly.

export interface SyntaxState {
  intel: boolean;
  /** Registers without `%`. */
  naked: boolean;
  /** -mnaked-reg: what a directive without `prefix`/`noprefix` leaves. */
  readonly nakedDefault: boolean;
  /** Statement being assembled was Intel with a memory operand of no stated size. */
  unsized?: string;
}

export function initialSyntax(intel: boolean, naked: boolean): SyntaxState {
  return { intel, naked, nakedDefault: naked };
}
