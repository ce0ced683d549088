// Runs whole corpus files through the real assembler API (src/asm/assemble.ts) and returns, per line,
// the result in the golden format (hex with relocated bytes as `xx`, or `ERROR: message`).
import { assemble } from '../../src/asm/assemble.js';

export function assembleLines(lines: readonly string[], mode: 32 | 64): string[] {
  const res = assemble(lines.join('\n') + '\n', { mode, file: 'corpus.s' });
  const out: string[] = new Array(lines.length).fill('');
  for (const d of res.diagnostics) {
    if (d.severity !== 'error') continue;
    const i = d.loc.line - 1;
    if (i >= 0 && i < lines.length && !out[i]) out[i] = `ERROR: ${d.message}`;
  }
  const text = res.sections.find((s) => s.name === '.text');
  const masked = new Uint8Array(text ? text.size + 16 : 0);
  for (const r of res.relocations) if (r.section === '.text') for (let k = 0; k < r.size; k++) masked[r.offset + k] = 1;
  const relAt = new Map<number, string>();
  for (const r of res.relocations) if (r.section === '.text') relAt.set(r.offset, r.type);
  for (const l of res.listing) {
    const i = l.line - 1;
    if (l.section !== '.text' || i < 0 || i >= lines.length || out[i].startsWith('ERROR')) continue;
    let hex = out[i];
    const rel: string[] = [];
    for (let p = l.offset; p < l.offset + l.size; p++) {
      hex += masked[p] ? 'xx' : text!.bytes[p].toString(16).padStart(2, '0');
      const t = relAt.get(p);
      if (t) rel.push(`${t}@${p - l.offset}`);
    }
    out[i] = rel.length ? `${rel.join(',')}\t${hex}` : hex;
  }
  return out;
}
