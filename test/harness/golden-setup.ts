// Registers toMatchGolden with vitest for the repo's own tests (users import 'x86lab/vitest').
import '../../src/vitest.js';
