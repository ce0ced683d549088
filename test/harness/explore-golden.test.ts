// Golden explorer reports of the examples (examples/explore/*.txt, UPDATE_GOLDEN=1 rewrites them):
// the int3 exit designs boundary by boundary and pair by pair, and the stack-switch window.
// Whether the failing sets are right is asserted against fresh runs in explore.test.ts; this
// pins the report text (and the JSON of the window example).

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import './golden-setup.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');

export const GOLDEN_REPORTS: { name: string; args: string[] }[] = [
  { name: 'nmi-in-int3-iretq', args: ['examples/nmi-in-int3.S', '--depth', '2', '--within', 'asm_exc_int3..asm_exc_nmi', '--details', '5'] },
  { name: 'nmi-in-int3-popf', args: ['examples/nmi-in-int3.S', '-D', 'POPF_RET', '--depth', '2', '--within', 'asm_exc_int3..asm_exc_nmi', '--details', '5'] },
  { name: 'nmi-in-int3-32-iret', args: ['--32', 'examples/nmi-in-int3-32.S', '--depth', '2', '--within', 'asm_exc_int3..asm_exc_nmi', '--details', '5'] },
  { name: 'nmi-in-int3-32-popf', args: ['--32', 'examples/nmi-in-int3-32.S', '-D', 'POPF_RET', '--depth', '2', '--within', 'asm_exc_int3..asm_exc_nmi', '--details', '5'] },
  { name: 'stack-switch-window', args: ['examples/stack-switch-window.S', '--within', 'switch_stack..switch_done'] },
  { name: 'stack-switch-window-ist', args: ['examples/stack-switch-window.S', '-D', 'USE_IST', '--within', 'switch_stack..switch_done'] },
];

describe('explore: golden reports', () => {
  for (const g of GOLDEN_REPORTS) {
    it(g.name, () => {
      const r = spawnSync(process.execPath, [bin, 'explore', ...g.args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatchGolden(join(root, 'examples', 'explore', `${g.name}.txt`));
      if (g.name.startsWith('stack-switch')) {
        const j = spawnSync(process.execPath, [bin, 'explore', ...g.args, '--json', '-'], { cwd: root, encoding: 'utf8' });
        expect(j.stdout).toMatchGolden(join(root, 'examples', 'explore', `${g.name}.json`));
      }
    });
  }
});
