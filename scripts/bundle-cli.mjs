// Bundles the compiled CLI (dist/cli/main.js and everything it imports, moo and nearley included)
// into one CommonJS file, dist/cli/bundle.cjs, which bin/x86lab.js loads through V8's code cache,
// and the `as` and `dis` commands alone into dist/cli/bundle-as.cjs and bundle-dis.cjs (below).
// Runs in `npm run build` after tsc. Why: node spends most of a short command's time resolving,
// reading and compiling ~120 ES modules; one script with cached bytecode skips all of that.
// Subcommands stay lazy: esbuild wraps each dynamically imported module in an init function, so
// `x86lab as` never evaluates the CPU's modules. Data the CLI would otherwise derive at every
// start (ISA rows, decode tables, generated interpreter handlers) is derived here once, from the
// same dist/ modules, by the plugins below.
//
// The bundles live one folder below dist/ like the modules they replace, so `import.meta.url`
// (rewritten to the bundle's own URL) still finds ../../include and ../harness/explore-worker.js.

import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTablesPlugin } from './bundle-decode-tables.mjs';
import { handlersPlugin } from './bundle-handlers.mjs';
import { isaTablePlugin } from './bundle-isa-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What bin/x86lab.js expects around the bundle (it checks both ends before compiling it).
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
export const WRAPPER_TAIL = '})';

const plugins = [await isaTablePlugin(root), await decodeTablesPlugin(root), await handlersPlugin(root)];

/**
 * `x86lab as` and `x86lab dis` get bundles of their own: main.js with the other commands left out
 * (dist/cli/bundle-as.cjs, and dist/cli/bundle-dis.cjs, which also serves --help, --version and
 * unknown commands; bin/x86lab.js picks one by the command), so that a short command reads
 * and deserializes no code it cannot run: `as` no decoder listing, CPU, harness or linker, `dis`
 * no assembler front end, CPU or harness. bundle.cjs holds them all (run, exec, explore).
 */
const COMMAND = /^\.\/(as|dis|exec|run|explore)\.js$/;
const only = (keep) => ({
  name: `x86lab-only-${keep}`,
  setup(b) {
    b.onResolve({ filter: COMMAND }, (args) =>
      args.importer === join(root, 'dist', 'cli', 'main.js') && args.path !== `./${keep}.js` ? { path: args.path, namespace: 'x86lab-not-here' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'x86lab-not-here' }, (args) => ({
      contents: `export const usage = ''; export async function run() { throw new Error('dist/cli/bundle-${keep}.cjs holds the ${keep} command only, not ${args.path}'); }`,
      loader: 'js',
    }));
  },
});

/**
 * In `as`'s bundle, main.js imports as.js statically: esbuild then lays the assembler's ~250 modules
 * out as plain top-level code instead of one lazily called init function each, which `as` would
 * call at once anyway (--help, --version and other commands go to bundle-dis.cjs, bin/x86lab.js).
 */
const eager = (keep) => ({
  name: `x86lab-eager-${keep}`,
  setup(b) {
    const mainJs = join(root, 'dist', 'cli', 'main.js');
    b.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]main\.js$/ }, (args) => {
      if (args.path !== mainJs) return undefined;
      const text = readFileSync(mainJs, 'utf8');
      const lazy = `load: () => import('./${keep}.js')`;
      if (!text.includes(lazy)) throw new Error(`scripts/bundle-cli.mjs: dist/cli/main.js has no \`${lazy}\``);
      return { contents: `import * as __x86lab_eager from './${keep}.js';\n${text.replace(lazy, 'load: () => Promise.resolve(__x86lab_eager)')}`, loader: 'js', resolveDir: dirname(mainJs) };
    });
  },
});

const bundles = { 'bundle.cjs': [], 'bundle-as.cjs': [only('as'), eager('as')], 'bundle-dis.cjs': [only('dis')] };
const built = await Promise.all(Object.entries(bundles).map(([name, extra]) => build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(root, 'dist', 'cli', name),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import.meta.url only when asked for (pathToFileURL costs ~0.4 ms), import.meta.dirname free.
  define: { 'import.meta.url': '__x86lab_meta.url', 'import.meta.dirname': '__dirname' },
  // The bundle is the body of a CommonJS module wrapper written out, as bin/x86lab.js compiles it:
  // the launcher hands V8 the file's text as it was read (node keeps a string this long outside
  // V8's heap), where adding the wrapper at run time made V8 copy all of it into the young
  // generation, which then needed two extra scavenges.
  banner: { js: `${WRAPPER_HEAD}var __x86lab_meta={get url(){return require("node:url").pathToFileURL(__filename).href}};` },
  footer: { js: WRAPPER_TAIL },
  logLevel: 'warning',
  // No comments or indentation: ~30% less to read at every start. Names stay (stack traces).
  minifyWhitespace: true,
  legalComments: 'none',
  // The ISA table's rows and the decoder's tables as data instead of the code that builds them, the
  // interpreter's generated handlers as source (scripts/bundle-{isa-table,decode-tables,handlers}.mjs).
  plugins: [...extra, ...plugins],
  // The modules each bundle holds, for test/cli/code-cache.test.ts (bundles.json below).
  metafile: true,
})));

// Which dist/ and node_modules/ modules went into each bundle (their names are not in the bundle).
writeFileSync(join(root, 'dist', 'cli', 'bundles.json'), `${JSON.stringify(Object.fromEntries(Object.keys(bundles).map((name, i) =>
  [name, Object.keys(built[i].metafile.inputs).filter((m) => /^(dist|node_modules)\//.test(m)).sort()])), null, 1)}\n`);

for (const name of Object.keys(bundles)) check(join(root, 'dist', 'cli', name));

/** Throws unless the bundle at `file` is what bin/x86lab.js can load. */
function check(file) {
  // bin/x86lab.js reads the bundle as latin1, a one-byte string without UTF-8 decoding, which is
  // only the same text while the bundle is ASCII (esbuild escapes what is not, comments are gone).
  const out = readFileSync(file);
  const bad = out.findIndex((b) => b > 0x7f);
  if (bad >= 0) throw new Error(`${file}: a non-ASCII byte at offset ${bad}; bin/x86lab.js reads the bundle as ASCII`);
  // The bundle gets node's built-in modules from the launcher's own require: nothing else may be left.
  const requires = [...out.toString('latin1').matchAll(/\brequire\("([^"]*)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'));
  if (requires.length) throw new Error(`${file}: requires ${requires.join(', ')}; bin/x86lab.js hands it node's built-in modules only`);
  const text = out.toString('latin1');
  if (!text.startsWith(WRAPPER_HEAD) || !text.trimEnd().endsWith(WRAPPER_TAIL)) throw new Error(`${file}: not wrapped as bin/x86lab.js expects`);
}
