// Runs once around the whole test run (vitest.config.ts globalSetup): every temporary file the tests
// and the tools they start make (os.tmpdir(), gcc's and as's TMPDIR) goes into one folder of this
// run, removed at the end, so that no run leaves anything behind in the system's temporary folder
// (the red-team vectors alone wrote 500 MB per run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'x86lab-test-run-'));
  // The forked test workers are started after this and inherit the variable.
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
