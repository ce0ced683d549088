// Interpreter handlers compiled ahead of time. The CLI bundle replaces this module with the
// handlers cpu/codegen.ts generates for every described sem, as functions in the bundle's source
// (scripts/bundle-handlers.mjs), so that V8's code cache holds them: compiling them with
// `new Function` at every start costs a one-shot `x86lab run` ~7 ms. Everywhere else there are
// none, and codegen.ts compiles them at load.

import type { Handler } from './operands.js';

/** The prebuilt handlers by sem, given the helpers generated code calls (codegen.ts HELPERS). */
export function prebuiltHandlers(helpers: object): Record<string, Handler> | undefined {
  void helpers;
  return undefined;
}
