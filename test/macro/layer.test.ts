// The macro layer on its own, in front of a fake assembler (fake-host.ts): expansion text,
// conditionals, limits and every message with its exact wording and line (GNU as 2.40's).

import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { run } from './fake-host.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('.macro', () => {
  it('substitutes positional, keyword and default arguments', () => {
    const r = run(lines('.macro m a, b=7, c', 'op \\a, \\b, \\c', '.endm', 'm 1, 2, 3', 'm 4', 'm c=9, a=8', 'm x y z'));
    expect(r.out).toEqual(['op 1, 2, 3', 'op 4, 7,', 'op 8, 7, 9', 'op x, y, z']);
    expect(r.messages).toEqual([]);
  });

  it('treats names case-insensitively and formals case-sensitively', () => {
    const r = run(lines('.macro MyMac arg', 'op \\arg \\Arg', '.endm', 'MYMAC 5'));
    expect(r.out).toEqual(['op 5 \\Arg']);
  });

  it('supports \\@, \\() and :vararg', () => {
    const r = run(lines('.macro m n, rest:vararg', 'lab\\n\\()_\\@: op \\rest', '.endm', 'm 1, a, b , c', 'm 2'));
    expect(r.out).toEqual(['lab1_0: op a,b,c', 'lab2_1: op']);
  });

  it('keeps a label in front of an invocation before the expansion', () => {
    const r = run(lines('.macro m', 'inner', '.endm', 'outer: m'));
    expect(r.out).toEqual(['outer:', 'inner']);
  });

  it('expands nested definitions and invocations, with .exitm and .purgem', () => {
    const r = run(lines(
      '.macro def name, v', '.macro \\name', 'op \\v', '.endm', '.endm',
      'def one, 1', 'one', '.purgem one', 'def one, 2', 'one',
      '.macro ex n', 'a\\n', '.if \\n', '.exitm', '.endif', 'b\\n', '.endm', 'ex 0', 'ex 1',
    ));
    expect(r.out).toEqual(['op 1', 'op 2', 'a0', 'b0', 'a1']);
    expect(r.messages).toEqual([]);
  });

  it('strips quotes from string arguments and splits on blanks outside brackets', () => {
    const r = run(lines('.macro m a, b', '[\\a|\\b]', '.endm', 'm "x y", (1 2)', 'm 1 + 2, 3', "m 'a, 2"));
    expect(r.out).toEqual(['[x y|(1 2)]', '[1+2|3]', '[97|2]']);
  });

  it('marks expanded statements with the invocation as loc.via', () => {
    const r = run(lines('.macro in', 'x', '.endm', '.macro out', 'in', '.endm', 'out'));
    expect(r.lines[0].loc).toEqual({ file: 't.s', line: 2, via: { file: 't.s', line: 5, via: { file: 't.s', line: 7 } } });
    expect(formatDiagnostic({ severity: 'error', loc: r.lines[0].loc, message: 'no such instruction: `x\'' })).toBe(
      "t.s:2: Error: no such instruction: `x'\nt.s:5:  Info: macro invoked from here\nt.s:7:   Info: macro invoked from here",
    );
  });

  it('indents "invoked from here" by expansion depth, counting .rept/.irp levels GNU does not name', () => {
    const r = run(lines('.macro m', '.irp x, 1', 'bad\\x', '.endr', '.endm', '.rept 1', 'm', '.endr'));
    expect(r.lines.map((l) => l.text)).toEqual(['bad1']);
    const text = formatDiagnostic({ severity: 'error', loc: r.lines[0].loc, message: "no such instruction: `bad1'" });
    expect(text).toBe("t.s:3: Error: no such instruction: `bad1'\nt.s:7:   Info: macro invoked from here");
  });

  it('reports definition and invocation errors as GNU as does', () => {
    const r = run(lines(
      '.macro u a:req', '.endm', 'u',                 // 1-3
      '.macro u', '.endm',                            // 4-5 duplicate
      '.macro two a, b', '.endm', 'two 1, 2, 3',      // 6-8
      'two b=1, z=2',                                 // 9
      'two a=1, 2',                                   // 10
      '.macro', '.endm',                              // 11-12
      '.macro q a:foo', '.endm',                      // 13-14
      '.macro d a, a', '.endm',                       // 15-16
      '.endm', '.exitm', '.purgem nosuch',            // 17-19
    ));
    expect(r.messages).toEqual([
      "t.s:3: Error: Missing value for required parameter `a' of macro `u'",
      "t.s:4: Error: Macro `u' was already defined",
      't.s:8: Error: too many positional arguments',
      "t.s:9: Error: Parameter named `z' does not exist for macro `two'",
      "t.s:10: Error: can't mix positional and keyword arguments",
      't.s:11: Error: Missing macro name',
      "t.s:13: Error: `foo' is not a valid parameter qualifier for `a' in macro `q'",
      "t.s:15: Error: A parameter named `a' already exists for macro `d'",
      't.s:17: Warning: .endm encountered without preceding .macro',
      't.s:18: Warning: ignoring macro exit outside a macro definition.',
      "t.s:19: Warning: Attempt to purge non-existing macro `nosuch'",
    ]);
  });

  it('reports an unterminated definition at its .macro line', () => {
    const r = run(lines('nop', '.macro open a', 'body'));
    expect(r.messages).toEqual(["t.s:2: Error: unexpected end of file in macro `open' definition"]);
    expect(r.out).toEqual(['nop']);
  });

  it('stops runaway recursion with a fatal error after 100 levels', () => {
    const r = run(lines('.macro r', 'r', '.endm', 'r', 'after'));
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0].fatal).toBe(true);
    expect(r.messages[0]).toBe('t.s:2: Fatal error: macros nested too deeply');
    expect(r.messages).toHaveLength(1 + 101);
    expect(r.messages[101]).toBe(`t.s:4:${' '.repeat(102)}Info: macro invoked from here`);
    expect(r.out).toEqual([]);
  });
});

describe('.rept / .irp / .irpc', () => {
  it('repeats, iterates lists and characters', () => {
    const r = run(lines('.rept 2', 'a', '.endr', '.irp r, x, y z', 'push \\r', '.endr', '.irpc c, 12', 'b\\c', '.endr', '.irp e', 'e[\\e]', '.endr'));
    expect(r.out).toEqual(['a', 'a', 'push x', 'push y', 'push z', 'b1', 'b2', 'e[]']);
  });

  it('nests and sees symbols re-assigned on each pass', () => {
    const r = run(lines('n = 0', '.rept 3', '.if n == 1', 'one', '.endif', 'n = n + 1', '.endr', '.rept 2', '.rept 2', 'in', '.endr', '.endr'));
    expect(r.out.filter((t) => !t.includes('='))).toEqual(['one', 'in', 'in', 'in', 'in']);
  });

  it('reports errors with GNU wording', () => {
    const r = run(lines('.rept -1', 'x', '.endr', '.endr', '.irp', '.endr', '.irp x, 1'));
    expect(r.messages).toEqual([
      't.s:1: Error: negative count for REPT - ignored',
      't.s:4: Warning: .endr encountered without preceding .rept, .irp, or .irpc',
      't.s:5: Error: missing model parameter',
      't.s:7: Error: unexpected end of file in irp or irpc',
    ]);
    expect(r.out).toEqual([]);
    expect(run(lines('.rept 3', 'nop')).messages).toEqual(['t.s:3: Error: REPT without ENDR']);
  });

  it('a non-constant count gets GNU\'s message', () => {
    expect(run(lines('.rept undefined_sym', 'x', '.endr')).messages).toEqual(['t.s:1: Error: bad or irreducible absolute expression']);
  });

  it('refuses a huge .rept instead of hanging', () => {
    const r = run(lines('.rept 100000000', 'nop', '.endr', 'after'));
    expect(r.messages).toEqual(['t.s:1: Error: .rept count 100000000 is too large: the expansion would exceed 1000000 statements']);
    expect(r.out).toEqual(['after']);
  });

  it('stops when nested expansions exceed the total budget', () => {
    const r = run(lines('.if 1', '.rept 100', '.rept 100', 'x', '.endr', '.endr', 'after', '.endif'), { limits: { maxTotal: 5000 } });
    expect(r.messages).toEqual(['t.s:4: Fatal error: macro expansion produced more than 5000 statements']);
    expect(r.out.length).toBeLessThanOrEqual(5000);
    expect(r.out).not.toContain('after');
  });
});

describe('conditionals', () => {
  it('selects branches and evaluates in order with the symbols defined so far', () => {
    const r = run(lines(
      'a = 2', '.if a > 1', 'yes1', '.elseif 1', 'no', '.else', 'no', '.endif',
      '.ifdef b', 'no', '.else', 'yes2', '.endif', 'b = 1', '.ifdef b', 'yes3', '.endif',
      '.ifb', 'yes4', '.endif', '.ifnb x', 'yes5', '.endif', '.ifc a b , a b', 'yes6', '.endif',
      '.ifnc x,X', 'yes7', '.endif', '.ifeqs "q", "q"', 'yes8', '.endif', '.iflt -1', 'yes9', '.endif',
      '.ifge 0', 'yes10', '.endif', '.ifgt 0', 'no', '.endif', '.ifle 0', 'yes11', '.endif', '.ifeq 0', 'yes12', '.endif',
    ));
    expect(r.out.filter((t) => !t.includes('='))).toEqual(['yes1', 'yes2', 'yes3', 'yes4', 'yes5', 'yes6', 'yes7', 'yes8', 'yes9', 'yes10', 'yes11', 'yes12']);
    expect(r.messages).toEqual([]);
  });

  it('never evaluates anything in a skipped region', () => {
    const r = run(lines('.if 0', '.if undefined_symbol', '.rept undefined_symbol', '.error "x"', '.endif', '.macro m', '.else', 'yes', '.endif', 'm'));
    expect(r.messages).toEqual([]);
    expect(r.out).toEqual(['yes', 'm']);
  });

  it('reports misplaced and unterminated conditionals', () => {
    const r = run(lines('.endif', '.else', '.elseif 1', '.if 1', '.else', '.else', '.elseif 0', '.endif', '.ifdef', '.if undefined_sym', '.endif', '.if 1'));
    expect(r.messages).toEqual([
      't.s:1: Error: ".endif" without ".if"',
      't.s:2: Error: ".else" without matching ".if"',
      't.s:3: Error: ".elseif" without matching ".if"',
      't.s:6: Error: duplicate ".else"',
      't.s:5: Error: here is the previous ".else"',
      't.s:4: Error: here is the previous ".if"',
      't.s:7: Error: ".elseif" after ".else"',
      't.s:5: Error: here is the previous ".else"',
      't.s:4: Error: here is the previous ".if"',
      't.s:9: Error: invalid identifier for ".ifdef"',
      't.s:10: Error: non-constant expression in ".if" statement',
      't.s: Error: end of file inside conditional',
      't.s:12: Error: here is the start of the unterminated conditional',
    ]);
  });

  it('after a misplaced .elseif keeps evaluating, a duplicate .else changes nothing (GNU cond.c)', () => {
    const r = run(lines('.if 0', '.else', 'G', '.elseif 1', 'H', '.elseif 0', 'no', '.endif', '.if 1', 'A', '.else', 'no', '.else', 'no', '.endif'));
    expect(r.out).toEqual(['G', 'H', 'A']);
    expect(r.messages.filter((m) => !m.includes('previous'))).toEqual([
      't.s:4: Error: ".elseif" after ".else"',
      't.s:6: Error: ".elseif" after ".else"',
      't.s:13: Error: duplicate ".else"',
    ]);
  });

  it('an .if left open inside .rept/.irp stays open after it (only macros close them)', () => {
    const r = run(lines('.irp x, 1', '.if 0', '.endr', 'skipped', '.endif', 'shown'));
    expect(r.out).toEqual(['shown']);
    expect(r.messages).toEqual([]);
  });

  it('closes conditionals left open by a macro', () => {
    const r = run(lines('.macro m', '.if 1', '.endm', 'm', 'after'));
    expect(r.messages).toEqual([
      't.s:2: Error: end of macro inside conditional',
      't.s:4:  Info: macro invoked from here',
      't.s:4: Error: here is the start of the unterminated conditional',
    ]);
    expect(r.out).toEqual(['after']);
  });
});

describe('messages, includes, altmacro', () => {
  it('names the invoking file with the body line for a macro from another file, as GNU does', () => {
    const r = run(lines('.include "defs.s"', 'm'), { files: { 'defs.s': lines('', '.macro m', 'inner', '.endm') } });
    expect(r.lines[0]).toEqual({ text: 'inner', loc: { file: 't.s', line: 3, origin: 'defs.s', via: { file: 't.s', line: 2 } } });
  });

  it('.error, .warning, .print, .err', () => {
    const r = run(lines('.error "bad \\"thing\\""', '.warning "careful"', '.print "hello"', '.error', '.warning', '.error foo', '.err'));
    expect(r.messages).toEqual([
      't.s:1: Error: bad "thing"',
      't.s:2: Warning: careful',
      'hello',
      't.s:4: Error: .error directive invoked in source file',
      't.s:5: Warning: .warning directive invoked in source file',
      't.s:6: Error: .error argument must be a string',
      't.s:7: Error: .err encountered',
    ]);
    expect(r.diags[2]).toMatchObject({ severity: 'info', stdout: true, message: 'hello' });
  });

  it('.include reads through the host, with positions in the included file', () => {
    const r = run(lines('a', '.include "inc.s"', 'c', '.include "missing.s"'), { files: { 'inc.s': 'b1\n.macro im\nb2\n.endm\nim\n' } });
    expect(r.out).toEqual(['a', 'b1', 'b2', 'c']);
    expect(r.lines[2].loc).toEqual({ file: 'inc.s', line: 3, via: { file: 'inc.s', line: 5 } });
    expect(r.messages).toEqual(["t.s:4: Error: can't open missing.s for reading: No such file or directory"]);
  });

  it('.altmacro: %expr, <strings>, bare parameter names, quotes kept', () => {
    const r = run(lines('v = 3', '.altmacro', '.macro m a, b', 'op a, b', 'lab_a&b:', '.endm', 'm %v*2, <x y>', 'm "s t", <p!>q>', '.noaltmacro', '.macro n a', 'op a \\a', '.endm', 'n 1'));
    expect(r.out.filter((t) => !t.includes('='))).toEqual(['op 6, x y', 'lab_ax y:', 'op "s t", p>q', 'lab_ap>q:', 'op a 1']);
  });

  it('& before a parameter name substitutes it, in both modes (as GNU does)', () => {
    const body = 'x&a& &b y&c& &&a z& a&b';
    const r = run(lines('.macro m a, b', body, '.endm', 'm 1, 2', '.altmacro', '.macro n a, b', body, '.endm', 'n 1, 2'));
    expect(r.out).toEqual(['x1 2 y&c& &&a z& a2', 'x1 2 yc &&1 z 12']);
  });

  it('.end stops the stream', () => {
    expect(run(lines('a', '.end', 'b')).out).toEqual(['a']);
    const r = run(lines('.if 1', 'a', '.end', '.endif'));
    expect(r.out).toEqual(['a']);
    expect(r.messages).toEqual(['t.s: Error: end of file inside conditional', 't.s:1: Error: here is the start of the unterminated conditional']);
  });
});
