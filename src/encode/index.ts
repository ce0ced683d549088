// Public face of the encoder: encodeInstruction() plus the error class and relaxation helpers.

export { encodeInstruction, candidatesFor, checkMnemonic } from './encode.js';
export { EncodeError, type EncodeErrorCode } from './errors.js';
export { relaxPartner } from './relax.js';
export type { AsmInsn, AsmOperand, Encoded, EncodeOptions, Fixup, Value } from './types.js';
