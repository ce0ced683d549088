import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'x86lab.js');

describe('x86lab --help', () => {
  it('lists every subcommand', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    for (const c of ['as', 'dis', 'exec', 'run']) expect(out).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
  it('rejects an unknown command with status 2', () => {
    let status = 0;
    try { execFileSync(process.execPath, [bin, 'frobnicate'], { stdio: 'pipe' }); } catch (e) { status = (e as { status: number }).status; }
    expect(status).toBe(2);
  });
});
