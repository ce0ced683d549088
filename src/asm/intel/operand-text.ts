// An Intel operand as GNU's messages quote it: what its input scrubber left of the text as written
// (GNU 2.40, measured): runs of blanks squeezed to one, none around `+`, none before `]`.
// `[rdi + edx]` is quoted `[rdi+edx]`, `[4 * RAX + 27 * RBX]` `[4 * RAX+27 * RBX]`, `inc long  ptr [rax]`
// complains of junk `ptr [rax]'.

export function gnuOperandText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/ ?\+ ?/g, '+').replace(/ \]/g, ']');
}
