// Random macro programs for the differential check of argument splitting and substitution
// against GNU as: a macro prints its arguments (.print), iterates them (.irp/.irpc) and
// compares them (.ifc/.ifb); invocations combine argument shapes and separators at random.
// Deterministic per seed, so golden data only needs GNU's output.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, SrcLoc } from '../../src/asm/errors.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { arraySource, splitStatements } from '../../src/asm/lines.js';
import { createMacroLayer } from '../../src/asm/macro/index.js';
import { evalInt } from './fake-host.js';

const ARGS = ['a', '1', '%rax', '(1 2)', '"x y"', '"q,r"', "'c", '<x y>', '[1, 2]', '1+2', '1 + 2', '-1', 'b=5', 'c=', '', 'x.y', '$3', '(a,b)', 'a(b)c', '%1+1', '<a!>b>', '(', ')', 'z\tw', 'b = 2', '"a b" c'];
const SEPS = [',', ' ', ' , ', ',,', '\t', ', ', ' ,'];
const FORMALS = ['a, b, c', 'a b c', 'a=1, b=2 c', 'a:req, b, c:vararg', 'a, b:vararg', 'a=x y, b, c', 'a b=<q> c', 'a, b, c=3', 'a="d e", b, c'];

export function genCase(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const alt = rnd(4) === 0;
  const lines = alt ? ['.altmacro'] : [];
  lines.push(`.macro m ${pick(FORMALS)}`);
  lines.push(alt ? '.print "[a][b][c]"' : '.print "[\\a][\\b][\\c]"');
  lines.push('.irp q, \\a, \\b', '.print "<\\q>"', '.endr');
  if (!alt) lines.push('.irpc q, \\a', '.print "{\\q}"', '.endr');
  lines.push('.ifc \\a,\\b', '.print "same"', '.endif', '.ifb \\c', '.print "cblank"', '.endif', '.endm');
  for (let k = 0; k < 6; k++) {
    const n = rnd(4);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(pick(ARGS));
    lines.push('m' + pick([' ', '\t', '  ']) + parts.map((p, j) => (j ? pick(SEPS) : '') + p).join(''), '.print "--"');
  }
  return lines.join('\n') + '\n';
}

const VALS = ['1', 'x', '%rax', '"a b"', '(1, 2)', '<p q>', '1 + 1', '', 'a=b', "'z", '-3', '"q"r', 'y\\()z', '%2*3', '[x y]'];

/** Second family: nested invocations passing arguments on, keyword/default/vararg mixes, .ifc/.ifnc. */
export function genCase2(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const alt = rnd(5) === 0;
  const lines = alt ? ['.altmacro'] : [];
  lines.push('.macro in p, q=dq', alt ? '.print "in:[p][q]"' : '.print "in:[\\p][\\q]"', '.endm');
  lines.push(`.macro out a, b=${pick(['1', 'x y', '"s t"', '<u v>', ''])}, c:vararg`);
  lines.push(alt ? '.print "out:[a][b][c]"' : '.print "out:[\\a][\\b][\\c]"');
  lines.push(`in ${pick(['\\a', '\\b', '\\c', 'q=\\a', '\\a \\b', '\\a,\\c', '"\\a"', 'p=\\b q=\\a'])}`);
  lines.push('.ifnc "\\a",""', '.print "a-nonempty"', '.endif');
  lines.push(`.ifc \\b,${pick(['1', 'x y', 'x', ''])}`, '.print "b-match"', '.endif', '.endm');
  for (let k = 0; k < 6; k++) {
    const n = rnd(4);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push((rnd(5) === 0 ? pick(['a=', 'b=', 'c=']) : '') + pick(VALS));
    lines.push('out ' + parts.join(pick([',', ' ', ', ', ' , '])), '.print "--"');
  }
  return lines.join('\n') + '\n';
}

/** Third family: random, often unbalanced, conditional and repetition structure (.if/.elseif/
 *  .else/.endif, .ifdef/.ifb/.ifc..., .rept/.irpc/.endr, .exitm, symbols re-assigned) with
 *  macro definitions kept whole, to compare skipping and every structural message. (A macro
 *  definition that starts inside a .rept body and ends after it makes GNU as 2.40 count later
 *  lines one short; that GNU quirk is not reproduced, so definitions are generated whole.) */
export function genCase3(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >>> 8) % n;
  };
  const pick = <T>(a: readonly T[]): T => a[rnd(a.length)];
  const L = ['a = 1', 'b = 0'];
  let p = 0;
  const n = 10 + rnd(25);
  for (let k = 0; k < n; k++) {
    const r = rnd(15);
    const e = pick(['a', 'b', 'a+b', 'a-1', '2', '0', 'a == 1', 'b > 0']);
    if (r === 0) L.push(`.if ${e}`);
    else if (r === 1) L.push(`.elseif ${e}`);
    else if (r === 2) L.push('.else');
    else if (r === 3 || r === 4) L.push('.endif');
    else if (r === 5) L.push(pick(['.ifdef a', '.ifndef a', '.ifdef zz', '.ifb', '.ifnb x', '.ifc x,x', '.ifnc x,y', '.ifeq b', '.ifne b', '.iflt a', '.ifge b']));
    else if (r === 6) L.push(`.rept ${pick(['0', '1', '2', 'a', 'a+1'])}`);
    else if (r === 7) L.push('.endr');
    else if (r === 8) L.push(`.irpc c, ${pick(['12', 'ab', '""'])}`);
    else if (r === 9) {
      const m = 'm' + rnd(3);
      L.push(`.macro ${m}${rnd(2) ? ' x' : ''}`, ...Array.from({ length: rnd(3) }, () => pick(['.if \\x', '.endif', '.exitm', `.print "${m}"`, '.else'])), '.endm');
    } else if (r === 10) L.push(pick(['.exitm', 'm0', 'm1 5', 'm2', 'm0 1', '.endm']));
    else if (r === 11) L.push(pick(['a = a + 1', 'b = 1', '.purgem m' + rnd(3)]));
    else L.push(`.print "p${p++}"`);
  }
  return L.join('\n') + '\n';
}

// Assembler-level complaints (about the printed text reaching the parser) are not the layer's business.
const NOT_LAYER = /no such instruction|junk at end|bad expression|missing operand|zero assumed|unknown pseudo|Info: macro invoked|non-constant|mismatch for|invalid character|bad register name|operand|expected: |after expression/;

/** GNU as: .print lines (stdout) then the layer-level messages (stderr). */
export function gnuRun(src: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-fz-'));
  try {
    writeFileSync(join(dir, 'fz.s'), src);
    const r = spawnSync('as', ['--64', '-o', 'fz.o', 'fz.s'], { cwd: dir, encoding: 'utf8' });
    const err = r.stderr.split('\n').filter((l) => l && !l.endsWith('Assembler messages:') && !NOT_LAYER.test(l));
    return [...r.stdout.split('\n').filter(Boolean), ...err];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The macro layer alone, same shape. */
export function layerRun(src: string): string[] {
  const diags: Diagnostic[] = [];
  const syms = new Map<string, bigint>();
  const layer = createMacroLayer(arraySource(splitStatements(src, 'fz.s')), {
    evalAbsolute: (e: string, loc: SrcLoc) => evalInt(e, syms, loc),
    isDefined: (name) => syms.has(name),
    diag: (d) => diags.push(d),
    readInclude: () => undefined,
  });
  // The "assembler" here only records `sym = expr`, so .if sees symbols as GNU's would.
  for (let l = layer.next(); l; l = layer.next()) {
    const m = /^\s*([A-Za-z_.$][\w.$]*)\s*=(?!=)(.*)$/.exec(l.text);
    if (m) {
      try {
        syms.set(m[1], evalInt(m[2], syms, l.loc));
      } catch {
        /* not an absolute value: leave it undefined */
      }
    }
  }
  const out = diags.filter((d) => d.stdout).map((d) => d.message);
  const err = diags.filter((d) => !d.stdout).map((d) => formatDiagnostic(d).split('\n')[0]).filter((l) => !NOT_LAYER.test(l));
  return [...out, ...err];
}
