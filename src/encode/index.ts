// Public face of the encoder.
//
//   encodeInstruction(insn, { mode, branch? }) -> { bytes, fixups, form, relax?, warnings? }
//     Throws EncodeError (message = GNU as 2.40's text, without `file:line: Error: `; code
//     'no-such-insn' means "quote the whole statement": no such instruction: `<text>').
//     Relaxable branches (jmp/jcc to a symbol) come back short (relax: 'short', 1-byte pc-relative fixup)
//     unless opts.branch === 'near'; relaxPartner(form) gives the other size. Constant targets are near.
//     Fixups: offset/size of the field, value = sym + addend (no sym: absolute), pcrel = relative to the
//     END of the instruction, signed = the CPU sign-extends the field (R_X86_64_32S vs R_X86_64_32).
//   checkMnemonic(mnemonic, mode): GNU's checks on the mnemonic alone, to run before reading operands.
//   knownMnemonic(mnemonic): whether the encoder knows the spelling in some mode (no error made).
//   candidatesFor(mnemonic): the table rows a spelling may mean (tests, tools).

export { encodeInstruction, candidatesFor, checkMnemonic, knownMnemonic } from './encode.js';
export { EncodeError, type EncodeErrorCode } from './errors.js';
export { relaxPartner } from './relax.js';
export type { AsmInsn, AsmOperand, Encoded, EncodeOptions, Fixup, Value } from './types.js';
