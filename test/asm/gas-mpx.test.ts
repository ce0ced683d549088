// MPX (%bnd0-3, bndmk/bndcl/bndcu/bndcn/bndmov/bndldx/bndstx, bnd on branches) and prefetchit0/1
// (src/isa/forms/hint-space.ts, src/encode/hint-checks.ts): self-written cases (gas-mpx/cases.ts)
// against goldens made by GNU as 2.40 and objdump 2.40 and, where the tools are installed, against
// them live. The object (or GNU's messages) must be GNU's; x86lab's disassembly of its object must
// be objdump's of GNU's.

import { join } from 'node:path';
import { CASES } from './gas-mpx/cases.js';
import { describeGasCases } from './gas-insn/suite.js';

describeGasCases('GNU as MPX and prefetchit forms', CASES, join(__dirname, 'gas-mpx/golden.json'));
