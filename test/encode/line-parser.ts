// Test-only AT&T line parser: enough syntax to feed corpus lines to encodeInstruction() directly
// (prefix mnemonics, registers, $imm, seg:disp(base,index,scale), `*` indirect, sym+const values).
// The real front end (src/asm/) is the production path; this keeps the encoder testable on its own.

import { lookupReg, type RegInfo } from '../../src/isa/registers.js';
import type { AsmInsn, AsmOperand, Value } from '../../src/encode/types.js';

export class ParseError extends Error {}

const PREFIXES = new Set(['lock', 'rep', 'repe', 'repz', 'repne', 'repnz', 'data16', 'data32', 'addr16', 'addr32', 'rex64', 'rex', 'cs', 'ds', 'es', 'fs', 'gs', 'ss', 'notrack']);

function reg(t: string): RegInfo {
  const r = lookupReg(t.replace(/^%/, '').replace(/\s+/g, ''));
  if (!r) throw new ParseError(`bad register name \`${t}'`);
  return r;
}

/** Split on commas not inside parentheses. */
function splitOps(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function num(t: string): bigint {
  const neg = t.startsWith('-');
  const s = neg ? t.slice(1) : t;
  let v: bigint;
  if (/^0x[0-9a-f]+$/i.test(s)) v = BigInt(s);
  else if (/^0b[01]+$/i.test(s)) v = BigInt(s);
  else if (/^0[0-7]+$/.test(s)) v = BigInt('0o' + s.slice(1));
  else if (/^[0-9]+$/.test(s)) v = BigInt(s);
  else throw new ParseError(`bad number ${t}`);
  return neg ? -v : v;
}

/** sym, number, sym+number, sym-number, number+sym */
export function value(t: string): Value {
  t = t.trim();
  if (/^-?(0x[0-9a-f]+|0b[01]+|[0-9]+)$/i.test(t)) return { addend: num(t) };
  const m = /^([A-Za-z_.][\w.$]*)\s*(?:([+-])\s*(0x[0-9a-f]+|[0-9]+))?$/i.exec(t);
  if (m) return { sym: m[1], addend: m[3] ? (m[2] === '-' ? -num(m[3]) : num(m[3])) : 0n };
  throw new ParseError(`bad expression ${t}`);
}

function operand(t: string): AsmOperand {
  let indirect = false;
  if (t.startsWith('*')) { indirect = true; t = t.slice(1).trim(); }
  if (t.startsWith('$')) return { kind: 'imm', value: value(t.slice(1)) };
  let seg: RegInfo | undefined;
  const sm = /^%(es|cs|ss|ds|fs|gs)\s*:(.*)$/i.exec(t);
  if (sm) { seg = reg(sm[1]); t = sm[2].trim(); }
  if (!seg && t.startsWith('%')) return { kind: 'reg', reg: reg(t), indirect };
  const pm = /^(.*?)\(([^)]*)\)$/.exec(t);
  if (pm) {
    const disp = pm[1].trim() ? value(pm[1]) : undefined;
    const parts = pm[2].split(',').map((x) => x.trim());
    const base = parts[0] ? reg(parts[0]) : undefined;
    const index = parts[1] ? reg(parts[1]) : undefined;
    const scale = parts[2] ? Number(parts[2]) : 1;
    if (![1, 2, 4, 8].includes(scale)) throw new ParseError(`expecting scale factor of 1, 2, 4, or 8: got \`${parts[2]}'`);
    return { kind: 'mem', seg, disp, base, index, scale: scale as 1 | 2 | 4 | 8, indirect, bare: false };
  }
  return { kind: 'mem', seg, disp: value(t), scale: 1, indirect, bare: true };
}

export function parseLine(line: string): AsmInsn {
  // `lock; addl ...`: a prefix on its own statement applies to the next instruction.
  let rest = line.trim().replace(/^([a-z0-9.]+)\s*;\s*/i, '$1 ');
  const prefixes: string[] = [];
  for (;;) {
    const m = /^([A-Za-z][\w.]*)\s*(.*)$/.exec(rest);
    if (!m) throw new ParseError(`cannot parse ${line}`);
    const w = m[1].toLowerCase();
    if ((PREFIXES.has(w) || /^rex\.[wrxb]+$/.test(w)) && m[2] !== '' && !m[2].startsWith(',') && /^[A-Za-z]/.test(m[2])) {
      prefixes.push(w);
      rest = m[2];
      continue;
    }
    const ops = m[2].trim() ? splitOps(m[2]).map(operand) : [];
    return { mnemonic: w, prefixes, operands: ops };
  }
}
