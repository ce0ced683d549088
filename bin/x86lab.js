#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli/ into dist/ by `npm run build`, which also
// bundles it into one script, dist/cli/bundle.cjs, and `as` and `dis` alone into
// dist/cli/bundle-as.cjs and bundle-dis.cjs (scripts/bundle-cli.mjs). That script is run
// through V8's code cache so that a short command pays neither module resolution nor compilation:
// the first run writes the bytecode V8 produced to a per-user cache folder, later runs hand it back.
// The cache only saves time: V8 checks it (version, flags, source) and falls back to compiling, and
// any failure to read or write it is ignored. X86LAB_CODE_CACHE=0 turns it off;
// X86LAB_CODE_CACHE=/some/dir puts it there. Without the bundle, dist/cli/main.js is imported.
// CommonJS (bin/package.json): node starts a CommonJS main faster than an ES module one.
// Every step here counts at a one-line command's start: only modules node has loaded already
// (fs, path, vm), no createRequire (the bundle needs built-in modules only) and no os.tmpdir.
'use strict';
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// The subcommand: `as` and `dis` have bundles of their own without the other commands' code, and
// --help, --version and unknown commands need none of it either: they take dis's, the smaller one,
// whose commands load only when run (`as`'s loads the assembler at once; scripts/bundle-cli.mjs).
const cmd = /^[a-z]{1,16}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const bundleName = cmd === 'as' ? 'bundle-as.cjs' : /^(exec|run|explore)$/.test(cmd) ? 'bundle.cjs' : 'bundle-dis.cjs';
const bundle = join(__dirname, '..', 'dist', 'cli', bundleName);
const fastExit = bundleName !== 'bundle.cjs';
// What scripts/bundle-cli.mjs writes around the bundle: a CommonJS module's wrapper.
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** The cache folder (made on demand), or undefined when nothing is cached. */
function cacheDir() {
  const env = process.env.X86LAB_CODE_CACHE;
  if (env === '0') return undefined;
  // os.tmpdir()'s rule on POSIX, without loading node:os.
  const tmp = (process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp').replace(/(.)\/+$/, '$1');
  return env || join(tmp, `x86lab-code-cache-${uid ?? 'user'}`);
}

/** Ours to trust: cached bytecode is code, so never take it from anyone else or anything others can write. */
const ours = (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;

/**
 * The `size` bytes of the file open at `fd` (fewer if it shrank), read into `buf` where they fit.
 * The bundle's text is copied out of its buffer into a string, and the cache is then read into the
 * same memory: a one-line `as` touches ~900 KB (~220 pages to fault in) less.
 */
function readWhole(fd, size, buf) {
  if (!buf || buf.length < size) buf = Buffer.allocUnsafe(size);
  let n = 0;
  for (let got; n < size && (got = readSync(fd, buf, n, size - n, n)) > 0;) n += got;
  return buf.subarray(0, n);
}

/** The cached bytecode in `file` if it and its folder are ours, else undefined; read into `scratch` if it fits. */
function readCache(file, scratch) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || !ours(st) || !ours(statSync(dirname(file)))) return undefined;
    return readWhole(fd, st.size, scratch);
  } catch {
    return undefined; // the first run
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` to `file` in a folder only this user can write (made here if need be). */
function writeCache(file, data) {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory() || !ours(st)) return;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    prune(dir, file);
  } catch { /* a read-only or full disk: run uncached next time too */ }
}

/** Drops other builds' caches once a week old (every rebuild of dist/ leaves one behind). */
function prune(dir, keep) {
  const old = Date.now() - 7 * 24 * 3600 * 1000;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (p === keep || !/^cli-.*\.bin$/.test(f)) continue;
    try { if (statSync(p).mtimeMs < old) unlinkSync(p); } catch { /* raced with another run */ }
  }
}

/** A short name for `text` (FNV-1a, 32 bits, in hex). */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** Loads the bundle through the code cache; returns its exports, or undefined without a bundle. */
function loadBundle() {
  let src, st, scratch;
  try {
    const fd = openSync(bundle, 'r');
    try {
      st = fstatSync(fd);
      scratch = readWhole(fd, st.size);
      // ASCII (scripts/bundle-cli.mjs checks): latin1 makes a one-byte string without decoding.
      src = scratch.toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (!src.startsWith(HEAD)) return undefined; // not a bundle this launcher knows
  const dir = cacheDir();
  // The key names this exact file (a rebuild changes its mtime), this node and the subcommand: the
  // cache holds the functions the first run compiled (`--version` needs few of `as`'s, and a
  // smaller cache deserializes faster).
  // Node and V8 flags too (V8 rejects a cache made under other flags): runs that alternate between
  // flag sets would otherwise overwrite each other's cache at every start.
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.trim();
  const file = dir && join(dir, `cli-${cmd}-${st.size}-${Math.round(st.mtimeMs)}-${st.ino}-${process.version}-${process.arch}${flags ? `-${hash(flags)}` : ''}.bin`);
  // V8 reads the cache while it compiles, not afterwards: the bundle's buffer is free to hold it.
  const cached = file && readCache(file, scratch);
  // The text as read, not a copy: V8 compiles it in place (see scripts/bundle-cli.mjs).
  const script = new Script(src, { filename: bundle, cachedData: cached });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundle, dirname(bundle));
  const save = file && (!cached || script.cachedDataRejected)
    ? () => writeCache(file, script.createCachedData())
    : () => {};
  return { main: module.exports.main, save };
}

/**
 * Which of standard output and error something used: node makes those streams on first use, so a
 * getter put in front of node's tells.
 */
const streamsUsed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr']) {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (!own || !own.get || !own.configurable) { streamsUsed[name] = true; continue; }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      streamsUsed[name] = true;
      Object.defineProperty(process, name, own);
      return process[name];
    },
  });
}

/**
 * Whether every stream used has handed all its writes to the system and none failed: a write still
 * in flight (a full pipe, or one written asynchronously on some systems) counts in writableLength
 * until it is done, and a failed one is reported by the stream's 'error' handler, which only
 * node's own exit waits for.
 */
function streamsSettled() {
  for (const name of ['stdout', 'stderr']) {
    if (!streamsUsed[name]) continue;
    const s = process[name];
    if (!s || s.destroyed || s.errored || s.writableLength !== 0) return false;
  }
  return true;
}

const loaded = loadBundle();
const cli = loaded ? Promise.resolve(loaded) : import('../dist/cli/main.js').then((m) => ({ main: m.main, save: () => {} }));

cli.then(({ main, save }) => main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // After the command, so the functions it compiled are in the cache too.
    save();
    // `as` and `dis` are done when they return: files are written synchronously, nothing is left
    // to wait for but standard output and error. Once those are settled, exit here: node's own exit
    // would first run the event loop once more (where V8 likes to schedule a scavenge of the young
    // generation) and tear the heap down, ~1.5 ms of a one-line `as`. The other commands exit as
    // node does.
    if (fastExit && streamsSettled()) process.exit();
  },
  (err) => {
    // A host bug: report it as an internal error with context, not a bare stack trace.
    process.stderr.write(`x86lab: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.X86LAB_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 70;
  },
));
