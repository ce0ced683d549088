// Compact red-team vectors <-> issue-5 exec snapshots. Pages are stored as runs of non-zero bytes
// ("spans": [[offset, hex], …]) and expanded to full 4 KiB regions.
export const REGS64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const PERM = ['', 'r', 'w', 'rw', 'x', 'rx', 'wx', 'rwx'];

export function toSpans(hex) {
  const out = [];
  let k = 0;
  while (k < hex.length) {
    if (hex.startsWith('00', k)) { k += 2; continue; }
    let e = k;
    while (e < hex.length && !(hex.startsWith('00000000', e))) e += 2;
    out.push([k / 2, hex.slice(k, e)]);
    k = e;
  }
  return out;
}
export function fromSpans(spans) {
  const b = Buffer.alloc(4096);
  for (const [off, h] of spans) Buffer.from(h, 'hex').copy(b, off);
  return b.toString('hex');
}
/** A data page's initial bytes from its seed: random bytes where snippets point, zeros elsewhere. */
export function fillData(seed) {
  let st = (seed >>> 0) || 1;
  const r = () => { st ^= st << 13; st >>>= 0; st ^= st >>> 17; st ^= st << 5; st >>>= 0; return st & 0xff; };
  const b = new Uint8Array(4096);
  for (let k = 0; k < 0x40; k++) b[k] = r();
  for (let k = 0x500; k < 0xb00; k++) b[k] = r();
  for (let k = 0xf80; k < 0x1000; k++) b[k] = (k & 1) ? r() : 0;
  return b;
}
/** Runs of bytes where `b` differs from `a` (both hex strings of one page). */
export function diffSpans(a, b) {
  const out = [];
  for (let k = 0; k < a.length; k += 2) {
    if (a.startsWith(b.slice(k, k + 2), k)) continue;
    let e = k;
    while (e < a.length && (a.slice(e, e + 2) !== b.slice(e, e + 2) || a.slice(e + 2, e + 8) !== b.slice(e + 2, e + 8))) e += 2;
    out.push([k / 2, b.slice(k, e)]);
    k = e - 2;
  }
  return out;
}
export function pageHex(p) { return p.seed !== undefined ? Buffer.from(fillData(p.seed)).toString('hex') : fromSpans(p.spans); }
function applySpans(hex, spans) {
  let h = hex;
  for (const [off, x] of spans) h = h.slice(0, off * 2) + x + h.slice(off * 2 + x.length);
  return h;
}
/** A compact record -> [snapshot, expected output fields]. */
export function expand(r) {
  const ins = r.pages.map(pageHex);
  const snap = { mode: r.mode, cpl: 3, regs: r.regs, memory: r.pages.map((p, k) => ({ addr: p.addr, hex: ins[k], perm: PERM[p.perm] })) };
  const e = r.exp;
  const exp = { stop: e.stop, regs: e.regs, memory: r.pages.map((p, k) => ({ addr: p.addr, hex: applySpans(ins[k], e.pages[k]), perm: PERM[p.perm] })) };
  if (e.stop === 'exception') { exp.vector = e.vector; exp.error_code = e.error_code; if (e.cr2 !== undefined) exp.cr2 = e.cr2; }
  return [snap, exp];
}
/** Differences between an exec output and the expected fields (empty when they agree). */
export function compare(out, exp) {
  const d = [];
  if (out.stop !== exp.stop) d.push(`stop ${out.stop} != ${exp.stop}`);
  for (const [n, v] of Object.entries(exp.regs)) {
    const o = out.regs?.[n];
    if (o === undefined || BigInt(o) !== BigInt(v)) d.push(`${n} ${o} != ${v}` + (/flags/.test(n) && o !== undefined ? ` (xor ${(BigInt(o) ^ BigInt(v)).toString(16)})` : ''));
  }
  if (exp.stop === 'exception') {
    if (out.vector !== exp.vector) d.push(`vector ${out.vector} != ${exp.vector}`);
    if ((out.error_code ?? null) !== exp.error_code) d.push(`error_code ${out.error_code} != ${exp.error_code} (cr2 ${out.cr2}/${exp.cr2})`);
    if (exp.cr2 !== undefined && (out.cr2 === undefined || BigInt(out.cr2) !== BigInt(exp.cr2))) d.push(`cr2 ${out.cr2} != ${exp.cr2}`);
  }
  exp.memory.forEach((m, k) => {
    const o = out.memory?.[k];
    if (!o || o.hex !== m.hex) {
      let first = -1;
      if (o) for (let i = 0; i < m.hex.length; i += 2) if (o.hex.slice(i, i + 2) !== m.hex.slice(i, i + 2)) { first = i / 2; break; }
      d.push(`memory ${m.addr} differs at +0x${first.toString(16)}`);
    }
  });
  return d;
}
