// Events the harness injects: `--nmi-at WHERE` and `--irq-at VECTOR@WHERE`, WHERE being
//   SYM     the boundary just before the first execution of the instruction at SYM,
//   SYM:N   ... before its N-th arrival (each time the CPU is about to execute it counts),
//   SYM+OFF an address inside a symbol (OFF decimal or 0x hex), with the same :N suffix,
//   STEP    a decimal step count: the boundary after STEP instructions have retired.
// `--irq-at WHERE` without a vector raises vector 0x20.
// An injected NMI is latched until NMIs are unblocked; an interrupt waits for IF = 1.
// `--int3-at SYM@WHERE` models another CPU live-patching: it writes 0xCC over the byte at SYM.

export type Where = { sym: string; off: number; n: number } | { step: number };

export interface EventSpec {
  kind: 'nmi' | 'irq' | 'int3';
  vector: number;
  /** For 'int3': the symbol (SYM or SYM+OFF) whose byte becomes 0xCC. */
  target?: string;
  where: Where;
  /** Original text, for messages and traces. */
  text: string;
}

export class SpecError extends Error {}

function parseNum(t: string): number {
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^[0-9]+$/.test(t)) return parseInt(t, 10);
  throw new SpecError(`bad number '${t}'`);
}

export function parseWhere(text: string): Where {
  const t = text.trim();
  if (/^[0-9]+$/.test(t)) return { step: parseInt(t, 10) };
  if (/^0x[0-9a-f]+$/i.test(t)) throw new SpecError(`bad event position '${text}' (a step count is decimal; for an address use SYM+OFF)`);
  const m = /^([A-Za-z_.$][\w.$]*)(?:\+(0x[0-9a-fA-F]+|[0-9]+))?(?::([0-9]+))?$/.exec(t);
  if (!m) throw new SpecError(`bad event position '${text}' (use SYM, SYM:N, SYM+OFF or a step count)`);
  const n = m[3] === undefined ? 1 : parseInt(m[3], 10);
  if (n < 1) throw new SpecError(`bad arrival count in '${text}' (counts start at 1)`);
  return { sym: m[1], off: m[2] === undefined ? 0 : parseNum(m[2]), n };
}

export function parseNmi(text: string): EventSpec {
  return { kind: 'nmi', vector: 2, where: parseWhere(text), text };
}

/** Vector used by `--irq-at WHERE` without one (the first vector after the exceptions, Linux's timer on PC). */
export const DEFAULT_IRQ_VECTOR = 0x20;

/** VECTOR@WHERE, e.g. 0x20@poke_step2 or 32@100; plain WHERE means vector 0x20. */
export function parseIrq(text: string): EventSpec {
  const at = text.indexOf('@');
  if (at < 0) return { kind: 'irq', vector: DEFAULT_IRQ_VECTOR, where: parseWhere(text), text: `0x20@${text}` };
  const vector = parseNum(text.slice(0, at).trim());
  if (vector < 32 || vector > 255) throw new SpecError(`interrupt vector ${vector} out of range 32..255`);
  return { kind: 'irq', vector, where: parseWhere(text.slice(at + 1)), text };
}

/** SYM@WHERE (SYM may be SYM+OFF): write int3 (0xCC) over the byte at SYM at that boundary. */
export function parseInt3(text: string): EventSpec {
  const at = text.indexOf('@');
  if (at < 0) throw new SpecError(`bad --int3-at '${text}' (use SYM@WHERE: the byte at SYM becomes int3 at WHERE)`);
  const target = text.slice(0, at).trim();
  if (!/^[A-Za-z_.$][\w.$]*(?:\+(0x[0-9a-fA-F]+|[0-9]+))?$/.test(target)) throw new SpecError(`bad int3 target '${target}' (use SYM or SYM+OFF)`);
  return { kind: 'int3', vector: 3, target, where: parseWhere(text.slice(at + 1)), text };
}
