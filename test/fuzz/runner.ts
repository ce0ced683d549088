// Runs one fuzz case and says what went wrong, in the terms of issue 10: an exception escaping a
// command or a stack trace / "internal error" in its messages, an exit status other than 0, 1 or 2,
// an input modified or deleted (or a link replaced), and — when run as a child process — a hang
// past the time limit, a native abort, or a peak RSS over the memory limit.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase } from './cases.js';

export interface Finding {
  readonly kind: 'exception' | 'message' | 'status' | 'modified' | 'hang' | 'abort' | 'memory';
  readonly detail: string;
}

export interface Outcome {
  readonly status: number | null;
  readonly stderr: string;
  readonly stdoutBytes: number;
  readonly ms: number;
  readonly rssKb?: number;
  readonly findings: Finding[];
}

const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'x86lab.js');

/** Text that must never reach a user: stack frames, JavaScript's own error names, our fallbacks. */
const BAD_TEXT: readonly [RegExp, string][] = [
  [/^\s+at .+:\d+:\d+\)?$/m, 'stack trace'],
  [/internal error/i, 'internal error'],
  [/Unhandled|uncaught/i, 'unhandled error'],
  [/FATAL ERROR|Aborted \(core|std::bad_alloc|heap out of memory/, 'native abort'],
  [/\b(RangeError|TypeError|ReferenceError|SyntaxError: Unexpected)\b/, 'JavaScript error name'],
  [/Maximum call stack|Invalid typed array length|Invalid array length|Cannot read properties|is not a function|DataView/, 'JavaScript error text'],
  // main.ts's last line of defence: clean, but an exception no command handled.
  [/^x86lab \w+: error: /m, 'exception caught only by main'],
];

export function textFindings(stderr: string): Finding[] {
  const out: Finding[] = [];
  for (const [re, what] of BAD_TEXT) {
    const m = re.exec(stderr);
    if (m) out.push({ kind: 'message', detail: `${what}: ${stderr.slice(Math.max(0, m.index - 80), m.index + 160).trim()}` });
  }
  return out;
}

interface Prepared {
  readonly argv: string[];
  readonly before: Map<string, string>;
}

/** What a directory entry is, as a comparable string: a link's target, a file's hash. */
function fingerprint(p: string): string {
  const st = lstatSync(p);
  if (st.isSymbolicLink()) return `link:${readlinkSync(p)}`;
  if (st.isDirectory()) return 'dir';
  return `file:${createHash('sha1').update(readFileSync(p)).digest('hex')}`;
}

function snapshotDir(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of readdirSync(dir)) m.set(n, fingerprint(join(dir, n)));
  return m;
}

/** Creates the case's files in a fresh directory and resolves `@name` arguments to paths there. */
export function prepare(c: FuzzCase, dir: string): Prepared {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of c.files) {
    const p = join(dir, f.name);
    if (f.link !== undefined) symlinkSync(f.link, p);
    else writeFileSync(p, f.data ?? '');
  }
  const argv = c.argv.map((a) => (a.startsWith('@') ? join(dir, a.slice(1)) : a));
  return { argv, before: snapshotDir(dir) };
}

/** Every input the case created is still there, unchanged; links are still links. */
export function fileFindings(c: FuzzCase, dir: string, before: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const [name, fp] of before) {
    const p = join(dir, name);
    if (c.outputs.includes(name)) continue;
    if (!existsSync(p) && !lstatExists(p)) { out.push({ kind: 'modified', detail: `${name} was deleted` }); continue; }
    const now = fingerprint(p);
    if (now !== fp) out.push({ kind: 'modified', detail: `${name} changed (${fp.slice(0, 12)} -> ${now.slice(0, 12)})` });
  }
  for (const n of readdirSync(dir)) {
    if (n.endsWith('.tmp')) out.push({ kind: 'modified', detail: `temporary file left behind: ${n}` });
  }
  return out;
}

function lstatExists(p: string): boolean {
  try { lstatSync(p); return true; } catch { return false; }
}

function statusFindings(status: number | null): Finding[] {
  return status === 0 || status === 1 || status === 2 ? [] : [{ kind: 'status', detail: `exit status ${status}` }];
}

const commands = {
  as: () => import('../../src/cli/as.js'),
  dis: () => import('../../src/cli/dis.js'),
  exec: () => import('../../src/cli/exec.js'),
  run: () => import('../../src/cli/run.js'),
};

/**
 * In process (fast, no hang protection): the command's `run` with stdout and stderr captured.
 * An exception escaping `run` is a finding, with its stack.
 */
export async function runInProcess(c: FuzzCase, dir: string): Promise<Outcome> {
  const { argv, before } = prepare(c, dir);
  const mod = await commands[c.cmd]();
  let stderr = '';
  let stdoutBytes = 0;
  const ow = process.stdout.write, ew = process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => { stdoutBytes += s.length; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => { if (stderr.length < 1 << 20) stderr += String(s); return true; }) as typeof process.stderr.write;
  const t0 = Date.now();
  const findings: Finding[] = [];
  let status: number | null = null;
  try {
    status = await mod.run(argv);
  } catch (e) {
    findings.push({ kind: 'exception', detail: e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e) });
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
  findings.push(...(status === null ? [] : statusFindings(status)), ...textFindings(stderr), ...fileFindings(c, dir, before));
  return { status, stderr, stdoutBytes, ms: Date.now() - t0, findings };
}

export interface ChildLimits {
  /** Wall-clock limit (issue 10: 20 s). */
  readonly timeoutMs?: number;
  /** Peak RSS limit in KiB (issue 10: 1 GB), measured with /usr/bin/time where it exists. */
  readonly rssKb?: number;
}

const TIME = ['/usr/bin/time'].find((p) => existsSync(p));
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));

/** As a child process of the built CLI (bin/x86lab.js): adds hangs, native aborts and memory. */
export function runChild(c: FuzzCase, dir: string, limits: ChildLimits = {}): Outcome {
  const { argv, before } = prepare(c, dir);
  const timeout = limits.timeoutMs ?? 20_000;
  // coreutils timeout kills the command itself (spawnSync's timeout would kill only the wrapper).
  const node = [...(TIMEOUT ? [TIMEOUT, '-s', 'KILL', String(timeout / 1000)] : []), process.execPath, BIN, c.cmd, ...argv];
  const cmd = TIME ? [TIME, '-f', 'X86LAB_FUZZ_RSS %M', ...node] : node;
  const t0 = Date.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, timeout: timeout + 10_000, killSignal: 'SIGKILL', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Date.now() - t0;
  let stderr = r.stderr?.toString() ?? '';
  let rssKb: number | undefined;
  const m = /X86LAB_FUZZ_RSS (\d+)\s*$/.exec(stderr);
  if (m) {
    rssKb = Number(m[1]);
    stderr = stderr.slice(0, m.index).replace(/Command (exited with non-zero status \d+|terminated by signal \d+)\n$/, '');
  }
  const findings: Finding[] = [];
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || ms >= timeout - 100;
  if (timedOut) findings.push({ kind: 'hang', detail: `no exit after ${timeout} ms` });
  else if (r.signal) findings.push({ kind: 'abort', detail: `killed by ${r.signal}` });
  else if (r.status !== null && r.status >= 128) findings.push({ kind: 'abort', detail: `exit status ${r.status} (signal)` });
  else findings.push(...statusFindings(r.status));
  if (rssKb !== undefined && rssKb > (limits.rssKb ?? 1 << 20)) findings.push({ kind: 'memory', detail: `peak RSS ${Math.round(rssKb / 1024)} MiB` });
  findings.push(...textFindings(stderr), ...fileFindings(c, dir, before));
  return { status: r.status, stderr, stdoutBytes: r.stdout?.length ?? 0, ms, ...(rssKb !== undefined ? { rssKb } : {}), findings };
}
