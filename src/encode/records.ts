// The encoder's fixups as class instances rather than object literals: the front end keeps them to the
// end of the file (its fixup records and line cache), and V8 switches a literal's allocation site to
// old-space allocation once its objects prove long-lived, throwing away the optimized emit() that
// allocates there; `new` of a class has no such site (docs/asm-cold-start.md).

import type { Fixup, Value } from './types.js';

export class FixupRec implements Fixup {
  constructor(
    readonly offset: number, readonly size: 1 | 2 | 4 | 8, readonly value: Value, readonly pcrel: boolean, readonly signed: boolean,
  ) {}
}
