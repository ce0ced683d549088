// The commands in README.md and docs/*.md are documentation users copy: run every one of them, so
// they cannot rot. `sh` blocks: every `npx x86lab` command must exit 0, or the status its
// `# exit N` comment states (README's set-up block, npm install/build/test, is skipped). Plain blocks of `$ command` lines: each command's output
// must equal the lines shown after it. Commands run in a scratch directory that links to this
// checkout's folders, so files they write (`--dump out.json`) land there. docs/api.md is run from
// a packed tarball by test/package/pack.test.ts instead.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Machine } from '../../src/harness/machine.js';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
const DOCS = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && f !== 'api.md').map((f) => `docs/${f}`)];

interface Block { lang: string; lines: string[] }
function blocks(md: string): Block[] {
  const out: Block[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ lang: m[1], lines: m[2].replace(/\n$/, '').split('\n') });
  return out;
}

/** The shell text with `npx x86lab` pointed at this checkout's launcher and trailing `# comments` dropped. */
function local(cmd: string): string {
  return cmd.replace(/\s+#\s.*$/, '').replaceAll('npx x86lab', `node ${JSON.stringify(bin)}`);
}

interface Transcript { doc: string; cmd: string; want: string[] }
function transcripts(doc: string, bs: Block[]): Transcript[] {
  const out: Transcript[] = [];
  for (const b of bs) {
    if (b.lang !== '' || !b.lines[0]?.startsWith('$ ')) continue;
    for (const l of b.lines) {
      if (l.startsWith('$ ')) out.push({ doc, cmd: l.slice(2), want: [] });
      else out[out.length - 1].want.push(l);
    }
  }
  return out;
}

const docs = DOCS.map((doc) => ({ doc, blocks: blocks(readFileSync(join(root, doc), 'utf8')) }));
const commands = docs.flatMap(({ doc, blocks: bs }) => bs
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.lines)
  .filter((l) => l.includes('npx x86lab') && !/^npm (install|ci)\b/.test(l))
  .map((cmd) => ({ doc, cmd })));
const shown = docs.flatMap(({ doc, blocks: bs }) => transcripts(doc, bs));

let sandbox = '';
beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'x86lab-docs-'));
  for (const f of readdirSync(root)) if (!f.startsWith('.')) symlinkSync(join(root, f), join(sandbox, f));
});
afterAll(() => { if (sandbox) rmSync(sandbox, { recursive: true, force: true }); });

const sh = (cmd: string): SpawnSyncReturns<string> =>
  spawnSync('bash', ['-c', cmd], { cwd: sandbox, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } });

describe('README.md and docs/*.md', () => {
  it('README opens with the set-up command and the test command', () => {
    const first = docs[0].blocks[0].lines.join('\n');
    expect(first).toMatch(/^npm install && npm run build && npx x86lab /m);
    expect(first).toMatch(/^npm test\b/m);
  });

  it('document commands to run and outputs to compare', () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(shown.length).toBeGreaterThan(4);
    expect(new Set(commands.map((c) => c.doc))).toEqual(new Set(['README.md', 'docs/harness.md', 'docs/explore.md', 'docs/multi-cpu.md', 'docs/gas-suite.md']));
  });

  for (const c of commands) {
    it(`${c.doc}: ${c.cmd}`, () => {
      const r = sh(local(c.cmd));
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.status, r.stderr).toBe(Number(/#\s*exit (\d+)/.exec(c.cmd)?.[1] ?? 0));
    });
  }

  for (const t of shown) {
    it(`${t.doc}: $ ${t.cmd}`, () => {
      const r = sh(`${local(t.cmd)} 2>&1`);
      expect(r.stdout.trimEnd().split('\n')).toEqual(t.want);
    });
  }

  it('every command the README names has a --help', () => {
    for (const c of ['as', 'dis', 'exec', 'run']) {
      expect(execFileSync(process.execPath, [bin, c, '--help'], { encoding: 'utf8' })).toMatch(/^usage: x86lab /);
    }
  });

  it('docs/harness.md counts the handler listings in examples/ it names', () => {
    const md = readFileSync(join(root, 'docs', 'harness.md'), 'utf8');
    const m = /The (\w+) handler listings in `examples\/`\s*\(([^)]*)\)/.exec(md)!;
    const named = [...m[2].matchAll(/`([^`]+\.S)`/g)].map((x) => x[1]);
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    expect(words.indexOf(m[1])).toBe(named.length);
    const traced = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.S') && readdirSync(join(root, 'examples')).some((t) => t.startsWith(f.slice(0, -2)) && t.endsWith('.trace')));
    expect(named.sort()).toEqual(traced.sort());
  });

  it('x86lab/harness.h macros clobber %rax and no other register, as harness.h and docs/harness.md say', () => {
    for (const mode of [64, 32] as const) {
      const regs = mode === 64 ? ['rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'] : ['ebx', 'ecx', 'edx', 'esi', 'edi', 'ebp'];
      const set = regs.map((r, k) => `\tmov $${0x1000 + k}, %${r}`).join('\n');
      const m = Machine.fromSource(`#include <x86lab/harness.h>
	DEFINE_GDT gdt_table
	DEFINE_IDT idt_table
	DEFINE_STACK st
	DEFINE_TSS cpu_tss, st
	.text
	.globl _start
h:	hlt
_start:
${set}
	LOAD_GDT gdt_table
	LOAD_TSS gdt_table, cpu_tss
	SET_INTR_GATE idt_table, 2, h
	SET_TRAP_GATE idt_table, 3, h
	SET_SYSTEM_INTR_GATE idt_table, 4, h
	SET_SYSTEM_TRAP_GATE idt_table, 5, h
	IDT_GATE idt_table, 6, h, GATE_INTERRUPT
	LOAD_IDT idt_table
	hlt
`, { mode, file: 'clobber.S' });
      expect(m.run().stop).toBe('hlt');
      expect(regs.map((r) => m.reg(r))).toEqual(regs.map((_, k) => BigInt(0x1000 + k)));
      expect(m.reg(mode === 64 ? 'rsp' : 'esp')).toBe(0x80000n);
    }
  });
});
