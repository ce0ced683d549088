// bin/x86lab.js runs the bundled CLI (dist/cli/bundle.cjs) through V8's code cache. The cache may
// only save time: these runs check that the first run writes it, later runs reuse it, a damaged or
// foreign cache changes nothing in the output, and a folder others can write is never used.
// (How much time it saves is measured in bench/startup.bench.mjs, never here.)

import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
let dir = '';
let src = '';

/** Runs `x86lab as` without blocking this worker (vitest's RPC keeps answering on a loaded machine). */
function assemble(cache: string, out: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const c = spawn(process.execPath, [bin, 'as', '-o', join(dir, out), src], { cwd: dir, env: { ...process.env, X86LAB_CODE_CACHE: cache } });
    let stderr = '';
    c.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    c.on('error', fail);
    c.on('close', (status) => {
      try {
        expect(stderr).toBe('');
        expect(status).toBe(0);
        done(readFileSync(join(dir, out)));
      } catch (e) {
        fail(e);
      }
    });
  });
}

const cacheFiles = (d: string): string[] => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.bin')) : []);

/** GNU as's object for the same file where GNU as is installed; x86lab's uncached one otherwise. */
let reference: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'x86lab-code-cache-test-'));
  src = join(dir, 'one.s');
  writeFileSync(src, '\tmovl $1, %eax\n\tleaq msg(%rip), %rsi\n\t.data\nmsg: .asciz "hi"\n');
  const gnu = spawnSync('as', ['--64', '-o', join(dir, 'gnu.o'), src]);
  reference = gnu.status === 0 ? readFileSync(join(dir, 'gnu.o')) : await assemble('0', 'plain.o');
});

describe('bin/x86lab.js code cache', () => {
  it('the build wrote the bundle the launcher loads', () => {
    expect(existsSync(join(root, 'dist', 'cli', 'bundle.cjs'))).toBe(true);
  });

  it('writes the cache on the first run and reuses it unchanged afterwards', async () => {
    const c = join(dir, 'cache-a');
    expect(await assemble('0', 'off.o')).toEqual(reference);
    expect(cacheFiles(c)).toEqual([]);
    expect(await assemble(c, 'first.o')).toEqual(reference);
    const [f] = cacheFiles(c);
    expect(f).toMatch(/^cli-as-\d+-\d+-\d+-v[\d.]+-\w+\.bin$/);
    expect((statSync(c).mode & 0o077)).toBe(0);
    const bytes = readFileSync(join(c, f));
    expect(bytes.length).toBeGreaterThan(1000);
    expect(await assemble(c, 'second.o')).toEqual(reference);
    expect(cacheFiles(c)).toEqual([f]);
    expect(readFileSync(join(c, f))).toEqual(bytes);
  });

  it('a damaged cache is rejected by V8, changes nothing, and is rewritten', async () => {
    const c = join(dir, 'cache-b');
    await assemble(c, 'prime.o');
    const [f] = cacheFiles(c);
    const junk = Buffer.alloc(statSync(join(c, f)).size, 0xa5);
    writeFileSync(join(c, f), junk);
    expect(await assemble(c, 'damaged.o')).toEqual(reference);
    expect(readFileSync(join(c, f)).equals(junk)).toBe(false);
    expect(await assemble(c, 'after.o')).toEqual(reference);
  });

  it('never uses a folder that others can write', async () => {
    const c = join(dir, 'cache-open');
    mkdirSync(c);
    chmodSync(c, 0o777);
    expect(await assemble(c, 'open.o')).toEqual(reference);
    expect(cacheFiles(c)).toEqual([]);
  });
});
