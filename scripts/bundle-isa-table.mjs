// esbuild plugin for scripts/bundle-cli.mjs: in the CLI bundle, dist/isa/table.js (which runs the
// row builders of src/isa/forms/*.ts) is replaced by the rows those builders produced, as one JSON
// text that the bundle parses at start. Why: building the ~1,000 rows with spreads and helper calls
// is cold code and cost a third of `x86lab as`'s start-up above node's own; JSON.parse of the same
// rows is several times faster, and the forms modules drop out of the bundle and its code cache.
//
// The data is generated at every build from the one description (the forms modules, compiled by
// tsc into dist/ just before), never written by hand; the library (dist/index.js) and the tests
// still run the builders. The check below refuses anything JSON would not carry over unchanged.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Throws unless `v` reads the same after a JSON round trip: plain objects and arrays of strings,
 * booleans and finite numbers. A property holding `undefined` is allowed (JSON drops it, and a
 * missing property reads as undefined too).
 */
function checkJsonSafe(v, path) {
  if (typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new Error(`${path}: ${v} does not survive JSON`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      if (x === undefined) throw new Error(`${path}[${i}]: undefined in an array does not survive JSON`);
      checkJsonSafe(x, `${path}[${i}]`);
    });
    return;
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) if (x !== undefined) checkJsonSafe(x, `${path}.${k}`);
    return;
  }
  throw new Error(`${path}: ${typeof v} ${String(v)} does not survive JSON`);
}

/** `v` with every object's keys in one order (first appearance in the table): rows and operands
 * with the same keys then share V8's hidden classes, which makes JSON.parse ~25% faster. */
function canonical(v, order) {
  if (Array.isArray(v)) return v.map((x) => canonical(x, order));
  if (!v || typeof v !== 'object') return v;
  const o = {};
  for (const k of order) if (v[k] !== undefined) o[k] = canonical(v[k], order);
  return o;
}

function keyOrder(v, order) {
  if (Array.isArray(v)) for (const x of v) keyOrder(x, order);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      if (!order.includes(k)) order.push(k);
      keyOrder(x, order);
    }
  }
  return order;
}

/** Fields whose equal values the rows share (objects and arrays, never written to). */
const SHARED = ['opcode', 'operands', 'modes', 'flags', 'modrm', 'aliases', 'encSizes', 'vex'];

/** A JS string literal of `v`'s JSON, ASCII only (bin/x86lab.js reads the bundle as latin1). */
const literal = (v) => JSON.stringify(JSON.stringify(v)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The plugin; `root` is the repository (dist/ already compiled). */
export async function isaTablePlugin(root) {
  const tableJs = join(root, 'dist', 'isa', 'table.js');
  // The rows with their `index` (dist/isa/index.js adds it, and keeps a row that has it already).
  const { FORMS } = await import(pathToFileURL(join(root, 'dist', 'isa', 'index.js')).href);
  checkJsonSafe(FORMS, 'FORMS');
  const order = keyOrder(FORMS, []);
  const rows = canonical(FORMS, order);
  // Equal sub-records (opcode bytes, operand lists, flag effects...) are stored once and shared, as
  // the builders share many of theirs: a third of the objects, so less to parse and to copy out of
  // the young generation (all of it survives). The rows hold pool indices, swapped back below.
  const pool = [], seen = new Map(), always = [], sometimes = [];
  const intern = (v) => {
    const k = JSON.stringify(v);
    let i = seen.get(k);
    if (i === undefined) seen.set(k, (i = pool.push(v) - 1));
    return i;
  };
  for (const k of SHARED) (rows.every((r) => r[k] !== undefined) ? always : sometimes).push(k);
  for (const r of rows) for (const k of SHARED) if (r[k] !== undefined) r[k] = intern(r[k]);
  const fix = [...always.map((k) => `r.${k}=P[r.${k}];`), ...sometimes.map((k) => `if(r.${k}!==undefined)r.${k}=P[r.${k}];`)].join('');
  const contents = '// Rows of the ISA table as src/isa/forms/*.ts build them (scripts/bundle-isa-table.mjs).\n' +
    `const P=JSON.parse(${literal(pool)});\n` +
    `export const TABLE=JSON.parse(${literal(rows)});\n` +
    `for(const r of TABLE){${fix}}\n`;
  // The data must read back as the very rows the builders made.
  const back = new Function(contents.replace('export const TABLE', 'const TABLE') + 'return TABLE;')();
  if (JSON.stringify(back) !== JSON.stringify(canonical(FORMS, order))) throw new Error('scripts/bundle-isa-table.mjs: the generated rows differ from dist/isa/index.js FORMS');
  return {
    name: 'x86lab-isa-table',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/]isa[\\/]table\.js$/ }, (args) => (args.path === tableJs ? { contents, loader: 'js' } : undefined));
    },
  };
}
