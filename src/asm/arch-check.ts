// Which instructions the CPU chosen by -march=/`.arch` has: GNU as refuses the others with
// "`MN' is not supported on `NAME'". The data (src/isa/features.ts) is measured from GNU as 2.40:
// per mnemonic (and encoding class), the CPUs that lack it, the extensions whose `.noEXT` takes
// it away and those whose `.EXT` gives it back. This file keeps the extension part of the state
// (what `.arch .EXT`/`.noEXT` and -march=CPU+EXT changed) and makes the check.

import type { Encoded } from '../encode/types.js';
import { FEATURE_GROUPS, REPORTED_AS, type FeatureGroup } from '../isa/features.js';
import type { Mode } from '../isa/types.js';
import { CPUS, type ArchState } from './arch.js';
import { AsmError } from './errors.js';
import type { Assembly } from './state.js';

interface Need { readonly cpus: ReadonlySet<string>; readonly nos: readonly string[]; readonly ens: readonly string[]; readonly unsupported: boolean }

const split = (s: string): string[] => (s ? s.split(' ') : []);
type NeedTable = Pick<ReadonlyMap<string, Need>, 'get' | 'has'>;

/** `word` is one of the space-separated words of `list`. */
function listed(list: string, word: string): boolean {
  if (word === '') return false;
  for (let i = list.indexOf(word); i >= 0; i = list.indexOf(word, i + 1)) {
    if ((i === 0 || list.charCodeAt(i - 1) === 32) && (i + word.length === list.length || list.charCodeAt(i + word.length) === 32)) return true;
  }
  return false;
}

/**
 * A mode's groups by key, each key looked up in the groups' text when first asked for (a short
 * file names a few of the ~1,600 keys; a map of all of them cost ~0.7 ms of every `x86lab as`).
 * A key listed twice belongs to its last group, and every key of a group gets the same Need.
 */
function index(groups: readonly FeatureGroup[]): NeedTable {
  const found = new Map<string, Need | null>();
  const needs: Need[] = [];
  const get = (key: string): Need | undefined => {
    let need = found.get(key);
    if (need === undefined) {
      need = null;
      for (let i = groups.length - 1; i >= 0; i--) {
        const g = groups[i];
        if (!listed(g.mnemonics, key)) continue;
        need = needs[i] ??= { cpus: new Set(split(g.cpus)), nos: split(g.nos), ens: split(g.ens), unsupported: g.unsupported ?? false };
        break;
      }
      found.set(key, need);
    }
    return need ?? undefined;
  };
  return { get, has: (key) => get(key) !== undefined };
}
// Built on first use, per mode (a command start-up cost otherwise; most runs use one mode).
const byMode: { 32?: NeedTable; 64?: NeedTable } = {};
const tableFor = (mode: 32 | 64): NeedTable => (byMode[mode] ??= index(FEATURE_GROUPS[mode]));

/** The CPU has extension `ext`: some instruction `.noEXT` takes away is one the CPU has. */
let cpuExts: Map<string, Set<string>> | undefined;
function cpuHas(cpu: string, ext: string): boolean {
  if (!cpuExts) {
    cpuExts = new Map();
    // 64-bit code was measured with the CPUs that have long mode only.
    for (const g of [...FEATURE_GROUPS[32].map((x) => [x, false] as const), ...FEATURE_GROUPS[64].map((x) => [x, true] as const)]) {
      const lacking = new Set(split(g[0].cpus));
      for (const [c, info] of CPUS) {
        if (lacking.has(c) || (g[1] && !info.lm)) continue;
        const e = cpuExts.get(c) ?? new Set<string>();
        for (const x of split(g[0].nos)) e.add(x);
        cpuExts.set(c, e);
      }
    }
  }
  return cpuExts.get(cpu)?.has(ext) ?? false;
}

/** Has the state extension `ext` (with no CPU chosen, GNU accepts everything not taken away)? */
function has(s: ArchState, ext: string): boolean {
  if (s.removed?.includes(ext)) return false;
  return s.cpu === undefined || (s.added?.includes(ext) ?? false) || cpuHas(s.cpu, ext);
}

/**
 * `.arch .EXT`/`.arch .noEXT` (and -march=...+EXT; `written` as given): GNU adds it to the name
 * it reports only when the instruction set changes (measured: `-march=i686+nosse` stays `i686`).
 */
export function withExtension(s: ArchState, ext: string, disable: boolean, written: string): ArchState {
  if (has(s, ext) !== disable) return s;
  const sub = `${s.sub ?? ''}.${written}`;
  return disable
    ? { ...s, sub, removed: [...(s.removed ?? []), ext], added: (s.added ?? []).filter((e) => e !== ext) }
    : { ...s, sub, added: [...(s.added ?? []), ext], removed: (s.removed ?? []).filter((e) => e !== ext) };
}

/** GNU's name for the state in messages: the CPU (default i386 or x86_64) and the extensions changed since. */
function archName(s: ArchState, mode: Mode): string {
  return (s.cpu ?? (mode === 64 ? 'x86_64' : 'i386')) + (s.sub ?? '');
}

/** The name GNU reports: the mnemonic as written, less a size suffix its table entry is named without. */
function reported(mn: string, formMnem: string, need: Need, table: NeedTable): string {
  const measured = REPORTED_AS[table === byMode[64] ? 64 : 32][mn];
  if (measured !== undefined) return measured;
  const base = mn.slice(0, -1);
  return mn !== formMnem && /[bwlq]$/.test(mn) && [base, `${base}/vex`].some((k) => table.get(k) === need) ? base : mn;
}

const CLASSES = ['', '/vex', '/xop', '/evex'];

function lacks(s: ArchState, need: Need): boolean {
  return (s.cpu !== undefined && need.cpus.has(s.cpu) && !need.ens.some((e) => s.added?.includes(e)))
    || need.nos.some((e) => s.removed?.includes(e));
}

/**
 * Refuses an instruction the CPU in force lacks, with GNU's message. Returns whether some CPU
 * lacks it (such a line's outcome depends on the `.arch` state: not to be replayed from a cache).
 */
export function archCheck(asm: Assembly, mnemonic: string, formMnem: string, enc: Encoded): boolean {
  const table = tableFor(asm.mode === 64 ? 64 : 32);
  const cls = encodingClass(enc.bytes, asm.mode);
  const key = (m: string): string => (cls === 'legacy' ? m : `${m}/${cls}`);
  const mn = table.has(key(mnemonic)) ? mnemonic : formMnem;
  const need = table.get(key(mn));
  const s = asm.arch.cur;
  if (!need || !lacks(s, need)) return need !== undefined;
  const name = reported(mnemonic, formMnem, need, table);
  // Another encoding of the mnemonic the CPU has (bextr: BMI as VEX, TBM as XOP): GNU tried
  // that one's operands instead.
  const other = CLASSES.some((c) => c !== (cls === 'legacy' ? '' : `/${cls}`) && table.has(mn + c) && !lacks(s, table.get(mn + c)!));
  const msg = other ? `operand type mismatch for \`${name}'`
    : need.unsupported ? `unsupported instruction \`${name}'`
    : `\`${name}' is not supported on \`${archName(s, asm.mode)}'`;
  throw new AsmError(asm.loc, msg);
}

const LEGACY = new Set([0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65]);
/** `legacy`, or `vex`/`xop`/`evex` from the first byte after the legacy and REX prefixes. */
function encodingClass(b: Uint8Array, mode: Mode): string {
  let i = 0;
  while (i < b.length && (LEGACY.has(b[i]) || (mode === 64 && (b[i] & 0xf0) === 0x40))) i++;
  return b[i] === 0xc4 || b[i] === 0xc5 ? 'vex' : b[i] === 0x8f && (b[i + 1] & 0x18) === 0x08 ? 'xop' : b[i] === 0x62 && mode === 64 ? 'evex' : 'legacy';
}
