// esbuild plugin for scripts/bundle-cli.mjs: in the CLI bundle, dist/isa/rows.js (the rows the
// row builders of src/isa/forms/*.ts produce, and their lookups by spelling and by form id) is
// replaced by those rows as data: one JSON text per row, parsed the first time something asks for
// that row. Why: building the ~1,500 rows with spreads and helper calls is cold code and cost a
// third of `x86lab as`'s start-up above node's own; parsing all of them as JSON still cost ~3 ms,
// and the maps by spelling and id ~3 ms more, while a one-line file names one or two mnemonics.
// Only the disassembler and the executor ask for the whole list (allForms).
//
// The data is generated at every build from the one description (the forms modules and
// src/isa/rows.ts, compiled by tsc into dist/ just before), never written by hand; the library
// (dist/index.js) and the tests still run the builders. The checks below refuse anything JSON
// would not carry over unchanged, and a generated module that answers any lookup differently.

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

/** A JS string literal of `text`, ASCII only (bin/x86lab.js reads the bundle as latin1). */
const literal = (text) => JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `texts` joined by newlines (which JSON text never holds raw) and the offset of each, plus the end. */
function lines(texts) {
  const at = [];
  let n = 0;
  for (const t of texts) {
    if (t.includes('\n')) throw new Error('scripts/bundle-isa-table.mjs: a newline in JSON text');
    at.push(n);
    n += t.length + 1;
  }
  at.push(n);
  return { text: texts.join('\n'), at };
}

/** The module that replaces dist/isa/rows.js in the bundle, for the rows of `rows.js` (compiled). */
function generate(ts) {
  const FORMS = ts.allForms();
  checkJsonSafe(FORMS, 'FORMS');
  const order = keyOrder(FORMS, ['id']);
  const rows = canonical(FORMS, order);
  // Equal sub-records (opcode bytes, operand lists, flag effects...) are stored once and shared, as
  // the builders share many of theirs: a third of the objects, so less to parse and to keep. The
  // rows hold pool indices, swapped back when a row is parsed.
  const pool = [], seen = new Map(), always = [], sometimes = [];
  const intern = (v) => {
    const k = JSON.stringify(v);
    let i = seen.get(k);
    if (i === undefined) seen.set(k, (i = pool.push(v) - 1));
    return i;
  };
  for (const k of SHARED) (rows.every((r) => r[k] !== undefined) ? always : sometimes).push(k);
  for (const r of rows) for (const k of SHARED) if (r[k] !== undefined) r[k] = intern(r[k]);
  const fix = [...always.map((k) => `r.${k}=P(r.${k});`), ...sometimes.map((k) => `if(r.${k}!==undefined)r.${k}=P(r.${k});`)].join('');
  const R = lines(rows.map((r) => JSON.stringify(r)));
  const Q = lines(pool.map((v) => JSON.stringify(v)));
  // A row is found by its id as the text `{"id":...,` that starts it (id is every row's first key),
  // so no map of all ids is parsed: the checks below make sure no other text reads so.
  if (order[0] !== 'id') throw new Error("scripts/bundle-isa-table.mjs: 'id' is not the rows' first key");
  for (let p = R.text.indexOf('{"id":'); p >= 0; p = R.text.indexOf('{"id":', p + 1)) {
    if (!R.at.includes(p)) throw new Error(`scripts/bundle-isa-table.mjs: '{"id":' inside a row at ${p}`);
  }
  // Rows by spelling as rows.ts answers them, one line `spelling:i,j,...` each, found by a search.
  const spelled = new Map();
  for (const f of FORMS) {
    for (const k of [f.mnem, ...(f.aliases ?? [])]) {
      if (/[\n:]/.test(k)) throw new Error(`scripts/bundle-isa-table.mjs: spelling '${k}' holds a newline or colon`);
      const l = ts.formsSpelled(k);
      if (l) spelled.set(k, l.map((g) => g.index).join(','));
    }
  }
  const S = '\n' + [...spelled].map(([k, v]) => `${k}:${v}`).join('\n') + '\n';
  return `// The ISA table's rows as JSON, one a line, each parsed when first asked for (scripts/bundle-isa-table.mjs).
const N=${FORMS.length};
const ROWS=${literal(R.text)};
const AT=${JSON.stringify(R.at)};
const POOL=${literal(Q.text)};
const POOL_AT=${JSON.stringify(Q.at)};
const SPELLED=${literal(S)};
const rows=new Array(N),pool=new Array(POOL_AT.length-1),bySpelling=new Map(),byId=new Map();
let forms;
function P(k){return pool[k]??=JSON.parse(POOL.slice(POOL_AT[k],POOL_AT[k+1]-1));}
function made(i,r){${fix}rows[i]=r;byId.set(r.id,r);return r;}
function row(i){return rows[i]??made(i,JSON.parse(ROWS.slice(AT[i],AT[i+1]-1)));}
// The whole list (the decoder, the executor) in one parse of each text: ~40% faster than row by row.
const whole=(text)=>JSON.parse('['+text.replaceAll('\\n',',')+']');
function allForms(){
if(!forms){const q=whole(POOL);q.forEach((v,k)=>{pool[k]??=v;});forms=whole(ROWS).map((r,i)=>rows[i]??made(i,r));}
return forms;}
function formsSpelled(s){
let l=bySpelling.get(s);
if(l===undefined){const p=SPELLED.indexOf('\\n'+s+':');l=p<0||/[\\n:]/.test(s)?null:SPELLED.slice(p+s.length+2,SPELLED.indexOf('\\n',p+1)).split(',').map((i)=>row(+i));bySpelling.set(s,l);}
return l??undefined;}
function formWithId(id){
let r=byId.get(id);
if(r===undefined){const p=ROWS.indexOf('{"id":'+JSON.stringify(id)+',');if(p<0)return undefined;let a=0,b=N;while(b-a>1){const m=(a+b)>>1;if(AT[m]<=p)a=m;else b=m;}r=row(a);}
return r;}
function formCount(){return N;}
export{allForms,formCount,formsSpelled,formWithId};
`;
}

/** Throws unless `gen` (the generated module's functions) answers every lookup as `ts` does. */
function check(ts, gen) {
  const fail = (what) => { throw new Error(`scripts/bundle-isa-table.mjs: the generated rows differ from dist/isa/rows.js: ${what}`); };
  const FORMS = ts.allForms();
  const order = keyOrder(FORMS, []);
  // Lookups first: they must make the same rows before and after the whole list is made.
  const spellings = new Set(['constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'movl', 'nosuch', 'mov:', 'mo', '\nmov', ':']);
  for (const f of FORMS) for (const k of [f.mnem, ...(f.aliases ?? [])]) spellings.add(k);
  if (ts.formCount() !== gen.formCount() || gen.formCount() !== FORMS.length) fail('formCount');
  const idx = (l) => (l ? l.map((f) => f.index).join(',') : 'none');
  for (const k of spellings) if (idx(ts.formsSpelled(k)) !== idx(gen.formsSpelled(k))) fail(`spelling '${k}'`);
  for (const id of [...FORMS.map((f) => f.id), 'constructor', '__proto__', 'nosuch', '', '"', FORMS[0].id.slice(0, -1)]) {
    if (ts.formWithId(id)?.index !== gen.formWithId(id)?.index) fail(`form id '${id}'`);
  }
  const all = gen.allForms();
  if (JSON.stringify(canonical(all, order)) !== JSON.stringify(canonical(FORMS, order))) fail('rows');
  all.forEach((f, i) => {
    if (gen.formWithId(f.id) !== f) fail(`row ${i} is two objects`);
  });
  for (const k of spellings) if ((gen.formsSpelled(k) ?? []).some((f) => all[f.index] !== f)) fail(`spelling '${k}' makes other objects`);
}

/** The plugin; `root` is the repository (dist/ already compiled). */
export async function isaTablePlugin(root) {
  const rowsJs = join(root, 'dist', 'isa', 'rows.js');
  const ts = await import(pathToFileURL(rowsJs).href);
  const contents = generate(ts);
  const instance = () => new Function(contents.replace(/^export\{(.*)\};$/m, 'return{$1};'))();
  check(ts, instance());
  // The whole list made first, then a few lookups: the same rows again.
  const first = instance(), all = first.allForms();
  check(ts, first);
  if (first.allForms() !== all) throw new Error('scripts/bundle-isa-table.mjs: allForms made twice');
  return {
    name: 'x86lab-isa-table',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/]isa[\\/]rows\.js$/ }, (args) => (args.path === rowsJs ? { contents, loader: 'js' } : undefined));
    },
  };
}
