// The encoder's copies of the ISA table's rows. A row is an object literal with only the fields it
// needs, so the table's ~1,500 rows come in ~200 object shapes (and operand defs in 6): every
// property read on a row in the matcher and in emit() was a megamorphic lookup. A copy with every
// field present, always in the same order, gives all rows one shape. Made on first use per row;
// the table itself is unchanged (decoder and executor read it as it is).

import type { Form, OperandDef } from '../isa/types.js';

/** Every field of T present (undefined when the row has none), so that forgetting one fails to compile. */
type AllFields<T> = { readonly [K in keyof Required<T>]: T[K] | undefined };

import { formCount } from '../isa/lookup.js';

/** By row index; made full-length (not grown by index, which would leave a slow sparse array). */
const copies: (Form | undefined)[] = new Array<Form | undefined>(formCount()).fill(undefined);

/** The encoder's copy of a table row (the same object for the same row). */
export function encForm(f: Form): Form {
  return copies[f.index] ?? (copies[f.index] = copyForm(f));
}

function copyOperand(d: OperandDef): OperandDef {
  const c: AllFields<OperandDef> = { kind: d.kind, loc: d.loc, size: d.size, reg: d.reg, sx: d.sx, access: d.access, memSize: d.memSize };
  return Object.freeze(c) as OperandDef;
}

function copyForm(f: Form): Form {
  const m = f.modrm;
  const c: AllFields<Form> = {
    id: f.id, mnem: f.mnem, aliases: f.aliases, opcode: f.opcode, prefix: f.prefix, np: f.np,
    modrm: m && Object.freeze({ reg: m.reg, mod: m.mod, rm: m.rm }),
    operands: Object.freeze(f.operands.map(copyOperand)),
    osz: f.osz, modes: f.modes, flags: f.flags, suffix: f.suffix, lockable: f.lockable, rep: f.rep, flow: f.flow,
    priv: f.priv, relaxTo: f.relaxTo, cc: f.cc, sem: f.sem, commute: f.commute, encodeOnly: f.encodeOnly,
    decodeOnly: f.decodeOnly, overlay: f.overlay, fallback: f.fallback, asz: f.asz, regIgnored: f.regIgnored,
    osPrefix: f.osPrefix, encSizes: f.encSizes, badSuffix: f.badSuffix, no66: f.no66, intel: f.intel, warn: f.warn,
    intel64: f.intel64, fixedImm: f.fixedImm, repIgnored: f.repIgnored, immNames: f.immNames, vex: f.vex, index: f.index,
  };
  return Object.freeze(c) as Form;
}
