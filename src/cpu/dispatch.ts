// The handler array: one handler per ISA form index, built from FORMS by `sem` name.
//
// Every decodable form gets a handler. Forms whose sem has no user-mode handler get a deliberate
// stand-in: privileged forms raise #GP(0) at CPL > 0 (SDM Vol.3 5.9) and #UD at CPL 0 until the
// system model registers a handler; other unknown sems raise #UD. The system-level model adds or
// replaces handlers with registerHandlers({ 'sys:lidt': fn, iret: fn, ... }); that rebuilds the
// array, so register before creating the run loop (or at any time: lookups go through handlers()).

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';
import { CpuFault } from './state.js';
import { USER_HANDLERS, BYTE_FORM, FORM_SEG } from './ops.js';
import type { Handler } from './operands.js';

export type { Handler } from './operands.js';

const registry = new Map<string, Handler>(Object.entries(USER_HANDLERS));
let table: Handler[] | null = null;

/** Forms whose handler is a deliberate #UD/#GP stand-in (listed for coverage reports). */
export const UNHANDLED = new Set<string>();

function ud(): never { throw new CpuFault(6); }

function build(): Handler[] {
  UNHANDLED.clear();
  const out: Handler[] = new Array(FORMS.length);
  for (const f of FORMS) {
    if (f.osz === 'b') BYTE_FORM.add(f.index);
    const seg = f.operands.find((o) => o.kind === 'seg');
    if (seg?.reg) FORM_SEG.set(f.index, seg.reg);
    out[f.index] = wrap(f, registry.get(f.sem));
  }
  return out;
}

function wrap(f: Form, h: Handler | undefined): Handler {
  if (!h) {
    UNHANDLED.add(f.sem);
    if (f.priv) return (cpu) => { throw new CpuFault(cpu.cpl > 0 ? 13 : 6, cpu.cpl > 0 ? 0 : -1); };
    return ud;
  }
  // hlt is privileged, but the user-mode runner (x86lab exec) stops at it at any CPL: see exec.ts.
  if (f.priv && f.sem !== 'hlt') {
    const inner = h;
    return (cpu, i) => { if (cpu.cpl > 0) throw new CpuFault(13, 0); inner(cpu, i); };
  }
  return h;
}

/** The handler array indexed by form index. */
export function handlers(): Handler[] {
  if (table === null) table = build();
  return table;
}

/** Add or replace handlers by sem name (the system-level model calls this at import). */
export function registerHandlers(map: Record<string, Handler>): void {
  for (const [k, v] of Object.entries(map)) registry.set(k, v);
  table = null;
  handlerGen++;
}
/** Bumped on every registration so caches of handler references can notice. */
export let handlerGen = 0;

/** True while `sem` is served by the built-in user-mode handler (so fast.ts may specialise it). */
export function isUserSem(sem: string): boolean {
  const h = registry.get(sem);
  return h !== undefined && h === USER_HANDLERS[sem];
}

/** The user-mode handler for a sem (the system model may wrap one, e.g. popf at CPL 0). */
export function userHandler(sem: string): Handler | undefined { return USER_HANDLERS[sem]; }
