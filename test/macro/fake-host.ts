// A tiny stand-in for the assembler behind the macro layer: it evaluates integer expressions
// over symbols, records `sym = expr` / `.set sym, expr` and labels, and collects every other
// statement the layer passes through, so the layer can be tested on its own.

import { AsmError, formatDiagnostic, type Diagnostic, type SrcLoc } from '../../src/asm/errors.js';
import { arraySource, splitStatements, type SourceLine } from '../../src/asm/lines.js';
import { createMacroLayer, type MacroHost, type MacroLimits } from '../../src/asm/macro/index.js';

export function evalInt(text: string, syms: ReadonlyMap<string, bigint>, loc: SrcLoc): bigint {
  const toks = text.match(/0x[0-9a-fA-F]+|\d+|[A-Za-z_.$][\w.$]*|<<|>>|<=|>=|==|!=|&&|\|\||\S/g) ?? [];
  let i = 0;
  const fail = (): never => { throw new AsmError(loc, 'bad expression'); };
  const prim = (): bigint => {
    const t = toks[i++];
    if (t === undefined) return fail();
    if (t === '(') { const v = bin(0); if (toks[i++] !== ')') fail(); return v; }
    if (t === '-') return -prim();
    if (t === '~') return ~prim();
    if (t === '!') return prim() === 0n ? 1n : 0n;
    if (/^(0x[0-9a-fA-F]+|\d+)$/.test(t)) return BigInt(t);
    const v = syms.get(t);
    if (v === undefined) throw new AsmError(loc, 'non-constant expression');
    return v;
  };
  const PREC: Record<string, number> = { '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10 };
  const bin = (min: number): bigint => {
    let l = prim();
    for (;;) {
      const op = toks[i];
      const p = op === undefined ? undefined : PREC[op];
      if (p === undefined || p < min) return l;
      i++;
      const r = bin(p + 1);
      const b = (x: boolean): bigint => (x ? -1n : 0n); // GNU: true is -1 for comparisons
      switch (op) {
        case '+': l += r; break; case '-': l -= r; break; case '*': l *= r; break;
        case '/': l /= r; break; case '%': l %= r; break; case '<<': l <<= r; break; case '>>': l >>= r; break;
        case '&': l &= r; break; case '|': l |= r; break; case '^': l ^= r; break;
        case '==': l = b(l === r); break; case '!=': l = b(l !== r); break;
        case '<': l = b(l < r); break; case '>': l = b(l > r); break; case '<=': l = b(l <= r); break; case '>=': l = b(l >= r); break;
        case '&&': l = l && r ? 1n : 0n; break; case '||': l = l || r ? 1n : 0n; break;
      }
    }
  };
  const v = bin(0);
  if (i !== toks.length) fail();
  return v;
}

export interface Run {
  /** Statements that reached the "parser", trimmed, blank ones dropped. */
  out: string[];
  /** The same with their locations. */
  lines: SourceLine[];
  diags: Diagnostic[];
  /** formatDiagnostic of every diagnostic, split into lines. */
  messages: string[];
}

export function run(src: string, opts: { files?: Record<string, string>; limits?: MacroLimits; file?: string } = {}): Run {
  const syms = new Map<string, bigint>();
  const diags: Diagnostic[] = [];
  const host: MacroHost = {
    evalAbsolute: (e, loc) => evalInt(e, syms, loc),
    isDefined: (s) => syms.has(s),
    diag: (d) => diags.push(d),
    readInclude: (name) => (opts.files?.[name] !== undefined ? { file: name, text: opts.files[name] } : undefined),
  };
  const layer = createMacroLayer(arraySource(splitStatements(src, opts.file ?? 't.s')), host, opts.limits);
  const lines: SourceLine[] = [];
  for (let l = layer.next(); l; l = layer.next()) {
    let t = l.text.trim();
    for (let m = /^([A-Za-z_.$][\w.$]*|\d+):\s*/.exec(t); m; m = /^([A-Za-z_.$][\w.$]*|\d+):\s*/.exec(t)) {
      syms.set(m[1], 0n);
      t = t.slice(m[0].length);
    }
    const set = /^(?:\.set\s+([\w.$]+)\s*,|([\w.$]+)\s*=(?!=))(.*)$/.exec(t);
    if (set) syms.set(set[1] ?? set[2], evalInt(set[3], syms, l.loc));
    if (l.text.trim() !== '') lines.push({ text: l.text.trim(), loc: l.loc });
  }
  return { out: lines.map((l) => l.text), lines, diags, messages: diags.flatMap((d) => formatDiagnostic(d).split('\n')) };
}
