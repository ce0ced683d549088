// Loads the ISA table: FORMS (index = form id used for dispatch), lookups by id and by mnemonic
// for the encoder (lookup.ts), and the check that no two rows claim the same decode slot. Neither that check
// nor a deep freeze runs at load: together they cost ~10 ms of a command's ~60 ms start-up, so
// the test suite runs both (test/setup.ts freezes the table, test/encode/isa-table.test.ts checks
// the slots), and the readonly types keep the code from writing to it.

import type { Form, FormDef, Mode } from './types.js';
import { formSizes } from './lookup.js';
import { allForms } from './rows.js';

export { BY_MNEMONIC, formById, formSizes } from './lookup.js';

export type { Form, FormDef } from './types.js';

/** Freezes the table and everything it holds (the test suite does, so that any write throws there). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

// Every row, made here (rows.ts): a module that needs only a few rows imports lookup.ts instead.
export const FORMS: readonly Form[] = allForms();

// ---- decode-slot validation -------------------------------------------------------------------
// A slot is (mode, VEX or legacy, mandatory prefix / VEX.pp, opcode bytes, ModRM.mod class, ModRM.reg, ModRM.rm, operand size,
// address size). Rows are grouped by (mode, prefix, opcode bytes); +r rows occupy 8 opcode values.
// Within a group two rows conflict when every remaining dimension overlaps.

function sizeSet(f: FormDef, mode: Mode): readonly number[] {
  const s = formSizes(f, mode);
  return s.length ? s : mode === 64 ? [16, 32, 64] : [16, 32];
}

function overlaps(a: Form, b: Form, mode: Mode): boolean {
  const ma = a.modrm, mb = b.modrm;
  if (!!ma !== !!mb) return false;
  if (ma && mb) {
    if (ma.mod && mb.mod && ma.mod !== mb.mod) return false;
    if (ma.reg !== undefined && mb.reg !== undefined && ma.reg !== mb.reg) return false;
    if (ma.rm !== undefined && mb.rm !== undefined && ma.rm !== mb.rm) return false;
  }
  if (a.asz !== undefined && b.asz !== undefined && a.asz !== b.asz) return false;
  // VEX.L tells vzeroall (L=1) from vzeroupper (L=0).
  if (a.vex && b.vex && a.vex.l !== 'ig' && b.vex.l !== 'ig' && a.vex.l !== b.vex.l) return false;
  const sb = sizeSet(b, mode);
  return sizeSet(a, mode).some((s) => sb.includes(s));
}

export function validateTable(forms: readonly Form[]): void {
  const groups = new Map<string, Form[]>();
  for (const f of forms) {
    if (f.encodeOnly) continue;
    const opreg = f.operands.some((o) => o.loc === 'opreg');
    for (const mode of f.modes) {
      const last = f.opcode[f.opcode.length - 1];
      const n = opreg ? 8 : 1;
      for (let r = 0; r < n; r++) {
        const key = `${mode}|${f.vex ? (f.vex.xop ? `xop${f.vex.xop}` : 'vex') : ''}${f.prefix ?? 0}|${[...f.opcode.slice(0, -1), last + r].join(',')}`;
        const g = groups.get(key);
        if (g) g.push(f);
        else groups.set(key, [f]);
      }
    }
  }
  const errors: string[] = [];
  for (const [key, g] of groups) {
    const mode = Number(key.split('|')[0]) as Mode;
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        if (g[i].overlay !== g[j].overlay) continue; // an overlay row wins at its exact value
        if (!!g[i].fallback !== !!g[j].fallback) continue; // a fallback row only fills the rest
        if (overlaps(g[i], g[j], mode)) errors.push(`${g[i].id} and ${g[j].id} at [${key}]`);
      }
    }
  }
  if (errors.length) throw new Error(`ISA table: rows claim the same decode slot:\n  ${errors.join('\n  ')}`);
}
