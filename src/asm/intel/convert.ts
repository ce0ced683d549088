// An Intel-syntax instruction statement (GNU as's `.intel_syntax`) rewritten as the AT&T statement
// that means the same, which the one grammar and the one ISA table then take as usual: operands in
// reverse order, `$` on immediates, `%` on registers, `disp(base,index,scale)` memory, `*` on
// indirect branches, and the memory size (`dword ptr`) as GNU turns it into a mnemonic suffix.

import { lookupReg } from '../../isa/registers.js';
import { tokenize, type Tok } from '../lexer.js';
import { isPrefixMnemonic } from '../parse.js';
import { IntelError } from './errors.js';
import { OperandParser, type IntelOperand, type Node } from './operand.js';
import { REFUSED_PTR_SIZES } from './mem-sizes-data.js';
import { gnuOperandText } from './operand-text.js';
import { hintPtrSizeError } from '../../encode/hint-checks.js';
import { simdMemNoSuffix, simdMemSizesGpr } from './simd.js';

/** What the converter needs to know about the assembly so far. */
export interface IntelHost {
  readonly mode: 16 | 32 | 64;
  /** Registers may be written without `%` (`noprefix`, -mnaked-reg). */
  readonly naked: boolean;
  /** The symbol is defined now as an absolute value (an equate): as an operand it is an immediate. */
  isConstSym(name: string): boolean;
  /** The register a symbol stands for (`.equ asi, si`), without `%`. */
  regSym(name: string): string | undefined;
  /** Creates the symbol now (GNU's Intel parser enters `foo` of `foo@GOTPCREL` before _GLOBAL_OFFSET_TABLE_). */
  refSym(name: string): void;
  /** The encoder knows this AT&T mnemonic. */
  known(mnemonic: string): boolean;
  /** -mintel64: `call tbyte ptr [m]` is the far m16:64 call. */
  readonly intel64?: boolean;
  /** The register exists here (%trN only for some CPUs); else a bare name is a symbol, a `%` one an error. */
  regOk?(name: string): boolean;
  /** The mnemonic is known only as another with AT&T's `l` suffix (`addl`, `lodsl`), which Intel syntax lacks. */
  lSuffixOnly?(mnemonic: string): boolean;
  /** `.allow_index_reg` is in force: `eiz`/`riz` are registers (else symbols). */
  readonly allowIndexReg?: boolean;
  /** GNU's message for a mnemonic of another mode (`fxsave64' is only supported in 64-bit mode), if it is one. */
  modeError?(mnemonic: string): string | undefined;
}

/** The statement's AT&T equivalent, plus whether a memory operand had no size (for GNU's message). */
export interface Converted {
  readonly text: string;
  /** The Intel mnemonic (for messages). */
  readonly mnemonic: string;
  /** A memory operand was written without `X ptr`. */
  readonly unsizedMem: boolean;
  /** GNU's warnings from reading the operands (`redundant segment overrides`). */
  readonly warnings?: readonly string[];
}

const BRANCH = /^(?:j[a-z]+|call|loop[a-z]*|xbegin|ljmp|lcall)$/;

/** The ptr size is only checked by GNU for these (never a suffix). */
const NO_SUFFIX = new Set([
  'lea', 'lgdt', 'lidt', 'sgdt', 'sidt', 'lldt', 'sldt', 'ltr', 'str', 'invlpg', 'clflush', 'clflushopt', 'clwb', 'bound',
  'lds', 'les', 'lfs', 'lgs', 'lss', 'cmpxchg8b', 'cmpxchg16b', 'fldcw', 'fnstcw', 'fstcw', 'fnstsw', 'fstsw', 'fbld', 'fbstp',
  'fldenv', 'fnstenv', 'fstenv', 'frstor', 'fnsave', 'fsave', 'fxsave', 'fxrstor', 'fxsave64', 'fxrstor64', 'xsave', 'xrstor',
  'xsaveopt', 'xsavec', 'xsaves', 'xrstors', 'xsave64', 'xrstor64', 'xsaveopt64', 'xsavec64', 'xsaves64', 'xrstors64',
  'verr', 'verw', 'lmsw', 'smsw', 'arpl', 'movsxd', 'invpcid', 'movbe', 'prefetch', 'prefetchw', 'prefetchnta', 'prefetcht0',
  'prefetcht1', 'prefetcht2', 'monitor', 'mwait', 'lar', 'lsl',
]);

/** x87 operations on a floating-point memory operand: dword s, qword l, tbyte t. */
const X87_FLOAT = new Set(['fld', 'fst', 'fstp', 'fadd', 'fsub', 'fsubr', 'fmul', 'fdiv', 'fdivr', 'fcom', 'fcomp']);
/** x87 operations on an integer memory operand: word s, dword l, qword ll. */
const X87_INT = new Set(['fild', 'fist', 'fistp', 'fisttp', 'fiadd', 'fisub', 'fisubr', 'fimul', 'fidiv', 'fidivr', 'ficom', 'ficomp']);

/** Two-operand instructions whose register and memory operands must have one size. */
const SIZE_CHECKED = /^(?:mov|xchg|add|or|adc|sbb|and|sub|xor|cmp|test|imul|bsf|bsr|tzcnt|lzcnt|popcnt|cmov[a-z]+|xadd|cmpxchg|bt[src]?|movbe|adcx|adox)$/;

const GPR_SUFFIX: Readonly<Record<number, string>> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };
const SIZE_SUFFIX: Readonly<Record<string, string>> = { byte: 'b', word: 'w', dword: 'l', qword: 'q' };

/** Intel spellings GNU takes that AT&T spells otherwise. */
const RENAME: Readonly<Record<string, string>> = {
  retf: 'lret', retfw: 'lretw', retfd: 'lretl', retfq: 'lretq', pushfd: 'pushfl', popfd: 'popfl', pushad: 'pushal', popad: 'popal',
  iretd: 'iretl', lodsd: 'lodsl', stosd: 'stosl', scasd: 'scasl', insd: 'insl', outsd: 'outsl',
  // The x87 environment and state images in their 16-bit layout (the 32-bit one, `fldenvd`, is AT&T's `l`).
  fldenvw: 'fldenvs', fnstenvw: 'fnstenvs', fstenvw: 'fstenvs', frstorw: 'frstors', fnsavew: 'fnsaves', fsavew: 'fsaves',
};

/** The x87 images with Intel's layout suffix: GNU takes no `X ptr` on them. */
const X87_IMAGE = /^(fldenv|fnstenv|fstenv|frstor|fnsave|fsave)([wd]?)$/;

type AttOp =
  | { readonly k: 'reg'; readonly text: string; readonly size: number; readonly cls: string }
  | { readonly k: 'imm'; readonly text: string; readonly size?: string }
  | { readonly k: 'mem'; readonly text: string; readonly size?: string; readonly direct: boolean };

/** An MMX/SSE/AVX register anywhere in the operand (SIMD forms keep their Intel mnemonics). */
function mentionsVector(n: Node): boolean {
  if (n.k === 'reg') return /^(?:[xyz]?mm\d+)$/.test(n.r);
  return (n.k === 'un' && mentionsVector(n.a)) || (n.k === 'bin' && (mentionsVector(n.a) || mentionsVector(n.b)));
}

function enterSpecSymbols(n: Node, host: IntelHost): void {
  if (n.k === 'sym') {
    // (A quoted name's `@` is part of the name: `"?half@?0"`.)
    const at = n.v.startsWith('"') ? -1 : n.v.indexOf('@');
    if (at > 0 && n.v.slice(at + 1).toLowerCase() !== 'plt') host.refSym(n.v.slice(0, at));
  } else if (n.k === 'un') enterSpecSymbols(n.a, host);
  else if (n.k === 'bin') {
    enterSpecSymbols(n.a, host);
    enterSpecSymbols(n.b, host);
  }
}

function hasReg(n: Node): boolean {
  return n.k === 'reg' || (n.k === 'un' && hasReg(n.a)) || (n.k === 'bin' && (hasReg(n.a) || hasReg(n.b)));
}

/** AT&T expression text for a register-free tree. */
function render(n: Node): string {
  switch (n.k) {
    case 'num': return n.v;
    case 'sym': return n.v;
    case 'reg': throw new IntelError(`invalid use of register`);
    case 'un': return n.op + (n.a.k === 'bin' ? `(${render(n.a)})` : render(n.a));
    case 'bin': {
      const a = n.a.k === 'bin' ? `(${render(n.a)})` : render(n.a);
      const b = n.b.k === 'bin' || n.b.k === 'un' ? `(${render(n.b)})` : render(n.b);
      return `${a}${n.op}${b}`;
    }
  }
}

/**
 * GNU reads a bare expression as a memory reference only when it comes down to one symbol plus a
 * constant (`msg`, `msg+4`, `4+msg`, `msg-4`); anything else — a constant, `VAL*2+1`, `msg-msg2`,
 * `-msg` — is an immediate.
 */
function isSymbolRef(n: Node, host: IntelHost): boolean {
  let syms = 0;
  const walk = (m: Node, neg: boolean): boolean => {
    if (m.k === 'bin' && (m.op === '+' || m.op === '-')) return walk(m.a, neg) && walk(m.b, m.op === '-' ? !neg : neg);
    if (isConst(m, host)) return true;
    if (m.k === 'sym' && !neg) return ++syms === 1;
    return false;
  };
  return walk(n, false) && syms === 1;
}

function isConst(n: Node, host: IntelHost): boolean {
  switch (n.k) {
    case 'num': return true;
    case 'sym': return n.v !== '.' && host.isConstSym(n.v);
    case 'reg': return false;
    case 'un': return isConst(n.a, host);
    case 'bin': return isConst(n.a, host) && isConst(n.b, host);
  }
}

/** Splits an address into base, index, scale and displacement as GNU does: the first lone register is
 *  the base, a scaled one (or a second one) the index. */
/** `[eiz*1+8]` (eiz a symbol without .allow_index_reg): a scale of 1 on a term drops out (GNU 2.40). */
function dropScaleOne(n: Node): Node {
  if (n.k !== 'bin') return n;
  const one = (x: Node): boolean => x.k === 'num' && x.v === '1';
  if (n.op === '*' && !hasReg(n) && (one(n.a) || one(n.b))) return dropScaleOne(one(n.b) ? n.a : n.b);
  const a = dropScaleOne(n.a);
  const b = dropScaleOne(n.b);
  return a === n.a && b === n.b ? n : { ...n, a, b };
}

/** GNU's message for an impossible address names the whole operand, as its scrubber left it. */
function badBaseIndex(op: IntelOperand): IntelError {
  return new IntelError(`\`${gnuOperandText(op.text)}' is not a valid base/index expression`);
}

function address(e: Node | undefined, op: IntelOperand, mode: 16 | 32 | 64): { base?: string; index?: string; scale?: string; disp?: string } {
  const out: { base?: string; index?: string; scale?: string; disp?: string } = {};
  const disp: string[] = [];
  const walk = (n: Node, neg: boolean): void => {
    if (n.k === 'bin' && (n.op === '+' || n.op === '-') && hasReg(n)) {
      walk(n.a, neg);
      walk(n.b, n.op === '-' ? !neg : neg);
      return;
    }
    if (n.k === 'reg') {
      if (neg) throw new IntelError('invalid use of register');
      if (out.base === undefined) out.base = n.r;
      else if (out.index === undefined) out.index = n.r;
      else throw badBaseIndex(op);
      return;
    }
    if (n.k === 'bin' && n.op === '*' && hasReg(n)) {
      // `(ecx+2)*4` is ecx*4 + 2*4 (GNU 2.40 folds it so, measured).
      const [sum, f] = hasReg(n.a) ? [n.a, n.b] : [n.b, n.a];
      if (sum.k === 'bin' && (sum.op === '+' || sum.op === '-') && !hasReg(f)) {
        walk({ k: 'bin', op: sum.op, a: { k: 'bin', op: '*', a: sum.a, b: f }, b: { k: 'bin', op: '*', a: sum.b, b: f } }, neg);
        return;
      }
      const [r, s] = n.a.k === 'reg' ? [n.a, n.b] : [n.b, n.a];
      if (r.k !== 'reg' || hasReg(s) || neg) throw new IntelError('invalid use of register');
      if (out.index !== undefined) throw badBaseIndex(op);
      out.index = r.r;
      out.scale = render(s);
      // (A negated scale, `-1*rdx`, is no scale either: GNU 2.40 quotes the operand.)
      if ((s.k === 'num' && !['1', '2', '4', '8'].includes(s.v)) || s.k === 'un') throw badBaseIndex(op);
      return;
    }
    if (hasReg(n)) throw new IntelError('invalid use of register');
    const t = n.k === 'bin' ? `(${render(n)})` : render(n);
    disp.push(disp.length === 0 ? (neg ? `-${t}` : t) : `${neg ? '-' : '+'}${t}`);
  };
  if (e) walk(dropScaleOne(e), false);
  // Address registers: general registers of one size (16-bit ones outside 64-bit code), or rip/eip as a base.
  const sizes = [out.base, out.index].filter((r): r is string => r !== undefined).map((r) => {
    const info = lookupReg(r);
    if (info?.cls === 'ip' && r === out.base) return r === 'rip' ? 64 : 32;
    if (info?.cls === 'iz' && r === out.index) return info.size;
    return info?.cls === 'gpr' && info.size !== 8 && !(info.size === 16 && mode === 64) ? info.size : -1;
  });
  if (sizes.some((z) => z < 0) || (sizes.length === 2 && sizes[0] !== sizes[1])) throw badBaseIndex(op);
  // 16-bit addressing has bx/bp as the base and si/di as the index, whichever was written first.
  if ((out.base === 'si' || out.base === 'di') && (out.index === 'bx' || out.index === 'bp') && out.scale === undefined) {
    [out.base, out.index] = [out.index, out.base];
  }
  if (disp.length) out.disp = disp.join('');
  return out;
}

function operand(op: IntelOperand, branch: boolean, host: IntelHost, mn: string): AttOp {
  const e = op.expr;
  if (!e && op.size) throw new IntelError(`operand size mismatch for \`${mn}'`);
  // `dword ptr eax`: a size applies to memory only.
  if (e && e.k === 'reg' && !op.bracket && op.size) throw new IntelError('invalid use of register');
  if (op.jump === 'far' && e && !op.bracket && !hasReg(e) && !op.seg && !op.farSeg) throw new IntelError('cannot infer the segment part of the operand');
  if (op.farSeg) {
    if (!e || hasReg(e)) throw new IntelError('invalid use of register');
    return { k: 'imm', text: `$${render(op.farSeg)},$${render(e)}` };
  }
  if (e && e.k === 'reg' && !op.bracket && !op.seg && !op.size) {
    const r = e.r.startsWith('st(') ? undefined : lookupReg(e.r);
    return { k: 'reg', text: `${branch ? '*' : ''}%${e.r}`, size: r?.cls === 'gpr' ? r.size : 0, cls: r?.cls ?? 'st' };
  }
  const regs = e ? hasReg(e) : false;
  // OFFSET makes a register-free operand an immediate, brackets and size included (`[offset x]`,
  // `offset [dword ptr [x]]`), unless a segment outside it makes memory (`gs:[offset [x]]`,
  // `offset x + es:[2]`; inside it, `offset gs:[x]`, the segment counts for nothing): GNU 2.40, measured.
  if (op.offset && !regs && !op.seg && !op.flat && e) return { k: 'imm', text: `$${render(e)}` };
  // A size alone does not make memory: `dword ptr 1` is an immediate (sized: `push dword ptr 1` is
  // pushl $1), `dword ptr x` memory as `x` alone is; `FLAT:1` is memory, as any segment makes it.
  if (!op.bracket && !regs && !op.seg && !op.flat && !(op.size && branch)) {
    if (!e) throw new IntelError('bad expression');
    if (branch) return { k: 'mem', text: render(e), direct: true };
    if (!isSymbolRef(e, host)) return { k: 'imm', text: `$${render(e)}`, ...(op.size ? { size: op.size } : {}) };
  }
  const a = address(e, op, host.mode);
  const seg = op.seg ? `%${op.seg}:` : '';
  let text: string;
  if (a.base === undefined && a.index === undefined) text = `${seg}${a.disp ?? '0'}`;
  else {
    const idx = a.index !== undefined ? `,%${a.index}${a.scale !== undefined ? `,${a.scale}` : ''}` : '';
    text = `${seg}${a.disp ?? ''}(${a.base !== undefined ? `%${a.base}` : ''}${idx})`;
  }
  return { k: 'mem', text: branch ? `*${text}` : text, ...(op.size ? { size: op.size } : {}), direct: false };
}

/** The suffix a memory size gives this mnemonic ('' = none). */
function suffixFor(mn: string, size: string): string {
  if (X87_FLOAT.has(mn)) return size === 'dword' ? 's' : size === 'qword' ? 'l' : size === 'tbyte' ? 't' : '';
  if (X87_INT.has(mn)) return size === 'word' ? 's' : size === 'dword' ? 'l' : size === 'qword' ? 'll' : '';
  return SIZE_SUFFIX[size] ?? '';
}

/** Splits toks[from..] at top-level commas. */
function splitOperands(toks: readonly Tok[], from: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'lparen' || (t.type === 'junk' && t.value === '[')) depth++;
    else if (t.type === 'rparen' || (t.type === 'junk' && t.value === ']')) depth--;
    else if (t.type === 'comma' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < toks.length || out.length) out.push([start, toks.length]);
  return out;
}

/**
 * Rewrites one Intel statement. Returns undefined when the statement is no instruction (a directive,
 * an assignment, labels only): the caller assembles it as written.
 */
export function convertIntel(text: string, host: IntelHost): Converted | undefined {
  const toks = tokenize(text);
  let i = 0;
  while (i + 1 < toks.length && (toks[i].type === 'ident' || toks[i].type === 'num') && toks[i + 1].type === 'colon') i += 2;
  const head = toks[i];
  if (!head || head.type !== 'ident' || head.value.startsWith('.') || toks[i + 1]?.type === 'assign') return undefined;
  const labels = i > 0 ? text.slice(0, toks[i].offset) : '';
  const prefixes: string[] = [];
  while (toks[i]?.type === 'ident' && toks[i + 1]?.type === 'ident' && isPrefixMnemonic(toks[i].value.toLowerCase())) prefixes.push(toks[i++].value);
  const mnTok = toks[i];
  if (!mnTok || mnTok.type !== 'ident') return undefined;
  const intelMn = mnTok.value.toLowerCase();
  // A prefix written alone (`rex64`, `lock` on its own line) is the same in both syntaxes.
  if (isPrefixMnemonic(intelMn) && i + 1 === toks.length) return undefined;
  let mn = intelMn;
  // (GNU's Intel syntax has no `l` suffix: `addl eax, 1` is no instruction; its `d` is below.)
  if ((!host.known(mn) && !host.known(RENAME[mn] ?? mn) && !/d$/.test(mn)) || host.lSuffixOnly?.(mn)) {
    const modeMsg = host.modeError?.(mn);
    if (modeMsg !== undefined) throw new IntelError(modeMsg);
    // GNU looks the mnemonic up before reading operands, and echoes the statement squeezed.
    const ops = splitOperands(toks, i + 1).map(([a, b]) => text.slice(toks[a]?.offset ?? text.length, b < toks.length ? toks[b].offset : text.length).trim());
    const pre = prefixes.map((p) => p.toLowerCase() + ' ').join('');
    throw new IntelError(`no such instruction: \`${pre}${mn}${ops.length ? ' ' + ops.join(',') : ''}'`);
  }
  const branch = BRANCH.test(mn);
  const parser = new OperandParser(toks, host.naked, host.regSym, host.regOk?.bind(host), (r) => !(r.only64 && host.mode !== 64) && (r.cls !== 'iz' || host.allowIndexReg === true));
  const parsed = splitOperands(toks, i + 1).map(([a, b]) => {
    if (a === b) throw new IntelError(a < toks.length ? "expecting operand before ','; got nothing" : "expecting operand after ','; got nothing");
    return parser.parse(a, b, text.slice(toks[a].offset, b < toks.length ? toks[b].offset : text.length).trim());
  });
  // A size the instruction's memory cannot have (`fxsave dword ptr`, `sidt qword ptr` in 64-bit code).
  if (parsed.length === 1 && parsed[0].size !== undefined && parsed[0].bracket && REFUSED_PTR_SIZES[host.mode][intelMn]?.includes(parsed[0].size)) {
    throw new IntelError(`operand size mismatch for \`${intelMn}'`);
  }
  // `jmp 0x10, 0x20` / `lcall seg, off`: GNU also takes a far pointer as two operands.
  const farPair = parsed.length === 2 && /^l?(?:jmp|call)$/.test(mn) && parsed.every((p) => !p.bracket && !p.seg && !p.size && p.expr && !hasReg(p.expr));
  for (const p of parsed) if (p.expr) enterSpecSymbols(p.expr, host);
  let ops: AttOp[] = farPair
    ? parsed.map((p) => ({ k: 'imm', text: `$${render(p.expr!)}` }))
    : parsed.map((p) => operand(p, branch, host, mn));
  let unsizedMem = ops.some((o) => o.k === 'mem' && !o.direct && o.size === undefined);
  const image = X87_IMAGE.exec(intelMn);
  const imageSize = image && ops.length === 1 && ops[0].k === 'mem' ? ops[0].size : undefined;
  if (image && imageSize) {
    // Measured: only the word layout's `dword ptr` counts as a second size; every other size is a mismatch.
    throw new IntelError(image[2] === 'w' && imageSize === 'dword' ? 'conflicting operand size modifiers' : `operand size mismatch for \`${image[1]}'`);
  }

  // Far forms: `jmp 0x10:0x20`, `call fword ptr [eax]`, `jmp far ptr [eax]`.
  const farPtr = parsed.length === 1 && parsed[0].farSeg !== undefined;
  // In 16-bit code a dword pointer is already a far one (16:16) and an fword one is 16:32
  // (measured: `call dword ptr [bx]` is lcall, `call fword ptr [bx]` lcalll).
  const memSize = ops.length === 1 && ops[0].k === 'mem' && !ops[0].direct ? ops[0].size : undefined;
  // In 64-bit code there is no 32-bit near form: a dword pointer is the far 16:16 one (lcallw, measured).
  const farMem = memSize !== undefined && (memSize === 'fword' || (host.mode !== 32 && memSize === 'dword')) || (ops.length === 1 && ops[0].k === 'mem' && !ops[0].direct && parsed[0].jump === 'far');
  // Other pointer sizes name no call/jmp form (GNU: operand type mismatch; measured in all three modes).
  // (-mintel64: no 16-bit near form in 64-bit code, the m16:64 far one instead.)
  const branchSizes = host.mode !== 64 ? ['word', 'dword', 'fword'] : host.intel64 ? ['dword', 'fword', 'qword', 'tbyte'] : ['word', 'dword', 'fword', 'qword'];
  if ((mn === 'call' || mn === 'jmp') && memSize !== undefined && !branchSizes.includes(memSize)) throw new IntelError(`operand type mismatch for \`${mn}'`);
  // (`call tbyte ptr [rcx]` in 64-bit code: the m16:64 pointer of -mintel64, lcallq.)
  const far64 = host.mode === 64 && memSize === 'tbyte';
  if ((mn === 'jmp' || mn === 'call') && (farPtr || farMem || farPair || far64)) {
    mn = far64 ? `l${mn}q` : host.mode === 16 && memSize === 'fword' ? `l${mn}l` : host.mode === 64 && memSize === 'dword' ? `l${mn}w` : `l${mn}`;
    unsizedMem = false;
  }
  mn = RENAME[mn] ?? mn;
  const vector = parsed.some((p) => p.expr !== undefined && mentionsVector(p.expr));
  // GNU's Intel mnemonics may carry a `d` suffix for 32 bits (`notd`, `addd`): AT&T's `l`. (`movd
  // [bx], 5` without a vector register is movl too, though movd is an MMX/SSE mnemonic.)
  if (!vector && mn.length > 2 && mn.endsWith('d') && (!host.known(mn) || mn === 'movd') && host.known(mn.slice(0, -1) + 'l')) mn = mn.slice(0, -1) + 'l';
  // (cvtsi2sd xmm1, qword ptr [rax]: the size is the integer source's, cvtsi2sdq.)
  const simd = (vector && !simdMemSizesGpr(mn)) || simdMemNoSuffix(mn);
  if ((mn === 'movsd' || mn === 'cmpsd') && !simd) mn = mn.slice(0, -1) + 'l';

  // The memory size becomes a suffix, unless a register already says it or the size is only checked.
  const sized = ops.find((o): o is Extract<AttOp, { k: 'mem' }> => o.k === 'mem' && o.size !== undefined);
  const hintErr = hintPtrSizeError(mn, sized?.size);
  if (hintErr) throw new IntelError(hintErr);
  // A sized immediate (`push word ptr 1`) takes the suffix; the encoder then checks the registers.
  const sizedImm = sized ? undefined : ops.find((o): o is Extract<AttOp, { k: 'imm' }> => o.k === 'imm' && o.size !== undefined);
  if (sizedImm && !simd) {
    const sfx = suffixFor(mn, sizedImm.size!);
    if (sfx && host.known(mn + sfx)) mn += sfx;
  }
  if (mn === 'movzx' || mn === 'movsx') {
    const dst = ops[0];
    const src = ops[1];
    const srcSfx = src?.k === 'mem' ? (src.size ? SIZE_SUFFIX[src.size] : undefined) : src?.k === 'reg' ? GPR_SUFFIX[src.size] : undefined;
    // The source size decides the form: a memory source must say it.
    if (src?.k === 'mem' && !src.size && ops.length === 2) throw new IntelError(`ambiguous operand size for \`${intelMn}'`);
    // `movsx rax, dword ptr [...]` is movsxd (GCC writes it so).
    const dword = (src?.k === 'mem' && src.size === 'dword') || (src?.k === 'reg' && src.size === 32);
    if (mn === 'movsx' && dword && dst?.k === 'reg' && dst.size === 64) mn = 'movslq';
    else if (mn === 'movsx' && dword && dst?.k === 'reg' && dst.size === 32) mn = 'movsxd';
    else if (src?.k === 'mem' && src.size && src.size !== 'byte' && src.size !== 'word') throw new IntelError(`operand size mismatch for \`${intelMn}'`);
    // A 16-bit register from a 16-bit register, which GNU takes only in Intel syntax (0F B7/BF with
    // the 16-bit operand size): AT&T's unsuffixed `movzx %di,%ax` is that form.
    if (dst?.k === 'reg' && dst.size === 16 && src?.k === 'reg' && src.size === 16) unsizedMem = false;
    else if (dst?.k === 'reg' && srcSfx && GPR_SUFFIX[dst.size] && (srcSfx === 'b' || srcSfx === 'w')) {
      mn = `mov${mn[3]}${srcSfx}${GPR_SUFFIX[dst.size]}`;
      unsizedMem = false;
    }
  } else if (sized && !simd && SIZE_CHECKED.test(mn)) {
    // A register of another size than the memory operand: GNU names the mismatch by where the
    // memory operand sits (its reg, r/m forms fit `reg, mem`; xadd-like ones only `mem, reg`).
    const memAt = ops.indexOf(sized);
    const reg = ops.find((o): o is Extract<AttOp, { k: 'reg' }> => o.k === 'reg' && o.cls === 'gpr');
    if (reg && SIZE_SUFFIX[sized.size!] !== undefined && GPR_SUFFIX[reg.size] !== SIZE_SUFFIX[sized.size!]) {
      const regFirst = /^(?:mov|xchg)$/.test(mn) ? undefined : /^(?:xadd|cmpxchg|bt[src]?|shld|shrd)$/.test(mn) ? memAt === 0 : memAt === ops.length - 1;
      throw new IntelError(`${regFirst ? 'register' : 'operand'} type mismatch for \`${intelMn}'`);
    }
    const sfx = suffixFor(mn, sized.size!);
    if (sfx && host.known(mn + sfx)) mn += sfx;
  } else if (sized && !simd && !NO_SUFFIX.has(mn) && !mn.startsWith('set') && mn !== 'ljmp' && mn !== 'lcall') {
    // A mnemonic that already names its size (`movsb`, `stosd`, `notw`) takes no second suffix.
    const own = /[bwlqd]$/.test(mn) && host.known(mn) && host.known(mn.slice(0, -1));
    const sfx = suffixFor(mn, sized.size!);
    if (sfx && !own && host.known(mn + sfx)) mn += sfx;
  }
  // Two immediates (enter, far pointers) and bound/invlpga keep Intel's order in AT&T.
  // So do the spelled-out implicit registers of invlpg*, monitor*, mwait*, pvalidate, rmp*, umwait, tpause (GNU 2.40, measured).
  const keep = ops.every((o) => o.k === 'imm') || mn === 'bound' || /^(?:invlpg|monitor|mwait|rmp)/.test(mn) || ['pvalidate', 'umwait', 'tpause'].includes(mn);
  if (!keep) ops = ops.slice().reverse();
  // x87 `fsub st(i), st` is AT&T's `fsubr %st,%st(i)` (GNU keeps the old AT&T operand-order quirk).
  // So are the forms with st(1) or st(i) implied as the destination: `fsubp`, `fsubp st(i)` and
  // `fsub` alone (GNU 2.40, measured: Intel `fsubp` is de e9, AT&T `fsubp` de e1).
  const stDest = parsed.length === 2 && parsed[0].expr?.k === 'reg' && /^st\(/.test((parsed[0].expr as { r: string }).r) && (parsed[0].expr as { r: string }).r !== 'st(0)';
  const impliedDest = parsed.length === 0 || (parsed.length === 1 && mn.endsWith('p') && parsed[0].expr?.k === 'reg' && /^st\b/.test((parsed[0].expr as { r: string }).r));
  if (/^f(?:sub|div)r?p?$/.test(mn) && (stDest || impliedDest)) {
    mn = mn.endsWith('rp') ? mn.slice(0, -2) + 'p' : mn.endsWith('r') ? mn.slice(0, -1) : mn.endsWith('p') ? mn.slice(0, -1) + 'rp' : mn + 'r';
  }
  const pre = prefixes.length ? prefixes.join(' ') + ' ' : '';
  const body = ops.map((o) => o.text).join(',');
  const warnings = parsed.some((p) => p.redundantSeg) ? ['redundant segment overrides'] : undefined;
  return { text: `${labels}${pre}${mn}${body ? ' ' + body : ''}`, mnemonic: intelMn, unsizedMem, ...(warnings ? { warnings } : {}) };
}
