// x86lab as a user gets it: `npm pack` (which builds at pack time), the tarball installed into an
// empty project, and docs/api.md followed from that project's side — every file it shows written,
// every command run, every output shown compared — under strict TypeScript with skipLibCheck off.
// Then the golden matcher's conventions: a changed golden fails with a diff, `vitest -u` rewrites
// it, a run from another directory resolves goldens against the test file, a missing golden fails
// under CI. The pack happens in a staging copy, so this checkout's dist/ (which other test files
// are running) is never rewritten.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const api = readFileSync(join(root, 'docs', 'api.md'), 'utf8');

interface Block { lang: string; lines: string[] }
function blocks(md: string): Block[] {
  const out: Block[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ lang: m[1], lines: m[2].replace(/\n$/, '').split('\n') });
  return out;
}

/** `// file: NAME` or `/* file: NAME *\/` on a block's first line. */
function fileName(b: Block): string | undefined {
  return /^(?:\/\/|\/\*)\s*file:\s*(\S+)/.exec(b.lines[0] ?? '')?.[1];
}

/** The environment of a user's shell: none of this vitest run's variables, no CI, no golden override. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|TEST$|NODE_ENV$|CI$|UPDATE_GOLDEN$|NODE_OPTIONS$|FORCE_COLOR$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Run a shell command without blocking this worker (vitest's RPC keeps answering meanwhile). */
function sh(cmd: string, cwd: string, extra: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const c = spawn('bash', ['-c', cmd], { cwd, env: userEnv(extra) });
    let stdout = '', stderr = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    c.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    c.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const version = (pkg: string): string => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

let work = '';
let proj = '';
let installLog = '';

const INSTALL = 'npm install --save-dev --prefer-offline --no-audit --no-fund --loglevel=warn';
let typecheck: Promise<{ status: number | null; stdout: string; stderr: string }> | null = null;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'x86lab-pack-'));
  // Staging copy of what `npm pack` reads and builds from; node_modules shared by a link.
  const stage = join(work, 'stage');
  mkdirSync(stage);
  for (const f of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'grammar', 'include', 'docs', 'examples', 'src', 'scripts']) {
    cpSync(join(root, f), join(stage, f), { recursive: true, filter: (p) => !p.endsWith('.generated.ts') });
  }
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const packing = sh(`npm pack --pack-destination ${JSON.stringify(work)} --loglevel=warn`, stage);

  proj = join(work, 'proj');
  mkdirSync(proj);
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
  for (const b of blocks(api)) {
    const f = fileName(b);
    if (f) writeFileSync(join(proj, f), b.lines.join('\n') + '\n');
  }
  // docs/api.md's set-up line: this checkout's versions of the tools (npm's cache answers when it
  // can, the registry otherwise) while the pack builds, then the tarball for x86lab.
  const tools = [`vitest@${version('vitest')}`, `typescript@${version('typescript')}`, `@types/node@${version('@types/node')}`];
  const [pack, inst] = await Promise.all([packing, sh(`${INSTALL} ${tools.join(' ')}`, proj)]);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  if (inst.status !== 0) throw new Error(`npm install failed:\n${inst.stderr}`);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack wrote no tarball');
  const x = await sh(`${INSTALL} ${JSON.stringify(join(work, tgz))}`, proj);
  installLog = x.stderr;
  if (x.status !== 0) throw new Error(`npm install of the tarball failed:\n${x.stderr}`);
  typecheck = sh('npx tsc -p .', proj); // the slowest step, run while the others do
}, 150_000);

afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

describe('the packed package, used as docs/api.md shows', () => {
  it('installs without warnings about x86lab (no install scripts) and ships dist, types, docs', () => {
    expect(installLog).not.toMatch(/x86lab/);
    const pkg = join(proj, 'node_modules', 'x86lab');
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/vitest.js', 'dist/vitest.d.ts', 'docs/api.md', 'docs/harness.md', 'include/x86lab/harness.h', 'examples/int3-call.S']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    expect(manifest.scripts?.prepare).toBeUndefined();
    expect(manifest.scripts?.install ?? manifest.scripts?.postinstall).toBeUndefined();
  });

  // The api.md commands in order, each output compared with the ```text block after it (if any).
  const all = blocks(api);
  const steps: { cmd: string; want?: string[] }[] = [];
  all.forEach((b, k) => {
    if (b.lang !== 'sh') return;
    const cmds = b.lines.filter((l) => l.trim() && !l.startsWith('npm install'));
    const next = all[k + 1];
    cmds.forEach((cmd, j) => steps.push({ cmd, ...(j === cmds.length - 1 && next?.lang === 'text' ? { want: next.lines } : {}) }));
  });

  // The type check runs in the background from the end of the set-up: look at it last.
  const isTsc = (c: string): number => (c === 'npx tsc -p .' ? 1 : 0);
  steps.sort((a, b) => isTsc(a.cmd) - isTsc(b.cmd));

  it('docs/api.md shows commands and outputs to check', () => {
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.filter((s) => s.want).length).toBeGreaterThanOrEqual(4);
  });

  for (const s of steps) {
    it(`$ ${s.cmd}`, async () => {
      const r = s.cmd === 'npx tsc -p .' && typecheck ? await typecheck : await sh(s.cmd, proj);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      if (s.want) expect(r.stdout.trimEnd().split('\n')).toEqual(s.want);
    });
  }

  it('the golden is the trace `x86lab run --trace` prints', async () => {
    const golden = readFileSync(join(proj, '__golden__', 'int3.trace'), 'utf8');
    const r = await sh('npx x86lab run --trace int3.S', proj);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith(golden)).toBe(true);
  });

  it('a changed golden fails with a readable diff; vitest -u from another directory rewrites it next to the test', async () => {
    const g = join(proj, '__golden__', 'int3.trace');
    const good = readFileSync(g, 'utf8');
    writeFileSync(g, good.replace('incq', 'decq'));
    const bad = await sh('npx vitest run', proj);
    expect(bad.status).not.toBe(0);
    const out = bad.stdout + bad.stderr;
    expect(out).toMatch(/differs from __golden__\/int3\.trace \(vitest -u rewrites it\), line \d+:/);
    expect(out).toMatch(/^\s*- .*decq/m);
    expect(out).toMatch(/^\s*\+ .*incq/m);
    mkdirSync(join(proj, 'elsewhere'), { recursive: true });
    const fix = await sh('npx vitest run -u --root ..', join(proj, 'elsewhere'));
    expect(fix.status, fix.stdout + fix.stderr).toBe(0);
    expect(readFileSync(g, 'utf8')).toBe(good);
    expect(existsSync(join(proj, 'elsewhere', '__golden__'))).toBe(false);
  });

  it('a missing golden is written on a local run and fails under CI', async () => {
    const g = join(proj, '__golden__', 'int3.trace');
    const good = readFileSync(g, 'utf8');
    rmSync(g);
    const ci = await sh('npx vitest run', proj, { CI: 'true' });
    expect(ci.status).not.toBe(0);
    expect(ci.stdout + ci.stderr).toMatch(/golden file .*int3\.trace does not exist/);
    expect(existsSync(g)).toBe(false);
    expect((await sh('npx vitest run', proj)).status).toBe(0);
    expect(readFileSync(g, 'utf8')).toBe(good);
  });

  // README's and harness.md's x86lab commands that use only what the package ships (examples/),
  // run from the installed package's folder with the installed command.
  const shipped = ['README.md', 'docs/harness.md'].flatMap((doc) => blocks(readFileSync(join(root, doc), 'utf8'))
    .filter((b) => b.lang === 'sh').flatMap((b) => b.lines)
    .filter((l) => l.includes('npx x86lab') && !/^npm /.test(l) && !/\b(test|src)\//.test(l) && !/\/usr\//.test(l)));

  it('the docs name commands that work from the installed package', () => {
    expect(shipped.length).toBeGreaterThan(8);
  });

  for (const cmd of shipped) it(`from node_modules/x86lab: ${cmd}`, async () => {
    const x = JSON.stringify(join(proj, 'node_modules', '.bin', 'x86lab'));
    const r = await sh(cmd.replace(/\s+#\s.*$/, '').replaceAll('npx x86lab', x), join(proj, 'node_modules', 'x86lab'));
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
  });

  it('the command line works from the installed package', async () => {
    const r = await sh('npx x86lab run --trace node_modules/x86lab/examples/int3-call.S', proj);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith(readFileSync(join(root, 'examples', 'int3-call.trace'), 'utf8'))).toBe(true);
  });
});
