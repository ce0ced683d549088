// How the Intel-syntax case files in intel/ are assembled: the mode from the name (`-32.s`/`-64.s`),
// and `cmdline-*` cases start in Intel syntax by command-line option rather than by directive.

export const intelCaseMode = (f: string): 32 | 64 => (f.endsWith('-32.s') ? 32 : 64);
export const isCmdlineCase = (f: string): boolean => f.startsWith('cmdline-');
/** What -msyntax=intel -mnaked-reg amount to at the top of a file (line numbers shift by none: same line). */
export const CMDLINE_PRELUDE = '\t.intel_syntax noprefix; ';
