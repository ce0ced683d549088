// Instruction forms, registers and prefixes from GNU as's own i386 test suite (%eiz/%riz, xrelease
// stores, PadLock, CMPccXADD, RMPQUERY, -mintel64, -madd-bnd-prefix, ...; src/isa/forms/gp-more.ts):
// self-written cases (gas-insn/cases.ts) against goldens made by GNU as 2.40 and objdump 2.40 and,
// where the tools are installed, against them live. The object must be GNU's; the disassembly of
// x86lab's object must be objdump's of GNU's.

import { GOLDEN } from './gas-insn/lib.js';
import { CASES } from './gas-insn/cases.js';
import { describeGasCases } from './gas-insn/suite.js';

describeGasCases('GNU as instruction forms', CASES, GOLDEN);
