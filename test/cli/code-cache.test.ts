// bin/x86lab.js runs the bundled CLI (dist/cli/bundle.cjs, or bundle-as.cjs / bundle-dis.cjs)
// through V8's code cache. The cache may only save time: these runs check that the first run writes
// it, later runs reuse it, a damaged or foreign cache changes nothing in the output, a cache others
// can write is never used, and a folder that cannot be written or made only means no cache.
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
function assemble(cache: string, out: string, nodeFlags: string[] = []): Promise<Buffer> {
  return new Promise((done, fail) => {
    const c = spawn(process.execPath, [...nodeFlags, bin, 'as', '-o', join(dir, out), src], { cwd: dir, env: { ...process.env, X86LAB_CODE_CACHE: cache } });
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
  it('the build wrote the bundles the launcher loads', () => {
    expect(existsSync(join(root, 'dist', 'cli', 'bundle.cjs'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'cli', 'bundle-as.cjs'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'cli', 'bundle-dis.cjs'))).toBe(true);
  });

  it('writes the cache on the first run and reuses it unchanged afterwards', async () => {
    const c = join(dir, 'cache-a');
    expect(await assemble('0', 'off.o')).toEqual(reference);
    expect(cacheFiles(c)).toEqual([]);
    expect(await assemble(c, 'first.o')).toEqual(reference);
    const [f] = cacheFiles(c);
    expect(f).toMatch(/^cli-as-\d+-\d+-\d+-v[\d.]+-\w+(-[0-9a-f]+)?\.bin$/);
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
  it('a truncated cache is rejected too, and rewritten', async () => {
    const c = join(dir, 'cache-t');
    await assemble(c, 'prime-t.o');
    const [f] = cacheFiles(c);
    const whole = readFileSync(join(c, f));
    writeFileSync(join(c, f), whole.subarray(0, whole.length >> 1));
    expect(await assemble(c, 'truncated.o')).toEqual(reference);
    expect(statSync(join(c, f)).size).toBeGreaterThan(whole.length >> 1);
  });

  it('never uses a cache file that others can write: it is replaced by one of its own', async () => {
    const c = join(dir, 'cache-w');
    await assemble(c, 'prime-w.o');
    const [f] = cacheFiles(c);
    // The right bytes, but anyone could have written them.
    chmodSync(join(c, f), 0o666);
    expect(await assemble(c, 'writable.o')).toEqual(reference);
    expect(statSync(join(c, f)).mode & 0o777).toBe(0o600);
  });

  it('keeps one cache per set of node flags, so that runs under two sets do not overwrite each other', async () => {
    const c = join(dir, 'cache-flags');
    const run = (flags: string[], out: string) => assemble(c, out, flags);
    expect(await run([], 'plain-1.o')).toEqual(reference);
    expect(await run(['--no-opt'], 'no-opt-1.o')).toEqual(reference);
    const files = cacheFiles(c);
    expect(files.length).toBe(2);
    const bytes = files.map((f) => readFileSync(join(c, f)));
    expect(await run([], 'plain-2.o')).toEqual(reference);
    expect(await run(['--no-opt'], 'no-opt-2.o')).toEqual(reference);
    // Both were reused as they were, not rewritten.
    expect(cacheFiles(c)).toEqual(files);
    files.forEach((f, i) => expect(readFileSync(join(c, f))).toEqual(bytes[i]));
  });

  it('a cache folder that cannot be made or written only means no cache', async () => {
    // Under a regular file: mkdir fails whoever runs the test (root included).
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    expect(await assemble(join(file, 'cache'), 'under-file.o')).toEqual(reference);
    const ro = join(dir, 'cache-ro');
    mkdirSync(ro, { mode: 0o700 });
    chmodSync(ro, 0o500);
    expect(await assemble(ro, 'read-only.o')).toEqual(reference);
    expect(await assemble(ro, 'read-only-again.o')).toEqual(reference);
  });
});

/** The dist/ modules in a bundle, as esbuild listed them (scripts/bundle-cli.mjs writes dist/cli/bundles.json). */
const modulesIn = (bundle: string): string[] =>
  (JSON.parse(readFileSync(join(root, 'dist', 'cli', 'bundles.json'), 'utf8')) as Record<string, string[]>)[bundle].filter((m) => m.startsWith('dist/'));

describe('the bundles of one command', () => {
  // `x86lab as` loads dist/cli/bundle-as.cjs and `x86lab dis` dist/cli/bundle-dis.cjs, which hold
  // no module of the other commands. (The decoder stays in `as`'s: -mx86-used-note decodes SIMD
  // instructions.)
  const cpu = (m: string) => /^dist\/cpu\//.test(m) || (/^dist\/harness\//.test(m) && m !== 'dist/harness/include-dir.js');
  const commands = (m: string) => /^dist\/cli\/(as|dis|exec|run|explore|run-multi|explore-multi|host-cpu)\.js$/.test(m);

  it("`as`'s holds the assembler and nothing of the CPU, the harness, the linker or the other commands", () => {
    const as = modulesIn('bundle-as.cjs');
    expect(as).toContain('dist/cli/as.js');
    expect(as).toContain('dist/asm/assemble.js');
    expect(as.filter((m) => cpu(m) || /^dist\/(link|elf)\//.test(m))).toEqual([]);
    expect(as.filter(commands)).toEqual(['dist/cli/as.js']);
    // The same tests find them in the bundle of all commands.
    expect(modulesIn('bundle.cjs').filter(cpu).length).toBeGreaterThan(20);
    expect(modulesIn('bundle.cjs').filter(commands).length).toBeGreaterThan(5);
  });

  it("`dis`'s holds the disassembler and nothing of the assembler, the CPU or the harness", () => {
    const dis = modulesIn('bundle-dis.cjs');
    expect(dis).toContain('dist/cli/dis.js');
    expect(dis).toContain('dist/decode/decode.js');
    expect(dis.filter((m) => cpu(m) || /^dist\/(asm|encode)\//.test(m))).toEqual([]);
    expect(dis.filter(commands)).toEqual(['dist/cli/dis.js']);
  });

  /** The bundle file the launcher compiles for `args`. */
  function loaded(args: string[]): string {
    const r = spawnSync(process.execPath, ['-e', `
      const vm = require('node:vm'); const seen = [];
      const Script = vm.Script;
      vm.Script = function (src, o) { seen.push(o.filename); return new Script(src, o); };
      process.argv.splice(1, 1, ${JSON.stringify(bin)});
      process.on('exit', () => process.stderr.write('LOADED ' + seen.join(' ') + '\\n'));
      require(${JSON.stringify(bin)});`, '-', ...args], { encoding: 'utf8', env: { ...process.env, X86LAB_CODE_CACHE: '0' } });
    const m = /LOADED (\S*)\n/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    return m![1].split(/[\\/]/).pop()!;
  }

  it('are the ones the launcher loads', () => {
    expect(loaded(['as', '--version'])).toBe('bundle-as.cjs');
    expect(loaded(['--version'])).toBe('bundle-dis.cjs');
    expect(loaded(['--help'])).toBe('bundle-dis.cjs');
    expect(loaded(['nosuch'])).toBe('bundle-dis.cjs');
    expect(loaded(['dis', '--help'])).toBe('bundle-dis.cjs');
    expect(loaded(['run', '--help'])).toBe('bundle.cjs');
  });
});
