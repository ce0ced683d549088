// The encoder's typed error. Messages are GNU as 2.40's text without the `file:line: Error: ` head,
// which the front end adds from the statement's SrcLoc (see src/asm/errors.ts).

export type EncodeErrorCode =
  | 'no-such-insn' // mnemonic unknown: the front end should print "no such instruction: `<statement text>'"
  | 'operands' // any operand / size / suffix / prefix problem
  | 'mode'; // instruction or register not valid in this mode

export class EncodeError extends Error {
  constructor(message: string, readonly code: EncodeErrorCode = 'operands') {
    super(message);
    this.name = 'EncodeError';
  }
}
