// MPX (0F 1A/1B, src/isa/forms/hint-space.ts) on x86lab's CPU model, which has no MPX (as every CPU
// from Ice Lake on): there the bndxx encodings are hint NOPs that read no memory and touch no bound
// register (SDM Vol. 1 §17.3.2: with MPX absent or BNDCFGx.EN = 0 they execute as NOPs).

import type { Handler } from './operands.js';

const nop: Handler = () => {};

/** Handlers by sem name, merged into the user-mode table (src/cpu/ops.ts). */
export const MPX_HANDLERS: Record<string, Handler> = {
  'mpx:bndmk': nop, 'mpx:bndcl': nop, 'mpx:bndcu': nop, 'mpx:bndcn': nop, 'mpx:bndmov': nop, 'mpx:bndldx': nop, 'mpx:bndstx': nop,
};
