// `x86lab explore`: the failing boundaries must be exactly those an independent oracle finds.
// The oracle re-runs the listing from scratch with `run`'s own event schedule (Machine.nmiAt
// with a step count, no snapshots) for every boundary or pair, and the unsafe-window listing
// states its window size (WINDOW) in its source. Also: the repro commands reproduce, and the
// report does not depend on --jobs or on sharding.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Machine } from '../../src/harness/machine.js';
import { Explorer, defaultOptions, type ExploreOptions, type Failure } from '../../src/harness/explore.js';
import { buildReport } from '../../src/harness/explore-report.js';
import { parseInt3 } from '../../src/harness/schedule.js';

const root = join(import.meta.dirname, '..', '..');
const ex = (f: string): string => join(root, 'examples', f);

function explore(o: Partial<ExploreOptions> & { file: string }): { x: Explorer; failures: Failure[]; trials: number } {
  const x = new Explorer({ ...defaultOptions(o.file), ...o });
  const failures: Failure[] = [];
  let trials = 0;
  for (const i of x.units) { const u = x.runUnit(i); failures.push(...u.failures); trials += u.trials; }
  return { x, failures, trials };
}

/** Does a fresh run with NMIs at these step counts end at the baseline's hlt without #DF / new exceptions? */
function oracleFails(file: string, opts: { mode?: 32 | 64; defines?: string[] }, steps: number[], maxSteps: number, hltAt: number, vectors: Set<number>): boolean {
  const m = Machine.fromFile(file, { mode: opts.mode ?? 64, defines: opts.defines ?? [] });
  for (const s of steps) m.nmiAt(s);
  const out = m.run({ maxSteps });
  if (out.stop !== 'hlt' || m.cpu.curIp !== hltAt) return true;
  return m.events.some((e) => e.kind === 'double-fault' || (e.kind === 'exception' && !vectors.has(e.vector!)));
}

function baselineFacts(file: string, opts: { mode?: 32 | 64; defines?: string[] }): { steps: number; hltAt: number; vectors: Set<number> } {
  const m = Machine.fromFile(file, { mode: opts.mode ?? 64, defines: opts.defines ?? [] });
  const out = m.run({});
  return { steps: out.steps, hltAt: m.cpu.curIp, vectors: new Set(m.events.filter((e) => e.kind === 'exception').map((e) => e.vector!)) };
}

describe('explore: unsafe stack-switch window', () => {
  const file = ex('stack-switch-window.S');
  const window = Number(/#define WINDOW (\d+)/.exec(readFileSync(file, 'utf8'))![1]);

  it('finds exactly the WINDOW boundaries inside the window, and the brute-force oracle agrees', () => {
    const { x, failures } = explore({ file, within: [['switch_stack', 'switch_done']] });
    expect(failures.length).toBe(window);
    const m = Machine.fromFile(file);
    const [a, b] = [m.addr('window_start'), m.addr('window_end')];
    for (const f of failures) {
      expect(f.kind).toBe('triple-fault');
      const at = /^(\w+)(?:\+(0x[0-9a-f]+))?:1$/.exec(f.events[0].where)!;
      const addr = m.addr(at[1]) + Number(at[2] ?? 0);
      expect(addr >= a && addr < b).toBe(true);
    }
    // Brute force over every step of the run (not only the --within range).
    const base = baselineFacts(file, {});
    const all = explore({ file });
    const oracle: number[] = [];
    for (let s = 0; s < base.steps; s++) if (oracleFails(file, {}, [s], x.maxSteps, base.hltAt, base.vectors)) oracle.push(s);
    // Without --within the boundaries before lidt are left out (no IDT: all triple faults).
    expect(all.x.beforeIdt).toBeGreaterThan(0);
    expect(oracle.slice(0, all.x.beforeIdt)).toEqual(Array.from({ length: all.x.beforeIdt }, (_, k) => k));
    expect(all.failures.map((f) => f.events[0].step)).toEqual(oracle.slice(all.x.beforeIdt));
    expect(all.failures.length).toBe(window);
  });

  it('with an IST stack for NMIs the same window is safe', () => {
    const { failures, trials } = explore({ file, defines: ['USE_IST'], within: [['switch_stack', 'switch_done']] });
    expect(trials).toBe(8);
    expect(failures).toEqual([]);
  });

  it('the repro command reproduces the failure from the command line', () => {
    const { failures } = explore({ file, within: [['switch_stack', 'switch_done']] });
    const args = failures[0].repro.split(' ').slice(1); // drop "x86lab"
    const r = spawnSync(process.execPath, [join(root, 'bin', 'x86lab.js'), ...args], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^stop: triple-fault/m);
  });
});

const DESIGNS: { name: string; file: string; mode: 32 | 64; defines: string[] }[] = [
  { name: 'x86-64 iretq (gap)', file: 'nmi-in-int3.S', mode: 64, defines: [] },
  { name: 'x86-64 popf; ret $40', file: 'nmi-in-int3.S', mode: 64, defines: ['POPF_RET'] },
  { name: 'i386 iret', file: 'nmi-in-int3-32.S', mode: 32, defines: [] },
  { name: 'i386 popfl; ret $12', file: 'nmi-in-int3-32.S', mode: 32, defines: ['POPF_RET'] },
];

describe('explore: nmi-in-int3, both int3 exit designs, both modes', () => {
  for (const d of DESIGNS) {
    const file = ex(d.file);
    const mo = { mode: d.mode, defines: d.defines };
    it(`${d.name}: depth 1 over the whole run matches one fresh run per step`, () => {
      const { x, failures, trials } = explore({ file, ...mo });
      const base = baselineFacts(file, mo);
      expect(trials).toBe(base.steps - x.beforeIdt);
      const oracle: number[] = [];
      for (let s = x.beforeIdt; s < base.steps; s++) if (oracleFails(file, mo, [s], x.maxSteps, base.hltAt, base.vectors)) oracle.push(s);
      expect(failures.map((f) => f.events[0].step)).toEqual(oracle);
    });

    it(`${d.name}: depth 2 from do_int3's first instructions matches fresh runs for every pair`, () => {
      const { x, failures, trials } = explore({ file, ...mo, depth: 2, within: [['do_int3', 'do_int3+0x8']] });
      const base = baselineFacts(file, mo);
      let pairs = 0;
      const oracle: string[] = [];
      for (const i of x.units) {
        const s1 = i; // baseline boundary i is the boundary at step i (no fault restarts an instruction here)
        pairs++;
        if (oracleFails(file, mo, [s1], x.maxSteps, base.hltAt, base.vectors)) { oracle.push(`${s1}`); continue; }
        const single = Machine.fromFile(file, mo);
        single.nmiAt(s1);
        const t1 = single.run({ maxSteps: x.maxSteps }).steps;
        for (let s2 = s1 + 1; s2 < t1; s2++) {
          pairs++;
          if (oracleFails(file, mo, [s1, s2], x.maxSteps, base.hltAt, base.vectors)) oracle.push(`${s1},${s2}`);
        }
      }
      expect(trials).toBe(pairs);
      expect(failures.map((f) => f.events.map((e) => e.step).join(','))).toEqual(oracle);
    });
  }

  it('the detailed failures reproduce when re-run with run\'s event schedule', () => {
    const { x } = explore({ file: ex('nmi-in-int3.S'), depth: 2, within: [['do_int3', 'do_int3+0x8']] });
    const results = x.units.map((i) => x.runUnit(i));
    const r = buildReport(x, results, 5);
    expect(r.failed).toBeGreaterThan(0);
    for (const f of r.failures.slice(0, 5)) expect(f.reproduces).toBe(true);
  });
});

describe('explore CLI: reports do not depend on --jobs or sharding', () => {
  it('--jobs 1, --jobs 2 and two merged shards give byte-identical JSON and text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-explore-'));
    const bin = join(root, 'bin', 'x86lab.js');
    const common = ['explore', 'examples/nmi-in-int3.S', '--depth', '2', '--within', 'do_int3..do_int3+0x8', '--details', '3'];
    const run = (args: string[]): { status: number | null; stdout: string } => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    const one = run([...common, '--json', join(dir, 'one.json')]);
    const two = run([...common, '--jobs', '2', '--json', join(dir, 'two.json')]);
    run([...common, '--shard', '1/2', '--json', join(dir, 's1.json')]);
    run([...common, '--shard', '2/2', '--json', join(dir, 's2.json')]);
    const merged = run(['explore', '--merge', join(dir, 's2.json'), join(dir, 's1.json'), '--details', '3', '--json', join(dir, 'm.json')]);
    expect(one.status).toBe(1);
    const j1 = readFileSync(join(dir, 'one.json'), 'utf8');
    expect(readFileSync(join(dir, 'two.json'), 'utf8')).toBe(j1);
    expect(readFileSync(join(dir, 'm.json'), 'utf8')).toBe(j1);
    expect(two.stdout).toBe(one.stdout);
    expect(merged.stdout).toBe(one.stdout);
    const r = JSON.parse(j1);
    for (const k of ['boundaries', 'trials', 'passed', 'failed']) expect(typeof r[k]).toBe('number');
    expect(r.failures[0].events[0]).toMatchObject({ kind: 'nmi' });
    expect(r.failures[0].repro).toMatch(/^x86lab run /);
  });
});

describe('explore: checker and expectations', () => {
  const file = join(root, 'test', 'fixtures', 'explore', 'clobber.S');
  const window = Number(/#define CLOBBER_WINDOW (\d+)/.exec(readFileSync(file, 'utf8'))![1]);
  const within: [string, string][] = [['window', 'done']];
  const cases: [Partial<ExploreOptions>, string, number][] = [
    [{ expect: ['value=5'] }, 'expect', window],
    [{ check: 'check_value' }, 'check', window],
    [{ expectSame: ['value'] }, 'expect', window],
    [{ expectStackBalanced: true }, 'expect', window + 1],
    [{}, '', 0],
  ];
  for (const [o, kind, n] of cases) {
    it(`${JSON.stringify(o)}: ${n} failing boundaries`, () => {
      const { failures } = explore({ file, within, ...o });
      expect(failures.length).toBe(n);
      // The window starts at the boundary before `window` (a fresh run's visited log says which
      // step that is) and its boundaries are consecutive steps.
      const m = Machine.fromFile(file);
      m.nmiAt('window');
      m.run({});
      const first = m.events.find((e) => e.kind === 'nmi')!.step;
      expect(failures.map((f) => f.events[0].step)).toEqual(Array.from({ length: n }, (_, k) => first + k));
      for (const f of failures) expect(f.kind).toBe(kind);
    });
  }
});

describe('explore: int3 and irq events', () => {
  const file = ex('nmi-in-int3.S');
  it('int3:new_func (a stray int3 written by another CPU) matches run --int3-at per step', () => {
    // The handler counts an int3 it does not own in int3_stray and resumes after it.
    const { x, failures, trials } = explore({ file, events: [{ kind: 'int3', sym: 'new_func' }], expectSame: ['int3_stray'] });
    const base = baselineFacts(file, {});
    expect(trials).toBe(base.steps - x.beforeIdt);
    const oracle: number[] = [];
    for (let s = x.beforeIdt; s < base.steps; s++) {
      const m = Machine.fromFile(file);
      m.arm(parseInt3(`new_func@${s}`));
      const out = m.run({ maxSteps: x.maxSteps });
      const bad = out.stop !== 'hlt' || m.cpu.curIp !== base.hltAt ||
        m.events.some((e) => e.kind === 'double-fault' || (e.kind === 'exception' && !base.vectors.has(e.vector!) && e.vector !== 3)) ||
        m.u64('int3_stray') !== 0n;
      if (bad) oracle.push(s);
    }
    expect(oracle.length).toBeGreaterThan(0);
    expect(oracle.length).toBeLessThan(base.steps);
    expect(failures.map((f) => f.events[0].step)).toEqual(oracle);
    expect(failures[0].repro).toContain('--int3-at new_func@');
  });

  it('irq:0x20: the listing never sets IF, so the interrupt stays pending and every trial passes', () => {
    const { failures, trials } = explore({ file, events: [{ kind: 'irq', vector: 0x20 }] });
    expect(trials).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});

describe('explore: nested events (depth 2 and 3) against fresh runs of every sequence', () => {
  const file = join(root, 'test', 'fixtures', 'explore', 'clobber.S');
  const fails = (steps: number[], max: number, base: { hltAt: number; vectors: Set<number> }): { bad: boolean; steps: number } => {
    const m = Machine.fromFile(file);
    for (const s of steps) m.nmiAt(s);
    const out = m.run({ maxSteps: max });
    const bad = out.stop !== 'hlt' || m.cpu.curIp !== base.hltAt || m.u64('value') !== 5n ||
      m.events.some((e) => e.kind === 'double-fault' || (e.kind === 'exception' && !base.vectors.has(e.vector!)));
    return { bad, steps: out.steps };
  };
  for (const depth of [2, 3]) {
    it(`depth ${depth}: a first NMI just before the clobber window, then every later boundary`, () => {
      const { x, failures, trials } = explore({ file, depth, within: [['set_rbx', 'window']], expect: ['value=5'] });
      const base = baselineFacts(file, {});
      const oracle: string[] = [];
      let n = 0;
      const walk = (seq: number[], level: number): void => {
        n++;
        const r = fails(seq, x.maxSteps, base);
        if (r.bad) { oracle.push(seq.join(',')); return; }
        if (level === depth) return;
        for (let s = seq[seq.length - 1] + 1; s < r.steps; s++) walk([...seq, s], level + 1);
      };
      for (const i of x.units) walk([x.baseline.steps[i]], 1);
      expect(trials).toBe(n);
      expect(failures.map((f) => f.events.map((e) => e.step).join(','))).toEqual(oracle);
      expect(failures.length).toBeGreaterThan(0);
    });
  }
});

describe('run --int3-at (the repro of int3:SYM events)', () => {
  const bin = join(root, 'bin', 'x86lab.js');
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [bin, 'run', ...args], { cwd: root, encoding: 'utf8' });
  it('patches the byte at SYM at WHERE: a stray int3 on new_func is counted in int3_stray', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x86lab-int3at-'));
    const dump = join(dir, 'd.json');
    const r = run(['examples/nmi-in-int3.S', '-q', '--int3-at', 'new_func@_start', '--dump', dump]);
    expect(r.status).toBe(0);
    const d = JSON.parse(readFileSync(dump, 'utf8'));
    const m = Machine.fromFile(ex('nmi-in-int3.S'));
    const off = m.addr('int3_stray') - m.addr('bp_addr');
    const data = d.memory.find((x: { name: string }) => x.name === '.data');
    expect(parseInt(data.hex.slice(2 * (m.addr('bp_addr') - Number(data.addr)) + 2 * off, 2 * (m.addr('bp_addr') - Number(data.addr)) + 2 * off + 2), 16)).toBe(1);
  });
  it('rejects a malformed --int3-at', () => {
    expect(run(['examples/nmi-in-int3.S', '--int3-at', 'new_func']).status).toBe(2);
  });
});
