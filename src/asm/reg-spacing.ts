// `% rip`: GNU's operand parser takes one blank after the register prefix (parse_real_register
// skips it), and gcc's stringification writes one when a macro argument began with a blank
// (Linux 6.8's `ALTERNATIVE "", "verw _ASM_RIP(mds_verw_sel)"` becomes `verw mds_verw_sel (% rip)`).
// Where a register may start (an operand's start, after `(`, `,` or `*`), x86lab closes the gap;
// elsewhere `%` stays the modulo operator.

const SPACED = /%[ \t]+(?=[A-Za-z_])/g;
/** Labels, then the mnemonic and any prefixes: what may precede an instruction's first operand. */
const OPERANDS_START = /^(?:\s*[\w.$]+\s*:)*\s*(?:[A-Za-z_][\w]*\s+)+$/;

/** The statement with `% name` closed up to `%name` where GNU reads a register there. */
export function closeSpacedRegisters(text: string): string {
  return text.replace(SPACED, (m, at: number) => {
    let k = at - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    const before = text[k];
    if (before === '(' || before === ',' || before === '*') return '%';
    return OPERANDS_START.test(text.slice(0, at)) ? '%' : m;
  });
}
