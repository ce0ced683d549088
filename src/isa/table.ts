// THE ISA table: every instruction form x86lab knows, in encoder preference order
// (within one mnemonic, the first row that fits is the one GNU as picks).
// Rows live in src/isa/forms/ by family; this module only concatenates them.

import type { FormDef } from './types.js';
import { ARITH_FORMS } from './forms/arith.js';
import { DATA_FORMS } from './forms/data.js';
import { FLOW_FORMS } from './forms/flow.js';
import { SYSTEM_FORMS } from './forms/system.js';
import { X87_FORMS } from './forms/x87.js';
import { BMI_FORMS } from './forms/bmi.js';
import { VMX_FORMS } from './forms/vmx.js';
import { EXT_FORMS } from './forms/ext.js';
import { XOP_FORMS } from './forms/xop.js';
import { SIMD_STATE_FORMS } from './forms/simd-state.js';
import { GP_MORE_FORMS } from './forms/gp-more.js';
import { HINT_SPACE_FORMS } from './forms/hint-space.js';
import { MMX_FORMS } from './forms/mmx.js';
import { SSE_FORMS } from './forms/sse.js';

export const TABLE: readonly FormDef[] = [...DATA_FORMS, ...ARITH_FORMS, ...FLOW_FORMS, ...SYSTEM_FORMS, ...X87_FORMS, ...BMI_FORMS, ...VMX_FORMS, ...EXT_FORMS, ...XOP_FORMS, ...SIMD_STATE_FORMS, ...GP_MORE_FORMS, ...HINT_SPACE_FORMS, ...MMX_FORMS, ...SSE_FORMS];
