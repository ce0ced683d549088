// Machine snapshots (src/harness/snapshot.ts, Memory.trackWrites/restorePage): a run resumed from
// a snapshot taken at any boundary ends in exactly the state of the uninterrupted run (the oracle),
// whatever was restored into the machine before — including code changed by the listing itself
// (nmi-in-int3.S writes int3 over patch_site; the test also patches new_func between runs),
// restored backwards and shuffled so cached decodes would go stale.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Machine } from '../../src/harness/machine.js';
import { Snapshots, type Snapshot } from '../../src/harness/snapshot.js';

const root = join(import.meta.dirname, '..', '..');

function finalState(m: Machine): string {
  const regs = ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r15', 'rip', 'rflags', 'cs', 'ss'].map((r) => `${r}=${m.reg(r).toString(16)}`);
  const mem: string[] = [];
  for (const [n, p] of [...m.cpu.mem.pages].sort((a, b) => a[0] - b[0])) mem.push(`${n}:${Buffer.from(p.data).toString('base64')}`);
  return [...regs, `tsc=${m.cpu.tsc}`, `nmiBlocked=${m.cpu.nmiBlocked}`, ...mem].join('\n');
}

describe('snapshots', () => {
  for (const [file, mode, defines] of [['nmi-in-int3.S', 64, []], ['nmi-in-int3.S', 64, ['POPF_RET']], ['nmi-in-int3-32.S', 32, []]] as const) {
    it(`${file} ${defines.join(' ')}: resuming from every boundary, in reverse and shuffled order, ends like the whole run`, () => {
      const path = join(root, 'examples', file);
      const whole = Machine.fromFile(path, { mode, defines: [...defines] });
      whole.run({});
      const want = finalState(whole);

      const rec = new Machine(whole.image, { mode });
      const port = new Snapshots(rec.cpu, rec.model);
      const snaps: Snapshot[] = [];
      const inner = rec.cpu.interrupts!;
      rec.cpu.interrupts = { poll: (c) => { snaps.push(port.take()); inner.poll(c); } };
      rec.run({});
      expect(finalState(rec)).toBe(want); // taking snapshots does not disturb the run
      expect(snaps.length).toBeGreaterThan(50);

      const trial = new Machine(whole.image, { mode });
      const tport = new Snapshots(trial.cpu, trial.model);
      const order = snaps.map((_, i) => i).reverse();
      // and a fixed shuffle (multiplicative stride) after the reverse pass
      for (let k = 0; k < snaps.length; k++) order.push((k * 37) % snaps.length);
      const newFunc = whole.addr('new_func');
      for (const i of order) {
        // First a run with new_func overwritten (as an int3:new_func event would): its decoded
        // int3 must not survive the restore of the original bytes.
        tport.restore(snaps[i]);
        trial.cpu.mem.poke8(newFunc, 0xcc);
        trial.run({ maxSteps: 5000 });
        tport.restore(snaps[i]);
        trial.run({});
        expect(finalState(trial), `resumed at boundary ${i}`).toBe(want);
      }
    });
  }
});
