// Red-team checks of the system model: kernel-style listings in test/redteam/system/ that build
// their own GDT/IDT/TSS/page tables (not x86lab/harness.h), run through `x86lab run --dump`
// in-process. Every expected value is derived from the Intel SDM by hand (see each listing's
// header); symbol addresses come from the dump, everything else is spelled out here.
import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';

const DIR = 'test/redteam/system';
const tmp = mkdtempSync(join(tmpdir(), 'x86lab-redteam-'));

interface Dump {
  stop: string; cpl: number; nmi_blocked: boolean; regs: Record<string, string>;
  symbols: Record<string, string>; memory: { addr: string; hex: string }[]; visited: string[];
  events: { kind: string; vector?: number }[];
}

let seq = 0;
async function runDump(file: string, ...opts: string[]): Promise<{ code: number; d: Dump }> {
  const out = join(tmp, `d${seq++}.json`);
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let code: number;
  try { code = await run(['--dump', out, ...opts, join(DIR, file)]); } finally { o.mockRestore(); e.mockRestore(); }
  return { code, d: JSON.parse(readFileSync(out, 'utf8')) as Dump };
}

/** Little-endian n-byte words at label+off in the dump's memory. */
function words(d: Dump, label: string, n: number, count = 1, off = 0): bigint[] {
  const res: bigint[] = [];
  const base = BigInt(d.symbols[label]) + BigInt(off);
  for (let i = 0; i < count; i++) {
    const a = base + BigInt(i * n);
    const r = d.memory.find((m) => a >= BigInt(m.addr) && a + BigInt(n) <= BigInt(m.addr) + BigInt(m.hex.length / 2));
    if (!r) throw new Error(`${label}+${i * n} not in the dump`);
    const o = Number(a - BigInt(r.addr));
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(parseInt(r.hex.substr((o + k) * 2, 2), 16));
    res.push(v);
  }
  return res;
}
const q = (d: Dump, l: string, count = 1): bigint[] => words(d, l, 8, count);
const q1 = (d: Dump, l: string): bigint => q(d, l)[0];
const l1 = (d: Dump, l: string, count = 1): bigint[] => words(d, l, 4, count);
const sym = (d: Dump, l: string): bigint => BigInt(d.symbols[l]);
const reg = (d: Dump, r: string): bigint => BigInt(d.regs[r]);
/** visited labels from `first` on, without the setup's own labels. */
const after = (d: Dump, first: string): string[] => d.visited.slice(d.visited.indexOf(first));

describe('64-bit gates, frames and IST (SDM 6.14)', () => {
  it('interrupt gate clears IF, trap gate keeps it; frame at RSP&~15; IST top aligned down', async () => {
    const { code, d } = await runDump('gates64.S');
    expect(code).toBe(0);
    expect(q1(d, 'fl_intr')).toBe(0x2n);
    expect(q1(d, 'fl_trap')).toBe(0x202n);
    expect(q1(d, 'rsp_intr')).toBe(0x7fff0n - 40n);
    expect(q(d, 'frame_intr', 5)).toEqual([sym(d, 'after40'), 0x8n, 0x202n, 0x7fff8n, 0x10n]);
    expect(q1(d, 'rsp_ist')).toBe(sym(d, 'ist_top') - 40n);
    expect(q(d, 'frame_ist', 5)).toEqual([sym(d, 'after42'), 0x8n, 0x202n, 0x7fff8n, 0x10n]);
    expect(after(d, 'site40')).toEqual(['site40', 'h_intr', 'after40', 'h_trap', 'after41', 'h_ist', 'after42', 'done']);
    expect(reg(d, 'rsp')).toBe(0x7fff8n);
    expect(reg(d, 'rflags')).toBe(0x2n);
  });

  it('#GP/#NP error codes from selector loads and gate checks; accessed bits set', async () => {
    const { d } = await runDump('gp64.S');
    expect(q1(d, 'nlog')).toBe(10n);
    const gp = (e: number): bigint => (13n << 16n) | BigInt(e);
    expect(q(d, 'log', 10)).toEqual([gp(0x48), gp(0x08), gp(0x20), gp(0x20), gp(0x38), gp(0x0c),
      (11n << 16n) | 0x282n, gp(0x28a), gp(0x292), gp(0x29a)]);
    expect(words(d, 'ss_null', 2)[0]).toBe(0n);
    expect(words(d, 'ds_user', 2)[0]).toBe(0x23n);
    // descriptors loaded get their accessed bit (type 0x9a -> 0x9b, 0x92 -> 0x93, 0xf2 -> 0xf3)
    expect(q(d, 'gdt', 6)).toEqual([0n, 0x00af9b000000ffffn, 0x00cf93000000ffffn, 0x00cffa000000ffffn, 0x00cff3000000ffffn, 0x00affa000000ffffn]);
    expect(after(d, 'f_np').slice(0, 2)).toEqual(['f_np', 'h_np']);
  });

  it('#PF under the listing\'s own 4-level tables: error codes, CR2, restart, A/D bits, WP', async () => {
    const { d } = await runDump('pf64.S');
    expect(q(d, 'log', 8)).toEqual([0x3n, 0x201008n, 0x0n, 0x202010n, 0x11n, 0x203000n, 0x9n, 0x204000n]);
    expect(q1(d, 'got')).toBe(0x5a5an);
    const pages = sym(d, 'pages');
    expect(q(d, 'pt', 5)).toEqual([pages | 0x63n, (pages + 0x1000n) | 0x61n, (pages + 0x2000n) | 0x23n,
      (1n << 63n) | (pages + 0x3000n) | 3n, (1n << 51n) | (pages + 0x4000n) | 1n]);
    expect(q(d, 'pd', 2)).toEqual([0xe3n, sym(d, 'pt') | 0x23n]);
    expect(after(d, 'f_ro')).toEqual(['f_ro', 'h_pf', 'f_np', 'h_pf', 'f_np', 'f_nx', 'h_pf', 'f_rsvd', 'h_pf']);
    expect(reg(d, 'cr0')).toBe(0x80000033n);
    expect(reg(d, 'cr2')).toBe(0x204000n);
    expect(reg(d, 'cr3')).toBe(sym(d, 'pml4'));
  });

  it('faults save the faulting RIP, traps the next; TF single-step with DR6.BS', async () => {
    const { d } = await runDump('exc64.S');
    const s = (l: string, k = 0): bigint => sym(d, l) + BigInt(k);
    expect(q1(d, 'nlog')).toBe(9n);
    expect(q(d, 'log', 9)).toEqual([s('de1'), s('de2'), s('ud1'), s('ud2s'), s('bp1', 1), s('bp2', 2), s('ib1', 1), s('tf2'), s('tf3')]);
    expect(q1(d, 'dr6_1')).toBe(0xffff4ff0n);
    expect(after(d, 'ib_after')).toEqual(['ib_after', 'tf1', 'h_db', 'logit', 'tf2', 'h_db', 'logit', 'tf3', 'tf4']);
    expect(d.events.filter((e) => e.kind === 'exception').map((e) => e.vector)).toEqual([0, 0, 6, 6, 3, 3, 1, 1, 1]);
  });
});

describe('#DF and shutdown (SDM 6.15 table 6-5)', () => {
  for (const [def, vec] of [[[], 13], [['-D', 'PF_STACK'], 14]] as const) {
    it(`#DF with error code 0 on IST1 ${def.join(' ')}`, async () => {
      const { code, d } = await runDump('df64.S', ...def);
      expect(code).toBe(0);
      expect(q1(d, 'df_err')).toBe(0n);
      expect(q1(d, 'df_rsp')).toBe(sym(d, 'ist_top') - 40n);
      expect(q1(d, 'df_cs')).toBe(0x8n);
      expect(after(d, 'fault')).toEqual(['fault', 'h_df', 'df_done']);
      expect(d.events.map((e) => [e.kind, e.vector])).toEqual([['double-fault', vec], ['exception', 8]]);
    });
  }
  it('no #DF gate: triple fault', async () => {
    const { code, d } = await runDump('df64.S', '-D', 'TRIPLE');
    expect(code).toBe(1);
    expect(d.stop).toBe('triple-fault');
    expect(q1(d, 'df_err')).toBe(0xdeadn);
  });
});

describe('faults while switching stacks', () => {
  it('int $0x80 from ring 3 with RSP0 unmapped: #PF on the push, again delivering it, #DF on IST1 with the user frame', async () => {
    const { code, d } = await runDump('badrsp0.S');
    expect(code).toBe(0);
    expect(q(d, 'df_frame', 6)).toEqual([0n, sym(d, 'u_int'), 0x2bn, 0x2n, sym(d, 'ustack_top'), 0x23n]);
    expect(q1(d, 'df_cr2')).toBe(0x8000010000n - 8n);
    expect(after(d, 'user')).toEqual(['user', 'u_int', 'h_df', 'df_done']);
    expect(d.events.map((e) => [e.kind, e.vector])).toEqual([['iret', undefined], ['delivery-fault', 14], ['double-fault', 14], ['exception', 8]]);
  });
});

describe('NMI (SDM 6.7.1)', () => {
  it('--nmi-at loop:3 arrives before the third execution of loop', async () => {
    const { d } = await runDump('nmi64.S', '--nmi-at', 'loop:3');
    expect(q1(d, 'n')).toBe(1n);
    expect(q1(d, 'rips')).toBe(sym(d, 'loop'));
    expect(q1(d, 'rcxs')).toBe(2n);
    expect(q1(d, 'rsps')).toBe(sym(d, 'nmi_top') - 40n);
    expect(after(d, 'loop')).toEqual(['loop', 'loop', 'nmi_h', 'nmi_body', 'loop', 'loop', 'loop', 'work', 'idle']);
  });
  it('a second NMI inside the handler is latched until iretq, then taken before work', async () => {
    const { d } = await runDump('nmi64.S', '--nmi-at', 'work', '--nmi-at', 'nmi_body');
    expect(q(d, 'rips', 2)).toEqual([sym(d, 'work'), sym(d, 'work')]);
    expect(q(d, 'rsps', 2)).toEqual([sym(d, 'nmi_top') - 40n, sym(d, 'nmi_top') - 40n]);
    expect(after(d, 'nmi_h')).toEqual(['nmi_h', 'nmi_body', 'nmi_h', 'nmi_body', 'work', 'idle']);
    expect(d.nmi_blocked).toBe(false);
  });
  it('an NMI by step count wakes hlt and returns after it', async () => {
    const { code, d } = await runDump('nmi64.S', '--nmi-at', '100000');
    expect(code).toBe(0);
    expect(q1(d, 'rips')).toBe(sym(d, 'idle_ret'));
    expect(after(d, 'idle')).toEqual(['idle', 'nmi_h', 'nmi_body', 'idle_ret']);
  });
  it('an NMI before lidt: IDT limit 0 -> #GP -> #DF -> shutdown', async () => {
    const { d } = await runDump('nmi64.S', '--nmi-at', '3');
    expect(d.stop).toBe('triple-fault');
  });
});

describe('the mov-SS shadow (SDM 6.8.3) and event priority (SDM 6.9)', () => {
  it('TF trap for mov %ss comes after the next instruction; the held NMI follows the #DB, before its handler runs', async () => {
    const { d } = await runDump('shadow64.S', '--nmi-at', 'ss_next');
    expect(q1(d, 'n')).toBe(4n);
    expect(q(d, 'vecs', 4)).toEqual([1n, 2n, 1n, 6n]);
    expect(q(d, 'rips', 4)).toEqual([sym(d, 'ss_mov'), sym(d, 'h_db'), sym(d, 'ss_after'), sym(d, 'ud_site')]);
    expect(after(d, 'tf_a')).toEqual(['tf_a', 'h_db', 'common', 'ss_mov', 'ss_next', 'h_nmi', 'common', 'h_db', 'common', 'ss_after',
      'ud_site', 'h_ud', 'common', 'ud_after']);
  });
});

describe('int $2 and blocked wake-ups', () => {
  it('int $2 does not block NMIs; hlt inside a real NMI handler is not woken by a latched NMI or an IRQ with IF=0', async () => {
    const { code, d } = await runDump('nmi2_64.S', '--nmi-at', 'nmi_body', '--nmi-at', '100000', '--irq-at', '0x30@nmi_idle');
    expect(code).toBe(0);
    expect(d.stop).toBe('hlt');
    expect(q1(d, 'n')).toBe(2n);
    expect(q(d, 'rips', 2)).toEqual([sym(d, 'soft') + 2n, sym(d, 'nmi_body')]);
    expect(after(d, 'soft')).toEqual(['soft', 'nmi_h', 'nmi_h', 'nmi_body', 'nmi_idle']);
    expect(d.nmi_blocked).toBe(true);
    expect((d as unknown as { nmi_pending: boolean }).nmi_pending).toBe(true);
    expect((d as unknown as { irq_pending: number[] }).irq_pending).toEqual([0x30]);
    expect(reg(d, 'rip')).toBe(sym(d, 'nmi_idle') + 1n);
  });
});

describe('maskable interrupts (SDM 6.8)', () => {
  it('IF=0 holds them; sti shadow one instruction, popf none, mov ss one; hlt wake', async () => {
    const { d } = await runDump('irq64.S', '--irq-at', '0x30@raise', '--irq-at', '0x31@raise2', '--irq-at', '0x32@in_shadow', '--irq-at', '0x33@5000');
    expect(q(d, 'vecs', 4)).toEqual([0x30n, 0x31n, 0x32n, 0x33n]);
    expect(q(d, 'rips', 4)).toEqual([sym(d, 'after'), sym(d, 'after_popf'), sym(d, 'past_shadow'), sym(d, 'idle_ret')]);
    expect(q(d, 'fls', 4)).toEqual([0x202n, 0x202n, 0x202n, 0x202n]);
    expect(after(d, 'raise')).toEqual(['raise', 'shadow', 'h0x30', 'common', 'after', 'raise2', 'h0x31', 'common', 'after_popf',
      'movss', 'in_shadow', 'h0x32', 'common', 'past_shadow', 'idle', 'h0x33', 'common', 'idle_ret']);
  });
});

describe('error-code EXT bit and gate DPL checks (SDM 6.13, 6.12.1.1)', () => {
  it('EXT set for an IRQ and a #UD through a bad gate, clear for int n; icebp/ud2 skip the DPL check, int3 does not', async () => {
    const { d } = await runDump('ext64.S', '--irq-at', '0x31@k_irq');
    const s = (l: string, k = 0): bigint => sym(d, l) + BigInt(k);
    const none = (1n << 64n) - 1n;
    expect(q1(d, 'nlog')).toBe(24n);
    expect(q(d, 'log', 24)).toEqual([
      11n, 0x18bn, s('k_irq'), 11n, 0x33n, s('k_ud'), 11n, 0x192n, s('k_int'), 13n, 0x11n, s('k_ud2'),
      1n, none, s('u_icebp', 1), 6n, none, s('u_ud'), 13n, 0x1an, s('u_int3'), 13n, 0n, s('u_hlt')]);
    expect(d.visited.includes('k_irq')).toBe(false); // delivered before it, resumed past it
  });
});

describe('privilege changes', () => {
  it('iretq to ring 3, int $0x80 via DPL-3 gate, #GP for DPL-0 gate, cli, hlt', async () => {
    const { d } = await runDump('ring3_64.S');
    expect(words(d, 'u_ds', 2)[0]).toBe(0n);
    expect(words(d, 'u_es', 2)[0]).toBe(0n);
    expect(words(d, 'u_cs', 2)[0]).toBe(0x2bn);
    expect(q1(d, 'u_fl1')).toBe(0x202n);
    expect(q1(d, 'u_fl2')).toBe(0x202n);
    expect(q1(d, 'u_rax')).toBe(14n);
    expect(words(d, 'k_ss', 2)[0]).toBe(0n);
    expect(q1(d, 'k_rsp')).toBe(sym(d, 'kstack_top') - 40n);
    expect(q(d, 'k_frame', 5)).toEqual([sym(d, 'u_after80'), 0x2bn, 0x202n, sym(d, 'ustack_top'), 0x23n]);
    expect(q(d, 'gp_log', 3)).toEqual([0x40an, 0n, 0n]);
    expect(q1(d, 'ngp')).toBe(3n);
    expect(q1(d, 'gp_cs')).toBe(0x2bn);
    expect(q(d, 'x_frame', 5)).toEqual([sym(d, 'u_exit') + 2n, 0x2bn, 0x202n, sym(d, 'ustack_top'), 0x23n]);
    expect(after(d, 'to_user')).toEqual(['to_user', 'user', 'u_int80', 'sys_h', 'u_after80', 'u_int81', 'gp_h', 'u_after81',
      'u_cli', 'gp_h', 'u_after_cli', 'u_hlt', 'gp_h', 'u_after_hlt', 'u_exit', 'exit_h', 'k_done']);
    expect(d.cpl).toBe(0);
    expect([reg(d, 'cs'), reg(d, 'ss'), reg(d, 'rsp')]).toEqual([0x8n, 0n, sym(d, 'kstack_top') - 40n]);
  });

  it('ring-3 #PF error codes (U/S), int3 from ring 3 on IST, #GP(0x22) for a DPL-0 gate with RF=1, iretq to a non-canonical RIP', async () => {
    const { d } = await runDump('user64.S');
    expect(q(d, 'log', 10)).toEqual([0x4n, 0x300000n, 0x6n, 0x300000n, 0x5n, 0x203000n, 0x22n, sym(d, 'u_int4'), 0x0n, sym(d, 'k_iret')]);
    expect(q1(d, 'bp_rsp')).toBe(sym(d, 'ist_top') - 40n);
    expect(q(d, 'bp_frame', 5)).toEqual([sym(d, 'u_bp_after'), 0x2bn, 0x202n, sym(d, 'ustack_top'), 0x23n]);
    expect(q1(d, 'gp_fl')).toBe(0x10002n); // the last #GP (at k_iret, IF=0 in the int $0x80 handler): RF pushed as 1
    expect(after(d, 'h_exit')).toEqual(['h_exit', 'k_iret', 'h_gp', 'k_after_iret', 'k_done']);
  });

  it('IDT limit #GP, mov %gs reloads the GS base, non-canonical #GP(0) / #SS(0) on IST, NMI and IRQ taken in ring 3', async () => {
    const { d } = await runDump('edge64.S', '--nmi-at', 'u_nmi', '--irq-at', '0x30@u_irq');
    expect(q(d, 'log', 6)).toEqual([0x482n, sym(d, 'k_int90'), 0n, sym(d, 'k_ncan'), 0n, sym(d, 'k_ncss')]);
    expect(q1(d, 'gsb_before')).toBe(0x912345678n);
    expect(q1(d, 'gsb_after')).toBe(0n);
    const ss = d.events.find((e) => e.kind === 'exception' && e.vector === 12) as unknown as { frame: string[] };
    expect(ss.frame.map(BigInt)).toEqual([0n, sym(d, 'k_ncss'), 0x8n, 0x10046n, 0x800000000008n, 0x10n]);
    expect(q1(d, 'nmi_rsp')).toBe(sym(d, 'ist_top') - 40n);
    expect(q(d, 'nmi_frame', 5)).toEqual([sym(d, 'u_nmi'), 0x2bn, 0x40202n, sym(d, 'ustack_top'), 0x23n]);
    expect(q1(d, 'irq_rsp')).toBe(sym(d, 'kstack_top') - 40n);
    expect(q(d, 'irq_frame', 5)).toEqual([sym(d, 'u_irq'), 0x2bn, 0x40202n, sym(d, 'ustack_top'), 0x23n]);
    expect(after(d, 'k_int90')).toEqual(['k_int90', 'h_err', 'k_ncan', 'h_err', 'k_ncss', 'h_ss', 'h_err', 'user', 'u_ac',
      'h_nmi', 'u_nmi', 'h_irq', 'u_irq', 'h_exit']);
    expect(reg(d, 'rflags')).toBe(0x40002n); // the interrupt gate clears IF, not AC
  });

  // Known gap: alignment checking is not modelled (the data access path in src/cpu/ has no size-aware
  // check). SDM 6.15 interrupt 17: CPL 3, CR0.AM = 1, EFLAGS.AC = 1, a misaligned 4-byte load -> #AC(0).
  it.fails('#AC(0) for a misaligned load at CPL 3 with CR0.AM and EFLAGS.AC (not modelled yet)', async () => {
    const { d } = await runDump('edge64.S');
    expect(q(d, 'log', 8).slice(6)).toEqual([0n, sym(d, 'u_ac')]);
  });

  it('iretl in 64-bit mode, lretq to ring 3, misaligned RSP0, TF across syscall traps at the kernel entry', async () => {
    const { d } = await runDump('ret64.S');
    expect(q1(d, 'iretl_rsp')).toBe(0x80000n);
    expect(q1(d, 'u_rsp')).toBe(sym(d, 'ustack_top'));
    expect(words(d, 'u_cs', 2)[0]).toBe(0x2bn);
    expect(q1(d, 'k_rsp')).toBe(sym(d, 'kstack_top') - 40n);
    expect(q(d, 'k_frame', 5)).toEqual([sym(d, 'u_int') + 2n, 0x2bn, 0x2n, sym(d, 'ustack_top'), 0x23n]);
    expect(q1(d, 'ndb')).toBe(2n);
    expect(q1(d, 'db_rsp')).toBe(sym(d, 'ustack_top') - 40n); // syscall does not switch stacks
    expect(q(d, 'db_frame', 5)).toEqual([sym(d, 'k_entry'), 0x8n, 0x2n, sym(d, 'ustack_top'), 0x10n]);
    expect(after(d, 'k_iretl')).toEqual(['k_iretl', 'after_iretl', 'k_lret', 'user', 'u_int', 'h_80', 'u_tf', 'h_db', 'u_sys', 'h_db', 'k_entry', 'k_done']);
  });

  it('port I/O at CPL 0 (PIC EOI in an IRQ handler, in reads all ones); out at CPL 3 with IOPL 0 is #GP(0)', async () => {
    const { code, d } = await runDump('io64.S', '--irq-at', '0x20@tick');
    expect(code).toBe(0);
    expect([q1(d, 'in8'), q1(d, 'in16'), q1(d, 'in32')]).toEqual([0xffn, 0xffffn, 0xffffffffn]);
    expect(q1(d, 'eoi')).toBe(1n);
    expect(q(d, 'gp_err', 2)).toEqual([0n, sym(d, 'u_out')]);
    expect(after(d, 'tick')).toEqual(['tick', 'timer', 'user', 'u_out', 'h_gp', 'done']);
  });

  it('privileged instructions at CPL 3 are #GP(0); sgdt/str/smsw/rdtsc are not; lmsw/clts in ring 0', async () => {
    const { code, d } = await runDump('priv64.S');
    expect(code).toBe(0);
    const names = ['p_lgdt', 'p_lidt', 'p_ltr', 'p_crw', 'p_crr', 'p_dr', 'p_wrmsr', 'p_rdmsr', 'p_invlpg', 'p_clts', 'p_swapgs', 'p_sysret', 'p_hlt', 'p_cli'];
    expect(q1(d, 'ngp')).toBe(14n);
    expect(q(d, 'gp_rips', 14)).toEqual(names.map((n) => sym(d, n))); // error code 0 ORed with the saved RIP
    expect(words(d, 'u_gdt', 2)[0]).toBe(0x3fn);
    expect(words(d, 'u_str', 2)[0]).toBe(0x30n);
    expect(words(d, 'u_msw', 2)[0]).toBe(0x31n); // after the kernel's lmsw cleared MP
    expect(q(d, 'k_cr0', 3)).toEqual([0x8001003bn, 0x80010033n, 0x80010031n]);
    expect(reg(d, 'cr0')).toBe(0x80010031n);
    expect(d.visited.at(-1)).toBe('h_exit');
  });

  it('sysretq / syscall with MSRs from wrmsr, swapgs', async () => {
    const { d } = await runDump('syscall64.S');
    expect(q1(d, 'u_gs')).toBe(0x1111n);
    expect(words(d, 'u_cs', 2)[0]).toBe(0x2bn);
    expect(words(d, 'u_ss', 2)[0]).toBe(0x23n);
    expect(q1(d, 'u_fl')).toBe(0x646n);
    expect(q1(d, 'k_gs')).toBe(0x2222n);
    expect(q1(d, 'k_rcx')).toBe(sym(d, 'u_after'));
    expect(q1(d, 'k_r11')).toBe(0x646n);
    expect(q1(d, 'k_fl')).toBe(0x46n);
    expect(words(d, 'k_cs', 2)[0]).toBe(0x8n);
    expect(words(d, 'k_ss', 2)[0]).toBe(0x10n);
    expect(q1(d, 'u_rax')).toBe(10n);
    expect(q1(d, 'u_fl2')).toBe(0x646n);
    expect(q(d, 'percpu', 2)[1]).toBe(sym(d, 'ustack_top'));
    expect(reg(d, 'gs_base')).toBe(sym(d, 'user_tls'));
    expect(reg(d, 'kernel_gs_base')).toBe(sym(d, 'percpu'));
    expect(reg(d, 'rflags')).toBe(0x446n);
    expect(after(d, 'to_user')).toEqual(['to_user', 'user', 'u_sys', 'entry', 'k_ret', 'u_after', 'u_exit', 'exit_h', 'k_done']);
  });

  it('ret $n, lretq $n, far jmp through m16:32, popfq at CPL 0 (RF never set)', async () => {
    const { d } = await runDump('misc64.S');
    expect(q(d, 'rsp0', 3)).toEqual([0x80000n, 0x80000n, 0x80000n]);
    expect(words(d, 'cs_ljmp', 2)[0]).toBe(0x8n);
    expect(q1(d, 'fl_a')).toBe(0x47602n);
    expect(q1(d, 'fl_b')).toBe(0x2n);
    expect(after(d, 'f_ret16')).toEqual(['f_ret16', 'after_lret', 'ljmp_target']);
  });
});

describe('32-bit protected mode', () => {
  it('3-word same-privilege frame, #GP(sel), popfl by CPL, ring 3 and back via TSS ss0:esp0', async () => {
    const { d } = await runDump('prot32.S', '--32');
    expect(l1(d, 'bp_esp')[0]).toBe(0x7fff0n - 12n);
    expect(l1(d, 'bp_frame', 3)).toEqual([sym(d, 'bp_after'), 0x8n, 0x2n]);
    expect(l1(d, 'gp_err')[0]).toBe(0x28n);
    expect(l1(d, 'gp_eip')[0]).toBe(sym(d, 'gp1'));
    expect(l1(d, 'k_fl1', 2)).toEqual([0x3202n, 0x2n]);
    expect(l1(d, 'u_ds')[0]).toBe(0n);
    expect(l1(d, 'u_fl')[0]).toBe(0x40202n);
    expect(l1(d, 'k_ss')[0]).toBe(0x10n);
    expect(l1(d, 'k_esp')[0]).toBe(sym(d, 'kstack_top') - 20n);
    expect(l1(d, 'k_frame', 5)).toEqual([sym(d, 'u_int80') + 2n, 0x1bn, 0x202n, sym(d, 'ustack_top'), 0x23n]);
    expect(words(d, 'gdt', 8, 1, 0x28)[0] >> 40n & 0xffn).toBe(0x8bn); // TSS busy after ltr
    expect(after(d, 'bp1')).toEqual(['bp1', 'h_bp', 'bp_after', 'gp1', 'h_gp', 'gp_after', 'to_user', 'user', 'u_int80', 'h_sys', 'k_done']);
    expect([reg(d, 'cs'), reg(d, 'ss'), reg(d, 'esp')]).toEqual([0x8n, 0x10n, sym(d, 'kstack_top') - 20n]);
  });

  it('lcall/lret, lret to ring 3, IOPL-3 cli/popf, sysenter/sysexit, ring-3 #PF, DR0 execution breakpoint', async () => {
    const { code, d } = await runDump('sys32.S', '--32');
    expect(code).toBe(0);
    expect(l1(d, 'lc_esp')[0]).toBe(0x7fff0n - 8n);
    expect(l1(d, 'lc_frame', 2)).toEqual([sym(d, 'k_after_lcall'), 0x8n]);
    expect(l1(d, 'after_lc_esp')[0]).toBe(0x7fff0n);
    expect(l1(d, 'u_cs')[0]).toBe(0x1bn);
    expect(l1(d, 'u_fl1', 2)).toEqual([0x3002n, 0x3202n]);
    expect(l1(d, 'se_cs', 4)).toEqual([0x8n, 0x10n, sym(d, 'kstack_top'), 0x3002n]); // sysenter clears IF
    expect(l1(d, 'u_after_se')[0]).toBe(sym(d, 'ustack_top'));
    expect(l1(d, 'pf_err', 2)).toEqual([0x5n, 0x400000n]);
    // instruction breakpoint: a fault before bp_site runs, RF pushed as 0 (SDM 17.3.1.1), DR6.B0
    expect(l1(d, 'db_eip', 4)).toEqual([sym(d, 'bp_site'), 0xffff0ff1n, 0x3002n, 1n]);
    expect(after(d, 'k_lcall')).toEqual(['k_lcall', 'far_fn', 'k_after_lcall', 'k_lret', 'user', 'u_se', 'k_sysenter', 'k_sysexit',
      'u_after_sysenter', 'u_pf', 'h_pf', 'u_pf_after', 'h_db', 'bp_site', 'bp_after', 'h_exit']);
  });

  it('NMI in ring 0 (3 words), NMI and IRQ in ring 3 (5 words on ss0:esp0, not aligned)', async () => {
    const { d } = await runDump('irq32.S', '--32', '--nmi-at', 'k_nmi', '--nmi-at', 'u_nmi', '--irq-at', '0x30@u_irq');
    const top = sym(d, 'kstack_top') - 4n;
    expect(l1(d, 'n')[0]).toBe(3n);
    expect(l1(d, 'esps', 3)).toEqual([0x7fff2n - 12n, top - 20n, top - 20n]);
    const f = l1(d, 'frames', 15);
    expect(f.slice(0, 2)).toEqual([sym(d, 'k_nmi'), 0x8n]);
    expect(f.slice(5, 15)).toEqual([sym(d, 'u_nmi'), 0x1bn, 0x202n, sym(d, 'ustack_top'), 0x23n,
      sym(d, 'u_irq'), 0x1bn, 0x202n, sym(d, 'ustack_top'), 0x23n]);
    // an event taken at a boundary is listed before the label it returns to; user and u_nmi share an address
    expect(d.visited.slice(d.visited.indexOf('k_nmi') - 1)).toEqual(['h_ev', 'k_nmi', 'h_ev', 'user', 'u_nmi', 'h_ev', 'u_irq', 'h_exit']);
    expect(reg(d, 'ds')).toBe(0n); // nulled by the iret to ring 3, not reloaded by the gate
  });

  it('into (#OF trap) and bound (#BR fault) and #DE: saved EIP and no error code', async () => {
    const { d } = await runDump('exc32.S', '--32');
    expect(l1(d, 'n')[0]).toBe(9n);
    expect(l1(d, 'log', 9)).toEqual([4n, sym(d, 'of1_after'), 0x80000n - 12n, 5n, sym(d, 'br1'), 0x80000n - 12n, 0n, sym(d, 'de1'), 0x80000n - 12n]);
    expect(after(d, 'of1')).toEqual(['of1', 'h_of', 'rec', 'of1_after', 'of2', 'br_ok', 'br1', 'h_br', 'rec', 'br_after', 'de1', 'h_de', 'rec', 'de_after']);
  });

  it('2-level paging with a PSE page: #PF codes, CR2, A/D bits', async () => {
    const { d } = await runDump('paging32.S', '--32');
    expect(l1(d, 'log', 4)).toEqual([0x3n, 0x401008n, 0x0n, 0x402010n]);
    expect(l1(d, 'pd', 2)).toEqual([0xe3n, sym(d, 'pt') | 0x23n]);
    expect(l1(d, 'pt', 3)).toEqual([sym(d, 'pages') | 0x63n, (sym(d, 'pages') + 0x1000n) | 0x21n, 0n]);
  });

  it('PAE paging: not-present and NX fetch #PF', async () => {
    const { d } = await runDump('pae32.S', '--32');
    expect(l1(d, 'log', 4)).toEqual([0x0n, 0x401010n, 0x11n, 0x402000n]);
    expect(q1(d, 'pdpt')).toBe(sym(d, 'pd') | 1n);
    expect(q(d, 'pd', 3)).toEqual([0xe3n, 0n, sym(d, 'pt') | 0x23n]);
  });

  it('PAE PDPTEs are cached at the load (clearing one in memory changes nothing); a reserved bit in one makes the mov to CR0 #GP(0)', async () => {
    const ok = (await runDump('pae32.S', '--32')).d;
    expect(l1(ok, 'gp_err')[0]).toBe(0xffffn); // no #GP, and no #PF after pdpt[0] was cleared
    expect(l1(ok, 'log', 4)).toEqual([0x0n, 0x401010n, 0x11n, 0x402000n]);
    const { d } = await runDump('pae32.S', '--32', '-D', 'BAD_PDPTE');
    expect(l1(d, 'gp_err', 2)).toEqual([0n, sym(d, 'pg_on')]);
    expect(reg(d, 'cr0')).toBe(0x33n);
    expect(after(d, 'pg_on')).toEqual(['pg_on', 'h_gp', 'gp_done']);
  });
});
