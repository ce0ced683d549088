// esbuild plugin for scripts/bundle-cli.mjs: in the CLI bundle, dist/decode/prebuilt.js returns
// the decode tables of FORMS as data, computed here by buildDecodeTables (dist/decode/tables.js,
// compiled by tsc just before) from the ISA table, never written by hand. Building them costs a
// one-shot `x86lab dis` or `x86lab run` ~5 ms at every start; decoding ~30 KB of base64 does not.
// Typed arrays travel as base64, the rest as JSON; anything else stops the build.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPED = ['Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array'];

/** The plugin; `root` is the repository (dist/ already compiled). */
export async function decodeTablesPlugin(root) {
  const prebuiltJs = join(root, 'dist', 'decode', 'prebuilt.js');
  const { FORMS } = await import(pathToFileURL(join(root, 'dist', 'isa', 'index.js')).href);
  const { buildDecodeTables } = await import(pathToFileURL(join(root, 'dist', 'decode', 'tables.js')).href);
  const tables = buildDecodeTables(FORMS);
  const fields = Object.entries(tables).map(([k, v]) => {
    if (v === FORMS) return `${k}:forms`;
    const type = v?.constructor?.name;
    if (TYPED.includes(type)) return `${k}:t(${type},${JSON.stringify(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'))})`;
    if (typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) return `${k}:${JSON.stringify(v)}`;
    throw new Error(`scripts/bundle-decode-tables.mjs: decode table field '${k}' (${type ?? typeof v}) has no data form here`);
  });
  const contents = `// The decode tables of FORMS, computed at build time (scripts/bundle-decode-tables.mjs).
import { allForms } from '../isa/rows.js';
const t = (C, b64) => { const b = Buffer.from(b64, 'base64'); return new C(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); };
let tables;
export function prebuiltTables(forms) {
  if (forms !== allForms()) return undefined;
  return tables ??= {${fields.join(',')}};
}
`;
  return {
    name: 'x86lab-decode-tables',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/]decode[\\/]prebuilt\.js$/ }, (args) => (args.path === prebuiltJs ? { contents, loader: 'js', resolveDir: join(root, 'dist', 'decode') } : undefined));
    },
  };
}
