// The assembler's syntax switches, as GNU keeps them per assembly.

export interface SyntaxState {
  intel: boolean;
  /** Registers without `%`. */
  naked: boolean;
  /** The Intel mnemonic of the statement being assembled (for messages). */
  mnemonic?: string;
  /** It has a memory operand of no stated size. */
  unsized?: boolean;
}

export function initialSyntax(intel: boolean, naked: boolean): SyntaxState {
  return { intel, naked };
}
