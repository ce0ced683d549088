// Bundles the compiled CLI (dist/cli/main.js and everything it imports, moo and nearley included)
// into one CommonJS file, dist/cli/bundle.cjs, which bin/x86lab.js loads through V8's code cache.
// Runs in `npm run build` after tsc. Why: node spends most of a short command's time resolving,
// reading and compiling ~120 ES modules; one script with cached bytecode skips all of that.
// Subcommands stay lazy: esbuild wraps each dynamically imported module in an init function, so
// `x86lab as` never evaluates the CPU's modules.
//
// The bundle lives one folder below dist/ like the modules it replaces, so `import.meta.url`
// (rewritten to the bundle's own URL) still finds ../../include and ../harness/explore-worker.js.

import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(root, 'dist', 'cli', 'bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__x86lab_bundle_url' },
  banner: { js: 'var __x86lab_bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});
