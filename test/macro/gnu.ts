// Shared by the macro tests and the golden generator: run a case through x86lab's assembler
// and reduce both it and GNU as's result to the same comparable shape.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../src/asm/assemble.js';
import { formatDiagnostic } from '../../src/asm/errors.js';
import { gnuAssemble } from '../asm/oracle.js';

export const MACRO_CASES = join(__dirname, 'cases');

export interface Outcome {
  /** stderr lines as GNU as prints them (without the "Assembler messages:" header). */
  messages: string[];
  /** Non-empty sections' bytes, when assembly succeeded. */
  sections: Record<string, string>;
}

export function ours(name: string, mode: 32 | 64 = 64): Outcome {
  const src = readFileSync(join(MACRO_CASES, name), 'utf8');
  const r = assemble(src, { mode, file: name });
  const messages = r.diagnostics.filter((d) => !d.stdout).flatMap((d) => formatDiagnostic(d).split('\n'));
  const sections: Record<string, string> = {};
  if (r.errors === 0) for (const s of r.sections) if (s.type !== 'nobits' && s.size > 0) sections[s.name] = Buffer.from(s.bytes).toString('hex');
  return { messages, sections };
}

export function gnu(name: string, mode: 32 | 64 = 64): Outcome {
  const src = readFileSync(join(MACRO_CASES, name), 'utf8');
  const g = gnuAssemble(src, mode, name);
  const sections: Record<string, string> = {};
  for (const s of g.sections) if (s.type !== 'nobits' && s.size > 0) sections[s.name] = s.hex;
  return { messages: g.messages, sections };
}
