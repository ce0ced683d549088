// The ELF type and size a symbol equated to another one takes (`.set a, b`, `a = b`, `.equ a, b`),
// as GNU as 2.40 gives them (measured; the kernel's SYM_FUNC_ALIAS and Xen's hypercall page rely on it):
// - b defined at the assignment (`a = b`, `a = b + 8`): b's type and size as they are *then* are copied, once (a later
//   `.type b`/`.size b` does not reach a; a later `.set a, 8` keeps them). The types combine as BFD's
//   flags do (function over object: `.type a, @function` before `.set a, obj` stays function); a size
//   a already has stays;
// - b not yet defined: a takes b's final type and size at the end, unless it has its own; only
//   with no offset (`a = b`, `a = b + 0`: after `a = b + 32` a stays untyped).
// A `.type`/`.size` written for a after the assignment replaces what was copied.

import type { Sym, Val } from './symbols.js';

/** BFD writes the first of these a symbol's flags hold. */
const RANK: readonly string[] = ['tls_object', 'gnu_indirect_function', 'function', 'object'];

const rank = (t: string): number => (RANK.includes(t) ? RANK.indexOf(t) : RANK.length);
const typed = (t: string | undefined): t is string => t !== undefined && t !== 'notype';

/** The one symbol `v` names with no offset, or undefined. */
function named(v: Val): Sym | undefined {
  return v.sym !== undefined && v.minus === undefined && v.spec === undefined && v.add === 0n ? v.sym : undefined;
}

/** At `.set sym, value`: copies the target's attributes now, or marks sym to take them at the end. */
export function noteEquate(sym: Sym, value: Val): void {
  sym.lateAlias = undefined;
  const t = value.sym !== undefined && value.minus === undefined && value.spec === undefined ? value.sym : undefined;
  if (!t) return;
  if (!t.def) { if (named(value)) sym.lateAlias = true; return; }
  if (typed(t.type)) sym.type = typed(sym.type) && rank(sym.type) <= rank(t.type) ? sym.type : t.type;
  if (t.size && !sym.size) sym.size = t.size;
}

/** The type and the symbol whose `.size` applies, for the output (late equates resolved). */
export function equateAttrs(s: Sym, depth = 0): { type?: string; sizeOf?: Sym } {
  const own = { type: s.type, sizeOf: s.size ? s : undefined };
  if (!s.lateAlias || s.def?.kind !== 'equ' || depth > 64) return own;
  const t = named(s.def.value);
  if (!t) return own;
  const from = equateAttrs(t, depth + 1);
  return { type: typed(own.type) ? own.type : from.type ?? own.type, sizeOf: own.sizeOf ?? from.sizeOf };
}
