// The README's commands are documentation users copy: run every one of them, so they cannot rot.
// `sh` blocks: every `npx x86lab` command must exit 0 (the first block, npm install/test, is skipped).
// Plain blocks that start with `$ `: the command's output must equal the lines shown after it.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'x86lab.js');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

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

const all = blocks(readme);
const commands = all
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.lines)
  .filter((l) => l.includes('npx x86lab') && !l.includes('npm install'));
const transcripts = all.filter((b) => b.lang === '' && b.lines[0]?.startsWith('$ '));

describe('README', () => {
  it('opens with the set-up command and the test command', () => {
    const first = all[0].lines.join('\n');
    expect(first).toMatch(/^npm install && npm run build && npx x86lab /m);
    expect(first).toMatch(/^npm test\b/m);
  });

  it('documents commands to run', () => {
    expect(commands.length).toBeGreaterThan(8);
    expect(transcripts.length).toBeGreaterThan(0);
  });

  it.each(commands)('%s', (cmd) => {
    const r = spawnSync('bash', ['-c', local(cmd)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
  });

  it.each(transcripts.map((t) => [t.lines[0], t] as const))('transcript %s', (_name, t) => {
    const r = spawnSync('bash', ['-c', `${local(t.lines[0].slice(2))} 2>&1`], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trimEnd().split('\n')).toEqual(t.lines.slice(1));
  });

  it('every command the README names has a --help', () => {
    for (const c of ['as', 'dis', 'exec', 'run']) {
      expect(execFileSync(process.execPath, [bin, c, '--help'], { encoding: 'utf8' })).toMatch(/^usage: x86lab /);
    }
  });
});
