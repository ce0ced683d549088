// The assembler's syntax switches, as GNU keeps them per assembly.

export interface SyntaxState {
  intel: boolean;
  /** Registers without `%`. */
  naked: boolean;
  /** The Intel mnemonic of the statement being assembled (for messages). */
  mnemonic?: string;
  /** It has a memory operand of no stated size. */
  unsized?: boolean;
  /** Intel `.equ r, edx + 4`: names standing for an expression with a register (reg-expr.ts). */
  readonly regExprs: Map<string, string>;
  /**
   * Symbols of an alias chain to a register (`.equ y, x` before `.equ x, st(1)`) that an Intel
   * operand named through the alias: GNU 2.40 writes them to the symbol table as absolute 0s.
   */
  readonly regListed: Set<string>;
}

export function initialSyntax(intel: boolean, naked: boolean): SyntaxState {
  return { intel, naked, regExprs: new Map(), regListed: new Set() };
}
