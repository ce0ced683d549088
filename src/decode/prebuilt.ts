// Decode tables computed ahead of time. The CLI bundle replaces this module with the tables of
// FORMS as data, computed by buildDecodeTables at build time (scripts/bundle-decode-tables.mjs):
// building them at run time costs a one-shot `x86lab dis` or `run` ~5 ms. Everywhere else there
// are none, and buildDecodeTables computes them.

import type { Form } from '../isa/types.js';
import type { DecodeTables } from './tables.js';

/** The prebuilt tables for `forms`, when these are the forms they were built from. */
export function prebuiltTables(forms: readonly Form[]): DecodeTables | undefined {
  void forms;
  return undefined;
}
