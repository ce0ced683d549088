// Handler tables: one handler per ISA form index, built from FORMS by `sem` name.
//
// Every decodable form gets a handler. Forms whose sem has no handler get a deliberate stand-in:
// privileged forms raise #GP(0) at CPL > 0 (SDM Vol.3 5.9); otherwise the run stops as
// 'unsupported', naming the instruction. A table is an immutable value: the user-mode table (what `x86lab exec` runs) and the
// system model's table (the user table with system sems added or replaced) are separate objects,
// and each Cpu holds the one it runs with, so creating a system model never changes how another
// Cpu in the same process behaves.

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';
import { CpuFault, Unsupported } from './state.js';
import { USER_HANDLERS } from './ops.js';
import type { Handler } from './operands.js';

export type { Handler } from './operands.js';

export interface HandlerTable {
  /** Handler by form index. */
  readonly fns: readonly Handler[];
  /** Per form index: served by the built-in user-mode handler (so fast.ts/jit.ts may specialise it). */
  readonly user: Uint8Array;
  /** Sems with no handler: their forms stop the run as unsupported (or #GP at CPL > 0 when privileged). */
  readonly unhandled: ReadonlySet<string>;
}

function wrap(f: Form, h: Handler | undefined): Handler {
  if (!h) {
    // Not modelled: stop the run naming the instruction rather than raise a #UD the silicon would
    // not (privileged forms still give #GP(0) at CPL > 0 first: SDM Vol.3 5.9).
    const stop = (): never => { throw new Unsupported(`instruction ${f.mnem} (${f.id}) is not modelled`); };
    if (f.priv) return (cpu) => { if (cpu.cpl > 0) throw new CpuFault(13, 0); stop(); };
    return stop;
  }
  // hlt is privileged, but the user-mode runner (x86lab exec) stops at it at any CPL: see exec.ts.
  if (f.priv && f.sem !== 'hlt') {
    const inner = h;
    return (cpu, i) => { if (cpu.cpl > 0) throw new CpuFault(13, 0); inner(cpu, i); };
  }
  return h;
}

/** Build a table from the user-mode handlers with `overrides` added or replacing them by sem. */
export function buildHandlerTable(overrides: Readonly<Record<string, Handler>> = {}): HandlerTable {
  const fns: Handler[] = new Array(FORMS.length);
  const user = new Uint8Array(FORMS.length);
  const unhandled = new Set<string>();
  for (const f of FORMS) {
    const h = Object.prototype.hasOwnProperty.call(overrides, f.sem) ? overrides[f.sem] : USER_HANDLERS[f.sem];
    if (h === undefined) unhandled.add(f.sem);
    if (h !== undefined && h === USER_HANDLERS[f.sem]) user[f.index] = 1;
    fns[f.index] = wrap(f, h);
  }
  return Object.freeze({ fns, user, unhandled });
}

let userTable: HandlerTable | null = null;
/** The user-mode table (built once: it is derived from constant data). */
export function userHandlers(): HandlerTable {
  return userTable ??= buildHandlerTable();
}

/** The user-mode handler for a sem (the system model may wrap one, e.g. popf at CPL 0). */
export function userHandler(sem: string): Handler | undefined { return USER_HANDLERS[sem]; }
