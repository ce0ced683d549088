// Entry point of the `x86lab` command: dispatches to one module per subcommand.
// Each subcommand module exports `run(argv): Promise<number>` (the exit status) and `usage`.

import { IoError, OutputClosed, reason, REPORTED } from './io.js';
import { whenStdoutOpens } from './lazy-stdout.js';

export interface Subcommand {
  readonly summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number> }>;
}

const commands: Record<string, Subcommand> = {
  as: { summary: 'assemble an AT&T .s/.S file (GNU as compatible)', load: () => import('./as.js') },
  dis: { summary: 'disassemble raw bytes or an ELF file like objdump -d', load: () => import('./dis.js') },
  exec: { summary: 'run a CPU snapshot (JSON) and write the resulting snapshot', load: () => import('./exec.js') },
  run: { summary: 'assemble and run a handler listing in ring 0, with events and traces', load: () => import('./run.js') },
  explore: { summary: 'inject an event at every instruction boundary of a run and check the outcome', load: () => import('./explore.js') },
};

export const VERSION = '0.1.0';

function help(): string {
  const lines = [
    'usage: x86lab <command> [options] [args]',
    '',
    'commands:',
    ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(7)} ${c.summary}`),
    '',
    "Run 'x86lab <command> --help' for a command's options.",
  ];
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(help());
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-V') {
    process.stdout.write(`x86lab ${VERSION}\n`);
    return 0;
  }
  const sub = commands[cmd];
  if (!sub) {
    process.stderr.write(`x86lab: unknown command '${cmd}'\n${help()}`);
    return 2;
  }
  watchStdout(cmd);
  try {
    return await (await sub.load()).run(rest);
  } catch (e) {
    return unexpected(cmd, e);
  }
}

/**
 * Standard output's errors: a reader that went away (`| head`) ends the command quietly at once;
 * any other write error (`>/dev/full`) is a one-line message and exit status 1.
 */
function watchStdout(cmd: string): void {
  // Once the stream exists: creating it is start-up time a command writing only files would waste.
  whenStdoutOpens((stdout) => {
    if (stdout.listenerCount('error') > 0) return;
    stdout.on('error', (e: NodeJS.ErrnoException & { [REPORTED]?: boolean }) => {
      if (e.code === 'EPIPE') process.exit(0);
      if (e[REPORTED]) process.exit(1);
      process.stderr.write(`x86lab ${cmd}: can't write standard output: ${reason(e)}\n`);
      process.exit(1);
    });
  });
}

/**
 * The last line of defence: whatever escaped a command becomes its one-line message and exit 1,
 * never a stack trace (X86LAB_DEBUG=1 prints the stack for a bug report).
 */
function unexpected(cmd: string, e: unknown): number {
  if (e instanceof OutputClosed) return 0;
  if (process.env.X86LAB_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  let msg: string;
  if (e instanceof IoError) msg = e.message;
  else if (e instanceof RangeError && /call stack/i.test(e.message)) msg = 'input nested too deeply';
  else if (e instanceof RangeError || (e instanceof Error && /allocation|memory|too long|string longer/i.test(e.message))) msg = `input too large: ${e.message}`;
  else msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`x86lab ${cmd}: error: ${msg}\n`);
  return 1;
}
