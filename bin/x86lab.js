#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli/ into dist/ by `npm run build`.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    // A host bug: report it as an internal error with context, not a bare stack trace.
    process.stderr.write(`x86lab: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.X86LAB_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 70;
  },
);
