// Relaxation partners for the front end: a relaxable branch form (jmp/jcc rel8 <-> rel32) and its other size.

import { formWithId } from '../isa/rows.js';
import type { Form } from '../isa/types.js';

/** The other-size partner of a relaxable branch form id, or undefined for forms that do not relax. */
export function relaxPartner(formId: string): Form | undefined {
  const f = formWithId(formId);
  return f?.relaxTo ? formWithId(f.relaxTo) : undefined;
}
