// Runs before every test file (vitest.config.ts setupFiles): the ISA table is deep-frozen here, so
// a write to it anywhere in the code under test throws. The CLI and the package leave it unfrozen,
// since freezing ~5,000 objects costs several ms of start-up (src/isa/index.ts).
import { deepFreeze, FORMS } from '../src/isa/index.js';

deepFreeze(FORMS);
