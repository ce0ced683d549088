// The records an instruction leaves for relaxation (a branch fragment, its target, the entry in
// Assembly.branches). They live to the end of the assembly, so they are classes, not literals
// (docs/asm-cold-start.md, long-lived records); one class per record also gives each one shape,
// where the literals differed in their optional fields.

import type { Encoded } from '../encode/types.js';
import type { Mode } from '../isa/types.js';
import type { SrcLoc } from './errors.js';
import type { BranchFrag, Section } from './sections.js';
import type { BranchInfo } from './state.js';
import type { Sym, Val } from './symbols.js';

export class BranchFragRecord implements BranchFrag {
  readonly kind = 'branch';
  addr = 0;
  constructor(readonly short: Encoded, readonly near: Encoded, public long: boolean, readonly loc: SrcLoc, readonly sym: string | undefined) {}
}

export class BranchTarget implements Val {
  constructor(readonly add: bigint, readonly sym: Sym | undefined, readonly minus: Sym | undefined) {}
}

export class BranchRecord implements BranchInfo {
  relaxable: boolean | undefined = undefined;
  viaExpr: boolean | undefined = undefined;
  constructor(readonly sec: Section, readonly frag: BranchFrag, readonly target: Val, readonly mode: Mode) {}
}
