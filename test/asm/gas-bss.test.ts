// NOBITS sections (.bss, .tbss): .lcomm/local .comm placement and alignment, sizes far over the
// section contents limit that keep no memory, GNU's fill-value and range warnings; self-written
// cases (gas-bss/cases.ts) against goldens made by GNU as 2.40 and objdump 2.40 and, where the
// tools are installed, against them live.

import { join } from 'node:path';
import { CASES } from './gas-bss/cases.js';
import { describeGasCases } from './gas-insn/suite.js';

describeGasCases('GNU as NOBITS sections', CASES, join(__dirname, 'gas-bss/golden.json'));
