// Several CPUs (docs/multi-cpu.md). The expectations come from outside the code under test: the SDM's
// definitions (a CPU's number as its APIC ID in CPUID leaves 1 and 0xB, TSC_AUX, the APIC ID
// register; an IPI reaches the CPU its ICR names), the documented boot stacks, the listings' own
// arithmetic (CPUs x ROUNDS increments), the encoding of `call new_func` from the symbol table, and
// the replay of every failing schedule the explorer reports through `x86lab run --schedule`.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MultiMachine } from '../../src/harness/multi.js';
import { parseSchedule, formatSchedule } from '../../src/harness/multi-schedule.js';
import { MultiExplorer, defaultMultiOptions } from '../../src/harness/multi-explore.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
const ex = (f: string): string => join(root, 'examples', 'multi', f);
const x86lab = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

describe('machine', () => {
  for (const n of [2, 3, 4, 8]) {
    it(`${n} CPUs: each reads its number as APIC ID everywhere, has its boot stack, gets its IPIs`, () => {
      const mm = MultiMachine.fromFile(join(import.meta.dirname, 'ids.S'), { cpus: n, defines: [`CPUS=${n}`] });
      const out = mm.run({ maxSteps: 1_000_000 });
      expect(out.stop).toBe('hlt');
      for (let i = 0; i < n; i++) {
        const slot = mm.addrOf('slots') + 64 * i;
        const u32 = (o: number): number => Number(mm.main.u32(slot + o));
        // CPUID.1:EBX[31:24], CPUID.0BH:EDX, rdtscp ECX, rdpid, xAPIC ID, x2APIC ID: all i.
        expect([0, 4, 12, 16, 20, 24].map(u32)).toEqual([i, i, i, i, i, i]);
        expect(u32(8)).toBe(n); // CPUID.0BH subleaf 1 EBX: logical processors at the core level
        expect(mm.main.u64(slot + 56)).toBe(BigInt(0x80000 + i * 0x10000)); // RSP at entry
        expect([u32(32), u32(36)]).toEqual([1, 1]); // one NMI from the previous CPU, one self-IPI
        expect(mm.machines[i].cpu.halted).toBe(true);
      }
    });
  }

  it('--cpus 1 is the single-CPU machine: same output as without the option', () => {
    for (const f of ['examples/int3-call.S', 'examples/live-patch.S']) {
      const a = x86lab('run', '--trace', f), b = x86lab('run', '--cpus', '1', '--trace', f);
      expect(b.stdout).toBe(a.stdout);
      expect(b.status).toBe(a.status);
    }
  });

  it('--nmi-at takes a CPU prefix: the NMI reaches that CPU only', () => {
    // xmc.S has no IDT: an NMI is a triple fault of the CPU that takes it.
    const r = x86lab('run', '--cpus', '2', '--nmi-at', 'cpu1:writer', ex('xmc.S'));
    expect(r.stdout).toMatch(/^stop: triple-fault .* on cpu1 at /m);
    const q = x86lab('run', '--cpus', '2', '--nmi-at', 'cpu0:writer', ex('xmc.S'));
    expect(q.status).toBe(0);
    expect(q.stderr).toMatch(/warning: --nmi-at cpu0:writer never happened/);
  });

  it('a CPU index out of range is a usage error', () => {
    expect(x86lab('run', '--cpus', '2', '--nmi-at', 'cpu2:_start', ex('xmc.S')).status).toBe(2);
    expect(x86lab('run', '--cpus', '9', ex('xmc.S')).status).toBe(2);
    expect(x86lab('run', '--schedule', '5:1', ex('xmc.S')).status).toBe(2);
  });
});

describe('cross-modifying code (SDM Vol.3A 8.1.3)', () => {
  const result = (defines: string[], schedule?: string): bigint => {
    const mm = MultiMachine.fromFile(ex('xmc.S'), { cpus: 2, defines, ...(schedule ? { schedule: parseSchedule(schedule, 2) } : {}) });
    expect(mm.run().stop).toBe('hlt');
    return mm.main.u32('result');
  };
  it('without serializing, the default run executes the old bytes', () => expect(result([])).toBe(1n));
  it('a schedule may pick the new bytes', () => expect(result([], 'f1=1')).toBe(2n));
  it('after cpuid only the new bytes can be fetched', () => {
    expect(result(['SERIALIZE'])).toBe(2n);
    const mm = MultiMachine.fromFile(ex('xmc.S'), { cpus: 2, defines: ['SERIALIZE'] });
    mm.run();
    expect(mm.staleFetches).toEqual([]);
  });
});

describe('schedules', () => {
  it('round-trip through text', () => {
    const s = parseSchedule('12:1,40~0,40:nmi@1,41:irq=0x41@0,f3=0101', 2);
    expect(formatSchedule(s)).toBe('12:1,40:nmi@1,40~0,41:irq=0x41@0,f3=0101');
    expect(() => parseSchedule('5:1,4:0', 2)).toThrow(/increase/);
    expect(() => parseSchedule('5:2', 2)).toThrow(/no CPU 2/);
  });

  it('the schedule a run reports replays it (same final state)', () => {
    const a = MultiMachine.fromFile(ex('spinlock.S'), { cpus: 3, schedule: parseSchedule('17:2,60~0,200:1', 3) });
    a.run();
    const b = MultiMachine.fromFile(ex('spinlock.S'), { cpus: 3, schedule: parseSchedule(a.scheduleText(), 3) });
    b.run();
    expect(b.steps).toBe(a.steps);
    expect(b.machines.map((m) => m.cpu.rip)).toEqual(a.machines.map((m) => m.cpu.rip));
    expect(b.main.u64('counter')).toBe(a.main.u64('counter'));
  });

  it('a reset machine runs as a fresh one', () => {
    const sched = parseSchedule('300:1,f1=11', 2);
    const fresh = MultiMachine.fromFile(ex('text-poke.S'), { cpus: 2, defines: ['NO_SYNC2'], schedule: sched });
    fresh.run();
    const mm = MultiMachine.fromFile(ex('text-poke.S'), { cpus: 2, defines: ['NO_SYNC2'] });
    mm.run();
    mm.reset(sched);
    mm.run();
    expect(mm.steps).toBe(fresh.steps);
    expect(mm.main.read('old_calls', 48)).toEqual(fresh.main.read('old_calls', 48));
    expect(mm.machines.map((m) => m.model.events.length)).toEqual(fresh.machines.map((m) => m.model.events.length));
  });
});

describe('examples', () => {
  for (const n of [2, 3, 4]) {
    it(`spin lock on ${n} CPUs: counter = CPUs x ROUNDS`, () => {
      const mm = MultiMachine.fromFile(ex('spinlock.S'), { cpus: n });
      expect(mm.run().stop).toBe('hlt');
      expect(mm.main.u64('counter')).toBe(BigInt(3 * n));
      expect(mm.main.u32('ids')).toBe(BigInt((1 << n) - 1));
    });
    it(`text_poke_bp on ${n} CPUs: the site ends as call new_func, no stray int3`, () => {
      const mm = MultiMachine.fromFile(ex('text-poke.S'), { cpus: n });
      expect(mm.run().stop).toBe('hlt');
      const site = mm.addrOf('patch_site'), target = mm.addrOf('new_func');
      const rel = target - (site + 5);
      expect([...mm.main.read('patch_site', 5)]).toEqual([0xe8, rel & 0xff, (rel >> 8) & 0xff, (rel >> 16) & 0xff, (rel >>> 24) & 0xff]);
      expect(mm.main.u64('int3_stray')).toBe(0n);
      expect(Number(mm.main.u32('syncs'))).toBe(3);
      for (let i = 1; i < n; i++) expect(mm.machines[i].cpu.curIp).toBe(mm.addrOf('exec_done'));
    });
  }

  it('--dump holds every CPU', () => {
    const r = x86lab('run', '--cpus', '3', '-q', '--dump', '-', ex('spinlock.S'));
    const d = JSON.parse(r.stdout);
    expect(d.cpus.map((c: { cpu: number }) => c.cpu)).toEqual([0, 1, 2]);
    expect(d.cpus.map((c: { regs: { rsp: string } }) => c.regs.rsp)).toEqual(['0x80000', '0x90000', '0xa0000']);
    expect(d.memory.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['stack', 'stack1', 'stack2']));
  });
});

describe('explorer', () => {
  // Every failure's repro, replayed by `x86lab run`, fails too: a double fault or the wrong counter.
  for (const v of ['NO_SYNC1', 'NO_SYNC2', 'NO_SYNC3']) {
    it(`text-poke -D ${v}: failures found, each replayable`, () => {
      const x = new MultiExplorer({ ...defaultMultiOptions(ex('text-poke.S'), 2), defines: [v], maxTrials: 30 });
      const fails = x.units.map((_, i) => i).slice(200, 480).flatMap((i) => x.runUnit(i).failures);
      expect(fails.length).toBeGreaterThan(0);
      for (const f of fails.slice(0, 3)) {
        const mm = MultiMachine.fromFile(ex('text-poke.S'), { cpus: 2, defines: [v], schedule: parseSchedule(f.schedule, 2) });
        mm.run({ maxSteps: x.maxSteps });
        const faults = mm.machines.flatMap((m) => m.model.events).filter((e) => e.kind === 'double-fault' || e.kind === 'triple-fault');
        expect(faults.length + Number(mm.main.u64('int3_stray'))).toBeGreaterThan(0);
      }
    }, 60_000);
  }

  it('events: an NMI injected where no NMI handler exists fails, and the repro replays it', () => {
    const x = new MultiExplorer({ ...defaultMultiOptions(ex('text-poke.S'), 2), events: [{ kind: 'nmi' }], preemptions: 0, xmcSwitches: 0, within: [['poke_step3', 'patcher_done']] });
    const fails = x.units.map((_, i) => x.runUnit(i)).flatMap((u) => u.failures);
    expect(fails.length).toBe(x.units.length); // every NMI: no gate for vector 2
    const s = parseSchedule(fails[0].schedule, 2);
    expect(s.events).toHaveLength(1);
    const mm = MultiMachine.fromFile(ex('text-poke.S'), { cpus: 2, schedule: s });
    expect(mm.run().stop).toBe('triple-fault');
  }, 60_000);

  it('spin lock without lock: the repro loses an update', () => {
    const x = new MultiExplorer({ ...defaultMultiOptions(ex('spinlock.S'), 2), defines: ['NO_LOCK'], expect: ['counter=6'] });
    const fails = x.units.map((_, i) => x.runUnit(i)).flatMap((u) => u.failures);
    const lost = fails.find((f) => f.kind === 'expect')!;
    expect(lost.schedule).toMatch(/~/);
    const r = x86lab('run', '--cpus', '2', '-D', 'NO_LOCK', '--schedule', lost.schedule, '-q', '--dump', '-', ex('spinlock.S'));
    const d = JSON.parse(r.stdout);
    const data = Buffer.from(d.memory.find((m: { name: string }) => m.name === '.data').hex, 'hex');
    expect(data.readBigUInt64LE(0)).toBeLessThan(6n);
  }, 60_000);

  it('x86-TSO: without mfence a held flag store lets both CPUs in; with mfence, or without --tso, none do', () => {
    const run = (defines: string[], tso: boolean, schedule: string): bigint => {
      const mm = MultiMachine.fromFile(ex('dekker.S'), { cpus: 2, defines, tso, schedule: parseSchedule(schedule, 2) });
      expect(mm.run().stop).toBe('hlt');
      expect([mm.pendingStores(0), mm.pendingStores(1)]).toEqual([0, 0]);
      return mm.main.u32('violations');
    };
    expect(run(['NO_MFENCE'], true, '1:1,98:buffer')).toBe(1n);
    expect(run(['NO_MFENCE'], false, '1:1,98:buffer')).toBe(0n); // no store buffer: sequentially consistent
    const x = new MultiExplorer({ ...defaultMultiOptions(ex('dekker.S'), 2), tso: true, expect: ['violations=0'], maxTrials: 20 });
    expect(x.units.map((_, i) => i).filter((i) => i % 10 === 0).flatMap((i) => x.runUnit(i).failures)).toEqual([]);
  }, 60_000);

  it('shards merge to the whole report', () => {
    const args = ['explore', '--cpus', '2', '--expect', 'counter=6', '-D', 'NO_LOCK', ex('spinlock.S')];
    const whole = x86lab(...args);
    const dir = join(root, 'node_modules', '.tmp-multi-shards');
    spawnSync('mkdir', ['-p', dir]);
    for (const k of [1, 2]) x86lab(...args, '--shard', `${k}/2`, '--json', join(dir, `s${k}.json`));
    const merged = x86lab('explore', '--cpus', '2', '--merge', join(dir, 's1.json'), join(dir, 's2.json'));
    spawnSync('rm', ['-rf', dir]);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.status).toBe(1);
    expect(x86lab(...args, '--jobs', '2').stdout).toBe(whole.stdout);
  }, 60_000);
});
