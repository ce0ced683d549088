// Regenerates the GNU as goldens (intel/golden/*.json, and *.intel-dis.txt from objdump -dr -M intel) for test/asm/intel.test.ts from the Intel-syntax
// case files in intel/. Run: npx vite-node test/asm/intel-gen.ts  (needs GNU as 2.40).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnuAssemble, HAVE_AS } from './oracle.js';
import { CMDLINE_PRELUDE, gnuIntelDump, intelCaseMode, isCmdlineCase } from './intel-cases.js';

const dir = join(import.meta.dirname, 'intel');
if (!HAVE_AS) throw new Error('GNU as is needed to regenerate goldens');
for (const f of readdirSync(dir).filter((n) => n.endsWith('.s')).sort()) {
  const src = readFileSync(join(dir, f), 'utf8');
  // -msyntax=intel -mnaked-reg cases: GNU's object for the same text under `.intel_syntax noprefix`.
  const g = gnuAssemble(isCmdlineCase(f) ? CMDLINE_PRELUDE + src : src, intelCaseMode(f), f);
  writeFileSync(join(dir, 'golden', `${f}.json`), JSON.stringify(g, null, 1) + '\n');
  // objdump -dr -M intel of GNU's object: the disassembler's Intel syntax on the same bytes.
  if (g.ok) writeFileSync(join(dir, 'golden', `${f}.intel-dis.txt`), gnuIntelDump(isCmdlineCase(f) ? CMDLINE_PRELUDE + src : src, intelCaseMode(f)));
  console.log(`${f}: ${g.ok ? 'ok' : 'errors'} ${g.messages.length} messages`);
}
