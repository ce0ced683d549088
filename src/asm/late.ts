// Expressions GNU as keeps until layout is done: `.long (2f - 1f) * 4`, or the kernel's
// ALTERNATIVE padding `.skip -(((144f-143f)-(141b-140b)) > 0) * ((144f-143f)-(141b-140b)), 0x90`.
// The symbols are bound when the statement is read (so `1f`/`1b`/`.` mean what they meant there);
// the arithmetic runs once addresses are known.

import type { Expr } from './ast.js';
import { AsmError, type SrcLoc } from './errors.js';
import { binary, isLocalLabelRef, parseChar, parseNumber, type EvalCtx } from './expr.js';
import type { Tok } from './lexer.js';
import { newSym, type Sym } from './symbols.js';
import { where, type Where } from './where.js';

export interface LateExpr {
  readonly e: Expr;
  readonly toks: readonly Tok[];
  /** Token index -> symbol, for every symbol, numeric label reference and `.` in the expression. */
  readonly syms: ReadonlyMap<number, Sym>;
  readonly loc: SrcLoc;
  /** A relocation specifier written in the expression (`x1@GOTOFF + later`): the fixup's. */
  readonly spec?: string;
}

/** Binds the expression's symbols now, for evaluation after layout. */
export function captureLate(e: Expr, toks: readonly Tok[], ctx: EvalCtx): LateExpr {
  const syms = new Map<number, Sym>();
  let spec: string | undefined;
  const walk = (x: Expr): void => {
    switch (x.k) {
      case 'num': {
        const t = toks[x.t];
        if (t.type !== 'num') return;
        const v = t.value;
        if (isLocalLabelRef(v)) {
          const n = v.slice(0, -1);
          const name = (v.charCodeAt(v.length - 1) | 0x20) === 102 ? ctx.symbols.fbNext(n) : ctx.symbols.fbPrev(n);
          if (!name) throw new AsmError(ctx.loc, `backward ref to unknown label "${n}:"`);
          syms.set(x.t, ctx.symbols.ref(name));
        }
        return;
      }
      case 'sym': {
        let name = toks[x.t].value;
        // `sym@SPEC` (joined by parse.ts): the symbol, and the specifier for the whole fixup.
        const at = toks[x.t].quoted ? -1 : name.indexOf('@');
        if (at > 0) {
          spec ??= name.slice(at + 1).toLowerCase();
          name = name.slice(0, at);
        }
        const s = name === '.' ? ctx.dot() : ctx.symbols.ref(name);
        // An equated symbol counts with the value it has now, as in GNU (`i = i + 1` then
        // `.fill start + i*SIZE - ., 1, 0xcc` in a .rept): a later `.set` must not change it.
        const d = s.def;
        const held = d?.kind === 'equ' ? newSym(s.name, -1, undefined, true, { kind: 'equ', value: d.value }) : s;
        if (held !== s) held.loc = s.loc;
        syms.set(x.t, held);
        return;
      }
      case 'un': walk(x.a); return;
      case 'bin': walk(x.a); walk(x.b); return;
    }
  };
  walk(e);
  return { e, toks, syms, loc: ctx.loc, ...(spec !== undefined ? { spec } : {}) };
}

function name(w: Where): string {
  return w.kind === 'label' ? w.sec.name : w.kind === 'abs' ? '*ABS*' : '*UND*';
}

/** Evaluates a late expression with the current layout. */
export function evalLate(x: LateExpr, warn: (m: string) => void): Where {
  const ctx = { loc: x.loc, warn } as unknown as EvalCtx;
  const go = (e: Expr): Where => {
    switch (e.k) {
      case 'num': {
        const s = x.syms.get(e.t);
        if (s) return where(s);
        const t = x.toks[e.t];
        return { kind: 'abs', value: t.type === 'char' ? parseChar(t.value) : parseNumber(t.value, x.loc) };
      }
      case 'sym': return where(x.syms.get(e.t)!);
      case 'un': {
        const a = go(e.a);
        if (e.op === '+') return a;
        if (a.kind !== 'abs') throw new AsmError(x.loc, `invalid operands (${name(a)} and *ABS* sections) for \`${e.op}'`);
        const v = e.op === '-' ? -a.value : e.op === '~' ? ~a.value : a.value === 0n ? 1n : 0n;
        return { kind: 'abs', value: BigInt.asIntN(64, v) };
      }
      case 'bin': {
        const a = go(e.a), b = go(e.b);
        if (a.kind === 'abs' && b.kind === 'abs') return { kind: 'abs', value: binary(e.op, { add: a.value }, { add: b.value }, ctx).add };
        if (e.op === '+' && a.kind !== 'abs' && b.kind === 'abs') return { ...a, add: a.add + b.value };
        if (e.op === '+' && a.kind === 'abs' && b.kind !== 'abs') return { ...b, add: b.add + a.value };
        if (e.op === '-' && a.kind !== 'abs' && b.kind === 'abs') return { ...a, add: a.add - b.value };
        if (e.op === '-' && a.kind === 'label' && b.kind === 'label' && a.sec === b.sec) {
          return { kind: 'abs', value: BigInt(a.addr - b.addr) + a.add - b.add };
        }
        throw new AsmError(x.loc, `invalid operands (${name(a)} and ${name(b)} sections) for \`${e.op}'`);
      }
    }
  };
  return go(x.e);
}
