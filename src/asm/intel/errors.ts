// An Intel operand the converter cannot take; the statement converter turns it into an AsmError
// at the statement's position.

export class IntelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntelError';
  }
}
