// An Intel operand the converter cannot take; the statement converter turns it into an AsmError
// at the statement's position.

export class IntelError extends Error {
  /** Further messages GNU gives for the same statement (`bad expression`, then the junk). */
  constructor(message: string, readonly more: readonly string[] = []) {
    super(message);
    this.name = 'IntelError';
  }
}
