// Entry point of the `x86lab` command: dispatches to one module per subcommand.
// Each subcommand module exports `run(argv): Promise<number>` (the exit status) and `usage`.

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
  return (await sub.load()).run(rest);
}
