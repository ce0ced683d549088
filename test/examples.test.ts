// The issue-6 examples, run as written: each trace is compared with its committed golden file
// (examples/*.trace, paths relative to this file; `vitest -u` or UPDATE_GOLDEN=1 rewrites them) and the outcome each example exists to show
// is asserted from memory at its labels.

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import './harness/golden-setup.js';
import { Machine, type RunOutcome } from '../src/harness/machine.js';
import { stopLine } from '../src/cli/run.js';

interface Case {
  golden: string;
  file: string;
  mode?: 32 | 64;
  defines?: string[];
  nmi?: string[];
  irq?: [number, string][];
  check: (m: Machine, out: RunOutcome) => void;
}

function runCase(c: Case): { m: Machine; out: RunOutcome; text: string } {
  const m = Machine.fromFile(join(__dirname, '..', c.file), { mode: c.mode ?? 64, defines: c.defines ?? [] });
  for (const w of c.nmi ?? []) m.nmiAt(w);
  for (const [v, w] of c.irq ?? []) m.irqAt(v, w);
  const out = m.run({ trace: true, maxSteps: 100_000 });
  const text = m.trace.join('\n') + '\n' + stopLine(m, out) + '\n';
  return { m, out, text };
}

const hit = (m: Machine, label: string): boolean => m.visited.includes(label);

const CASES: Case[] = [
  {
    golden: '../examples/int3-call.trace', file: 'examples/int3-call.S',
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.symbolize(m.cpu.curIp)).toBe('done');
      expect(m.u64('old_calls')).toBe(1n);
      expect(m.u64('new_calls')).toBe(1n);
      expect(m.u64('result_before')).toBe(0x41n);
      expect(m.u64('result_after')).toBe(0x42n);
      expect(m.u64('sentinel')).toBe(0x5a5a5a5an);
    },
  },
  {
    golden: '../examples/int3-nogap.trace', file: 'examples/int3-nogap.S',
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u64('result_lucky')).toBe(0x42n); // the padding word absorbed the push
      expect(m.u64('gp_count')).toBe(1n);
      expect(m.u64('gp_rip')).toBe(BigInt(m.addr('int3_iret')));
      // iretq loaded the return address (call site + 5) as SS: #GP(selector & 0xfffc).
      expect(m.u64('gp_error')).toBe(BigInt((m.addr('patch_site') + 5) & 0xfffc));
      expect(m.u64('result_aligned')).toBe(0n);
      expect(hit(m, 'gp_stop')).toBe(true);
    },
  },
  {
    golden: '../examples/int3-call-32.trace', file: 'examples/int3-call-32.S', mode: 32,
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u32('old_calls')).toBe(1n);
      expect(m.u32('new_calls')).toBe(1n);
      expect(m.u32('result_after')).toBe(0x42n);
      expect(m.u32('sentinel')).toBe(0x5a5a5a5an);
      // The same-privilege i386 frame is 3 words: eip, cs, eflags.
      const bp = m.events.find((e) => e.kind === 'exception' && e.vector === 3)!;
      expect(bp.frame?.length).toBe(3);
    },
  },
  {
    golden: '../examples/popf-ret.trace', file: 'examples/popf-ret.S',
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u64('new_calls')).toBe(2n);
      expect(m.u64('old_calls')).toBe(0n);
      expect(m.u64('result_aligned')).toBe(0x42n);
      expect(m.u64('result_unaligned')).toBe(0x42n);
      expect(m.u64('sentinel_sum')).toBe(2n * 0x5a5a5a5an);
      expect(m.u64('rbx_after')).toBe(0x1234n);
      // No iretq ran for the emulated calls.
      expect(m.events.filter((e) => e.kind === 'iret').length).toBe(0);
    },
  },
  {
    golden: '../examples/popf-ret-32.trace', file: 'examples/popf-ret-32.S', mode: 32,
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u32('new_calls')).toBe(1n);
      expect(m.u32('result_after')).toBe(0x42n);
      expect(m.u32('sentinel')).toBe(0x5a5a5a5an);
      expect(m.events.filter((e) => e.kind === 'iret').length).toBe(0);
    },
  },
  ...['asm_exc_int3', 'do_int3', 'int3_iret'].map((at): Case => ({
    golden: `../examples/nmi-in-int3-at-${at}.trace`, file: 'examples/nmi-in-int3.S', nmi: [at],
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u64('nmi_count')).toBe(1n);
      expect(m.u64('nmi_broken_count')).toBe(0n);
      expect(m.u64('new_calls')).toBe(2n);
      expect(m.u64('result')).toBe(0x42n);
      expect(m.u64('sentinel_sum')).toBe(2n * 0x5a5a5a5an);
    },
  })),
  {
    golden: '../examples/nmi-in-int3-nested.trace', file: 'examples/nmi-in-int3.S', nmi: ['do_int3', 'nmi_after_callback'],
    check: (m, out) => {
      // The int3 iretq inside the NMI handler unblocked NMIs: the second NMI reused the IST
      // stack and the first NMI's exit found a frame pointing back into the NMI handler.
      expect(out.stop).toBe('hlt');
      expect(m.u64('nmi_count')).toBe(2n);
      expect(m.u64('nmi_broken_count')).toBe(1n);
      expect(hit(m, 'nmi_broken')).toBe(true);
      expect(m.u64('result')).toBe(0n);
      const nmis = m.events.filter((e) => e.kind === 'nmi');
      expect(nmis.length).toBe(2);
      expect(nmis[1].from).toBe(m.addr('nmi_after_callback'));
    },
  },
  {
    golden: '../examples/nmi-in-int3-popf.trace', file: 'examples/nmi-in-int3.S', defines: ['POPF_RET'], nmi: ['do_int3', 'nmi_after_callback'],
    check: (m, out) => {
      // No iret inside the NMI handler: the second NMI waits for the NMI's own iretq.
      expect(out.stop).toBe('hlt');
      expect(m.u64('nmi_count')).toBe(2n);
      expect(m.u64('nmi_broken_count')).toBe(0n);
      expect(m.u64('result')).toBe(0x42n);
      expect(m.u64('new_calls')).toBe(3n);
      const nmis = m.events.filter((e) => e.kind === 'nmi');
      expect(nmis[1].from).toBe(m.addr('do_int3'));
      const latched = m.events.find((e) => e.kind === 'nmi-latched' && e.note?.includes('nmi_after_callback'));
      expect(latched?.note).toContain('blocked');
    },
  },
  {
    golden: '../examples/nmi-in-int3-popf-at-popf.trace', file: 'examples/nmi-in-int3.S', defines: ['POPF_RET'], nmi: ['int3_popf', 'nmi_after_callback'],
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      expect(m.u64('nmi_count')).toBe(2n);
      expect(m.u64('nmi_broken_count')).toBe(0n);
      expect(m.u64('result')).toBe(0x42n);
    },
  },
  {
    golden: '../examples/nmi-in-int3-32.trace', file: 'examples/nmi-in-int3-32.S', mode: 32, nmi: ['do_int3', 'nmi_after_callback'],
    check: (m, out) => {
      // i386 has no IST: the second NMI (let in early by the nested int3's iret) nests below the
      // first on the same stack, and both return in order.
      expect(out.stop).toBe('hlt');
      expect(m.u32('nmi_count')).toBe(2n);
      expect(m.u32('max_nmi_depth')).toBe(2n);
      expect(m.u32('nmi_broken_count')).toBe(0n);
      expect(m.u32('result')).toBe(0x42n);
      expect(m.u32('sentinel_sum')).toBe((3n * 0x5a5a5a5an) & 0xffffffffn);
      const nmis = m.events.filter((e) => e.kind === 'nmi');
      expect(nmis[1].from).toBe(m.addr('nmi_after_callback'));
      expect(nmis[1].frameAddr!).toBeLessThan(nmis[0].frameAddr!);
    },
  },
  {
    golden: '../examples/live-patch.trace', file: 'examples/live-patch.S', irq: [[0x20, 'poke_step2'], [0x20, 'poke_step3']],
    check: (m, out) => {
      expect(out.stop).toBe('hlt');
      const n = Number(m.u64('call_log_len'));
      expect(n).toBe(6);
      const log = [...m.read('call_log', n)];
      expect(log[0]).toBe(0x41);
      expect(log.slice(1).every((b) => b === 0x42)).toBe(true);
      expect(m.u64('old_calls')).toBe(1n);
      expect(m.u64('timer_ticks')).toBe(2n);
      expect(m.u64('int3_emulated')).toBe(4n);
      const site = m.addr('patch_site');
      const rel = m.addr('new_func') - (site + 5);
      expect([...m.read('patch_site', 5)]).toEqual([0xe8, rel & 0xff, (rel >> 8) & 0xff, (rel >> 16) & 0xff, (rel >>> 24) & 0xff]);
    },
  },
];

describe('issue-6 examples', () => {
  for (const c of CASES) {
    it(`${c.golden}`, () => {
      const { m, out, text } = runCase(c);
      c.check(m, out);
      expect(text).toMatchGolden(c.golden);
    });
  }
});
