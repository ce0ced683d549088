// Placeholder until this subcommand lands; replaced by its owner.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('x86lab exec: not available in this build\n');
  return 2;
}
