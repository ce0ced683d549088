// The built-in preprocessor on small inputs: features, linemarkers and every diagnostic with
// its exact wording and line (gcc 12's wording, checked by running gcc -E on the same input).

import { describe, expect, it } from 'vitest';
import { preprocess, type CppOptions } from '../../src/asm/cpp/index.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { normalize } from './gcc.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

function cpp(text: string, o: Partial<CppOptions> & { files?: Record<string, string> } = {}) {
  const files = o.files ?? {};
  const r = preprocess(text, {
    file: 'main.S', includeDirs: o.includeDirs ?? [], defines: o.defines ?? [], undefs: o.undefs ?? [],
    mode: o.mode, commandLine: o.commandLine, readFile: (p) => files[p],
  });
  return {
    ...r,
    /** statements that reach the assembler, as `file:line: text` */
    out: normalize(r.text),
    messages: r.diagnostics.map((d) => formatDiagnostic(d)),
  };
}

describe('output and positions', () => {
  it('writes gcc-style linemarkers around includes and keeps line numbers', () => {
    const r = cpp(lines('a', '#include "h.h"', 'b', '', '', '', '', '', '', '', '', '', '', 'c'), { files: { 'h.h': lines('#define X 1', 'inh X') } });
    expect(r.text).toBe(lines('# 1 "main.S"', 'a', '# 1 "h.h" 1', '', 'inh 1', '# 3 "main.S" 2', 'b', '# 14 "main.S"', 'c'));
    expect(r.out).toEqual(['main.S:1: a', 'h.h:2: inh 1', 'main.S:3: b', 'main.S:14: c']);
  });

  it('searches the including file\'s folder, then -I in order; <> only -I', () => {
    const files = { 'dir/a.h': '#include "b.h"\n', 'dir/b.h': 'from_dir\n', 'i1/b.h': 'from_i1\n', 'i1/c.h': 'c_i1\n', 'i2/c.h': 'c_i2\n', 'i2/d.h': 'd_i2\n' };
    const r = cpp(lines('#include "dir/a.h"', '#include <c.h>', '#include <d.h>', '#include <b.h>'), { files, includeDirs: ['i1', 'i2'] });
    expect(r.out).toEqual(['dir/b.h:1: from_dir', 'i1/c.h:1: c_i1', 'i2/d.h:1: d_i2', 'i1/b.h:1: from_i1']);
  });

  it('__BASE_FILE__, __FILE_NAME__, __INCLUDE_LEVEL__, __DATE__, __TIME__', () => {
    const r = cpp(lines('#include "d/h.h"', '__BASE_FILE__ __FILE_NAME__ __INCLUDE_LEVEL__', '.ascii __DATE__, __TIME__'), { files: { 'd/h.h': '__FILE__ __BASE_FILE__ __FILE_NAME__ __INCLUDE_LEVEL__\n' } });
    expect(r.out.slice(0, 2)).toEqual(['d/h.h:1: "d/h.h" "main.S" "h.h" 1', 'main.S:2: "main.S" "main.S" 0']);
    // `out` collapses runs of spaces, so days 1-9 ("Dec  7 2026") read with one space here.
    expect(r.out[2]).toMatch(/^main\.S:3: \.ascii "[A-Z][a-z]{2} {1,2}[1-3]?[0-9] \d{4}", "\d\d:\d\d:\d\d"$/);
    expect(r.text).toMatch(/\.ascii "[A-Z][a-z]{2} [ 1-3][0-9] \d{4}"/);
  });

  it('__FILE__, __LINE__, #line, __COUNTER__', () => {
    const r = cpp(lines('.byte __LINE__', '.ascii __FILE__', '#line 100', '.byte __LINE__', '#line 7 "other.S"', '.ascii __FILE__; .byte __LINE__', '.byte __COUNTER__, __COUNTER__'));
    expect(r.out).toEqual(['main.S:1: .byte 1', 'main.S:2: .ascii "main.S"', 'main.S:100: .byte 100', 'other.S:7: .ascii "other.S"; .byte 7', 'other.S:8: .byte 0, 1']);
  });

  it('passes assembler comments and unterminated quotes through, removes C comments', () => {
    const r = cpp(lines('#define R rax', '# save R: it\'s a comment', '\tmovb $\'a, %al # R', '\tmov $\'R\', %R /* c */ // R', '\tmov $\'R, %R', '#! R'));
    expect(r.out).toEqual(["main.S:2: # save rax: it's a comment", "main.S:3: movb $'a, %al # R", "main.S:4: mov $'R', %rax", "main.S:5: mov $'R, %R", 'main.S:6: #! rax']);
  });
});

describe('macros', () => {
  it('expands object-like and function-like macros with #, ## and __VA_ARGS__', () => {
    const r = cpp(lines(
      '#define OFF 8', '#define REG(x) %r##x', '#define S(x) #x', '#define XS(x) S(x)', '#define V(f, ...) f(__VA_ARGS__)',
      '#define GNU(a, args...) .byte a, ## args', '#define OPT(a, ...) a __VA_OPT__(+ __VA_ARGS__)',
      'mov OFF(%rsp), REG(bx)', '.ascii S(a  "b"), XS(OFF), S(OFF)', 'V(REG, cx)', 'GNU(1)', 'GNU(1, 2)', '.long OPT(1), OPT(1, 2)',
    ));
    expect(r.out.map((l) => l.replace(/^main\.S:\d+: /, ''))).toEqual([
      'mov 8(%rsp), %rbx', '.ascii "a \\"b\\"", "8", "OFF"', '%rcx', '.byte 1', '.byte 1, 2', '.long 1 , 1 + 2',
    ]);
  });

  it('does not re-expand a macro inside its own expansion', () => {
    const r = cpp(lines('#define X X+1', '#define A B', '#define B A', '#define f(x) x f', '.long X, A', 'f(1)(2)'));
    expect(r.out).toEqual(['main.S:5: .long X+1, A', 'main.S:6: 1 f(2)']);
  });

  it('collects arguments over several lines, with conditionals inside', () => {
    const r = cpp(lines('#define F(a, b) [a|b]', 'F(1,', '#if 0', 'no', '#else', '2', '#endif', ')', 'after'));
    expect(r.out).toEqual(['main.S:2: [1|2]', 'main.S:9: after']);
  });

  it('applies -D and -U (in command-line order when given)', () => {
    expect(cpp('A B C\n', { defines: ['A', 'B=2', 'C=x y'] }).out).toEqual(['main.S:1: 1 2 x y']);
    expect(cpp('A\n', { defines: ['A'], undefs: ['A'] }).out).toEqual(['main.S:1: A']);
    expect(cpp('A\n', { commandLine: [['U', 'A'], ['D', 'A=3']] }).out).toEqual(['main.S:1: 3']);
  });

  it('predefines what gcc does for the target mode', () => {
    const probe = '__ASSEMBLER__ __x86_64__ __i386__ __LP64__ __SIZEOF_LONG__ linux\n';
    expect(cpp(probe).out).toEqual(['main.S:1: 1 1 __i386__ 1 8 1']);
    expect(cpp(probe, { mode: 32 }).out).toEqual(['main.S:1: 1 __x86_64__ 1 __LP64__ 4 1']);
  });
});

describe('#if', () => {
  const truth = (e: string, o: Partial<CppOptions> = {}): boolean => cpp(`#if ${e}\nyes\n#endif\n`, o).out.length === 1;
  it('evaluates C integer expressions like gcc', () => {
    for (const e of [
      '1 + 2 * 3 == 7', '(1 << 62) * 4 == 0', '-1 > 0u', '-1 < 0', '0xffffffffffffffff == -1', '1UL << 63 > 0',
      "'a' == 97", "'\\377' < 0", "'\\n' == 10", '10 % 3 == 1', '-7 / 2 == -3', '~0 == -1', '!0', '1 ? 2 : 0',
      '0 ? 1/0 : 1', '0 && 1/0 || 1', 'defined(A) && defined A', '!defined(NOPE)', 'NOPE == 0', '(1, 2) == 2',
      '010 == 8', '0b11 == 3', '3LL == 3', '5 >= 5 && 4 <= 5 && 6 != 5', '(5 & 6) == 4 && (5 | 6) == 7 && (5 ^ 6) == 3',
    ]) expect(truth(e, { defines: ['A'] }), e).toBe(true);
    for (const e of ['0', '1 > 2', 'defined(NOPE)', '1 - 1', "'a' == 98"]) expect(truth(e), e).toBe(false);
  });

  it('treats `defined` produced by a macro as the operator, as gcc does', () => {
    const r = cpp(lines('#define X', '#define HAVE_X defined(X)', '#define HAVE_Y defined Y', '#if HAVE_X && !HAVE_Y', 'a', '#endif', '#define Y', '#if HAVE_Y', 'b', '#endif'));
    expect(r.out).toEqual(['main.S:5: a', 'main.S:9: b']);
    expect(r.messages).toEqual([]);
  });

  it('handles #ifdef/#ifndef/#elif/#else and nesting, skipping directives in dead groups', () => {
    const r = cpp(lines('#define A', '#ifdef A', 'a', '#elif 1/0', '#else', '#error no', '#endif', '#ifndef A', '#bogus', '#elif defined A', 'b', '# if 0', 'c', '# else', 'd', '# endif', '#endif'));
    expect(r.out).toEqual(['main.S:3: a', 'main.S:11: b', 'main.S:15: d']);
    expect(r.messages).toEqual([]);
  });
});

describe('diagnostics (gcc wording, exact line)', () => {
  const msgs = (src: string, o: Partial<CppOptions> & { files?: Record<string, string> } = {}): string[] => cpp(src, o).messages;
  it('bad #if expressions', () => {
    expect(msgs(lines(
      '#if', '#endif', '#if 1 +', '#endif', '#if 1/0', '#endif', '#if (1', '#endif', '#if FOO(2)', '#endif',
      '#if 2 3', '#endif', '#if )', '#endif', '#if 1 ? 2', '#endif', '#if 1 : 2', '#endif', '#if "s"', '#endif',
      '#if 1.0', '#endif', '#if 1 = 1', '#endif', '#if 12ab', '#endif', '#if defined', '#endif', '#if defined(X', '#endif',
      '#if ()', '#endif', '#if 09', '#endif',
    ))).toEqual([
      'main.S:1: Error: #if with no expression',
      "main.S:3: Error: operator '+' has no right operand",
      'main.S:5: Error: division by zero in #if',
      "main.S:7: Error: missing ')' in expression",
      'main.S:9: Error: missing binary operator before token "("',
      'main.S:11: Error: missing binary operator before token "3"',
      "main.S:13: Error: missing '(' in expression",
      "main.S:15: Error: '?' without following ':'",
      "main.S:17: Error:  ':' without preceding '?'",
      'main.S:19: Error: token ""s"" is not valid in preprocessor expressions',
      'main.S:21: Error: floating constant in preprocessor expression',
      'main.S:23: Error: token "=" is not valid in preprocessor expressions',
      'main.S:25: Error: invalid suffix "ab" on integer constant',
      'main.S:27: Error: operator "defined" requires an identifier',
      'main.S:29: Error: missing \')\' after "defined"',
      "main.S:31: Error: missing expression between '(' and ')'",
      'main.S:33: Error: invalid digit "9" in octal constant',
    ]);
  });

  it('#error and #warning', () => {
    const r = cpp(lines('a', '#error bad thing   here', '#warning careful   now', 'b'));
    expect(r.messages).toEqual(['main.S:2: Error: #error bad thing here', 'main.S:3: Warning: #warning careful now']);
    expect(r.failed).toBe(true);
    expect(r.out).toEqual(['main.S:1: a', 'main.S:4: b']); // like gcc, #error does not stop preprocessing
  });

  it('missing include is fatal, with the path as written', () => {
    const r = cpp(lines('a', '#include "nosuch.h"', 'b'), { files: {} });
    expect(r.messages).toEqual(['main.S:2: Error: nosuch.h: No such file or directory']);
    expect(r.out).toEqual(['main.S:1: a']);
    expect(msgs('#include <x.h>\n')).toEqual(['main.S:1: Error: x.h: No such file or directory']);
    expect(msgs('#include x.h\n')).toEqual(['main.S:1: Error: #include expects "FILENAME" or <FILENAME>']);
  });

  it('errors inside an included file name that file', () => {
    expect(msgs('#include "h.h"\n', { files: { 'h.h': 'ok\n#if\n#endif\n' } })).toEqual(['h.h:2: Error: #if with no expression']);
  });

  it('runaway recursive include stops at depth 200', () => {
    const r = cpp('#include "main.S"\n', { files: { 'main.S': '#include "main.S"\n' } });
    expect(r.messages).toEqual(['main.S:1: Error: #include nested depth 200 exceeds maximum of 200 (use -fmax-include-depth=DEPTH to increase the maximum)']);
  });

  it('conditional structure errors', () => {
    expect(msgs(lines('#endif', '#else', '#elif 1', '#if 0', '#else', '#else', '#endif', '#ifdef', '#endif', '#ifdef 3', '#endif', '#if 1'))).toEqual([
      'main.S:1: Error: #endif without #if',
      'main.S:2: Error: #else without #if',
      'main.S:3: Error: #elif without #if',
      'main.S:6: Error: #else after #else',
      'main.S:4: Error: the conditional began here',
      'main.S:8: Error: no macro name given in #ifdef directive',
      'main.S:10: Error: macro names must be identifiers',
      'main.S:12: Error: unterminated #if',
    ]);
    expect(msgs('#ifdef X\n#else\n')).toEqual(['main.S:2: Error: unterminated #else']);
  });

  it('macro definition and invocation errors', () => {
    expect(msgs(lines(
      '#define A(x x', '#define B(x,x) x', '#define C ## x', '#define D x ##', '#define 3', '#define',
      '#define F(x) x', 'F(1,2)', '#define G(a, b) a', 'G(1)', '#define F(y) y', '#undef', '#undef F junk', 'G(1,',
    ))).toEqual([
      'main.S:1: Error: expected \',\' or \')\', found "x"',
      'main.S:2: Error: duplicate macro parameter "x"',
      "main.S:3: Error: '##' cannot appear at either end of a macro expansion",
      "main.S:4: Error: '##' cannot appear at either end of a macro expansion",
      'main.S:5: Error: macro names must be identifiers',
      'main.S:6: Error: no macro name given in #define directive',
      'main.S:8: Error: macro "F" passed 2 arguments, but takes just 1',
      'main.S:10: Error: macro "G" requires 2 arguments, but only 1 given',
      'main.S:11: Warning: "F" redefined',
      'main.S:12: Error: no macro name given in #undef directive',
      'main.S:13: Warning: extra tokens at end of #undef directive',
      'main.S:14: Error: unterminated argument list invoking macro "G"',
    ]);
  });

  it('runaway expansion stops with an error instead of exhausting memory', () => {
    const defs = ['#define X0 a', ...Array.from({ length: 40 }, (_, i) => `#define X${i + 1} X${i} X${i}`)];
    const r = cpp(lines(...defs, 'before', 'X40', 'after'));
    expect(r.messages).toEqual(['main.S:43: Error: macro expansion exceeds 5000000 tokens']);
    expect(r.out).toEqual(['main.S:42: before']);
    expect(cpp(lines(...defs, '#if X40', '#endif')).messages).toEqual(['main.S:42: Error: macro expansion exceeds 5000000 tokens']);
  });

  it('#line errors', () => {
    expect(msgs(lines('#line x', '#line 5 junk'))).toEqual([
      'main.S:1: Error: "x" after #line is not a positive integer',
      'main.S:2: Error: "junk" is not a valid filename',
    ]);
  });
});
