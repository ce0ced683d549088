// Relaxation partners for the front end: a relaxable branch form (jmp/jcc rel8 <-> rel32) and its other size.

import { FORMS } from '../isa/index.js';
import type { Form } from '../isa/types.js';

const byId = new Map<string, Form>(FORMS.map((f) => [f.id, f]));

/** The other-size partner of a relaxable branch form id, or undefined for forms that do not relax. */
export function relaxPartner(formId: string): Form | undefined {
  const f = byId.get(formId);
  return f?.relaxTo ? byId.get(f.relaxTo) : undefined;
}
