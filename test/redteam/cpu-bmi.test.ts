// Red-team differential test of BMI1/BMI2/ADX against this machine's CPU with the independent harness
// (test/redteam/cpu/gen.mjs `--only bmi`, runner.c, `x86lab exec --batch`). Golden: the Intel host's
// run, test/redteam/cpu/bmi-golden-intel.jsonl.gz (regenerate on an Intel host: node
// test/redteam/cpu/gen.mjs --seed 11 --count 1500 --only bmi --out DIR, then gzip -9 DIR/vectors.jsonl),
// compared strictly. Live: a fresh sample where the CPU has BMI1, BMI2 and ADX — strictly on an Intel
// host; on an AMD host the SDM-undefined AF/PF/SF of BMI1/BMI2 are masked (not measured there yet).

import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/exec.js';
import { expand, compare, type Rec, type Expected } from './cpu/vectors-lib.mjs';
import { liveSeed } from '../seed.js';

const here = join(dirname(fileURLToPath(import.meta.url)), 'cpu');

/** AF, PF and SF: the status flags BMI1/BMI2 leave undefined (ADX defines all it touches). */
const BMI_UNDEF = 0x94n;

async function check(recs: Rec[], mask: bigint): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-redteam-bmi-'));
  const pairs = recs.map(expand);
  const inF = join(dir, 'in.jsonl'), outF = join(dir, 'out.jsonl');
  writeFileSync(inF, pairs.map(([s]) => JSON.stringify(s)).join('\n') + '\n');
  expect(await run(['--batch', inF, outF])).toBe(0);
  const outs = readFileSync(outF, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(outs.length).toBe(recs.length);
  const strip = <T extends { regs?: unknown }>(s: T): T => {
    if (!mask) return s;
    const regs = { ...(s.regs as Record<string, string>) };
    for (const k of ['rflags', 'eflags']) if (regs[k] !== undefined) regs[k] = '0x' + (BigInt(regs[k]) & ~mask).toString(16);
    return { ...s, regs };
  };
  const bad: string[] = [];
  recs.forEach((r, k) => {
    const d = compare(strip(outs[k]), strip<Expected>(pairs[k][1]));
    if (d.length && bad.length < 20) bad.push(`[${r.mode}] ${r.asm}: ${d.join('; ')}`);
  });
  return bad;
}

function hostCpu(): { vendor: string; bmi: boolean } {
  let info = '';
  try { info = readFileSync('/proc/cpuinfo', 'utf8'); } catch { /* not Linux */ }
  const flags = new Set((/^flags\s*:(.*)$/m.exec(info)?.[1] ?? '').trim().split(/\s+/));
  return { vendor: /GenuineIntel/.test(info) ? 'intel' : /AuthenticAMD/.test(info) ? 'amd' : 'unknown', bmi: ['bmi1', 'bmi2', 'adx'].every((f) => flags.has(f)) };
}

function have(tool: string): boolean {
  try { execFileSync(tool, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe('red-team BMI/ADX vectors (native, independent harness)', () => {
  it('agree 100% strictly with the committed Intel vectors', async () => {
    const recs = gunzipSync(readFileSync(join(here, 'bmi-golden-intel.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
    expect(recs.length).toBeGreaterThan(1000);
    expect(recs.every((r) => r.fam === 'bmi') && recs.some((r) => r.mode === 32)).toBe(true);
    expect(await check(recs, 0n)).toEqual([]);
  });

  const h = hostCpu();
  const live = process.platform === 'linux' && process.arch === 'x64' && have('gcc') && have('as') && h.bmi && (h.vendor === 'intel' || h.vendor === 'amd');
  it.skipIf(!live)(`agree with a fresh native sample (${h.vendor === 'amd' ? 'AF/PF/SF masked on AMD' : 'strictly'})`, async () => {
    const seed = liveSeed(17);
    const out = mkdtempSync(join(tmpdir(), 'x86lab-redteam-bmi-live-'));
    execFileSync('node', [join(here, 'gen.mjs'), '--seed', String(seed), '--count', '300', '--only', 'bmi', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const recs = readFileSync(join(out, 'vectors.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
    expect(recs.length).toBeGreaterThan(250);
    expect(await check(recs, h.vendor === 'intel' ? 0n : BMI_UNDEF), `seed ${seed}`).toEqual([]);
  });
});
