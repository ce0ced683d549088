// Machine snapshots for the explorer: the whole state of a harness machine at an instruction
// boundary, cheap to take many times along one run and cheap to restore into another machine
// built from the same image.
//
// Memory is copied per 4 KiB page, and only when the page was written since the previous snapshot
// of the same run (Memory.trackWrites traps the first write to each page): consecutive snapshots
// share the copies of the pages nobody wrote, so a snapshot at every boundary of a run costs a few
// page copies per write, not per boundary. Restoring copies back only the pages whose content
// differs from what the target machine holds (it remembers which copy each page was last loaded
// from, and which pages it has written since), so a trial costs the pages it touches plus the
// remaining run — copy-on-write in effect, with no change to the executor's fast paths.
//
// CPU and system-model state are captured generically (every own field: numbers, typed arrays,
// plain records, arrays, maps), so fields added to Cpu or SystemModel later are carried too. The
// hooks that tie a CPU to its own machine (onException, interrupts, the model's boundary hooks) are
// not copied; the TLB is flushed on restore instead of copied. The event log is kept as a shared
// copy, renewed only at snapshots after an event was added.

import type { Cpu } from '../cpu/state.js';
import type { Memory, Page } from '../cpu/memory.js';
import type { SystemModel, SysEvent } from '../cpu/system/model.js';

export type Fields = [string, unknown][];

// handlers and profile are immutable values chosen when the machine is built: shared, never copied.
export const CPU_SKIP = new Set(['mem', 'onException', 'interrupts', 'tlbGen', 'handlers', 'profile']);
export const MODEL_SKIP = new Set(['cpu', 'events', 'onBoundary', 'afterBoundary']);

function isTyped(v: unknown): v is Int32Array | Float64Array | Uint8Array {
  return ArrayBuffer.isView(v);
}

function copyValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isTyped(v)) return (v as Int32Array).slice();
  if (Array.isArray(v)) return v.map(copyValue);
  if (v instanceof Map) return new Map(v);
  return { ...(v as object) };
}

export function capture(o: object, skip: Set<string>): Fields {
  const out: Fields = [];
  for (const k of Object.keys(o)) {
    if (skip.has(k)) continue;
    out.push([k, copyValue((o as Record<string, unknown>)[k])]);
  }
  return out;
}

/** Put captured fields back, in place where the target holds an object of the same shape. */
export function restoreFields(o: object, fields: Fields): void {
  const t = o as Record<string, unknown>;
  for (const [k, v] of fields) {
    const cur = t[k];
    if (v === null || typeof v !== 'object') { t[k] = v; continue; }
    if (isTyped(v)) { (cur as Int32Array).set(v as Int32Array); continue; }
    if (Array.isArray(v)) {
      if (Array.isArray(cur) && cur.length === v.length && v.every((x, i) => x !== null && typeof x === 'object' && typeof cur[i] === 'object' && cur[i] !== null)) {
        for (let i = 0; i < v.length; i++) Object.assign(cur[i] as object, v[i]);
      } else if (Array.isArray(cur) && v.every((x) => x === null || typeof x !== 'object')) {
        cur.length = 0;
        for (const x of v) cur.push(x);
      } else t[k] = copyValue(v);
      continue;
    }
    if (v instanceof Map) {
      const m = cur as Map<unknown, unknown>;
      m.clear();
      for (const [a, b] of v) m.set(a, b);
      continue;
    }
    if (cur !== null && typeof cur === 'object') Object.assign(cur, v);
    else t[k] = { ...(v as object) };
  }
}

/** Page contents at one boundary: page numbers and their (shared, never modified) copies. */
export interface MemShot { readonly nums: readonly number[]; readonly bytes: readonly Uint8Array[] }

/** The state of a machine at one instruction boundary (before the boundary's event poll). */
export interface Snapshot {
  readonly cpu: Fields;
  readonly model: Fields;
  readonly mem: MemShot;
  /** The event log so far (shared between snapshots while no event is added). */
  readonly events: readonly SysEvent[];
}

/**
 * Takes snapshots of one machine and restores snapshots (of it or of another machine built from the
 * same image) into it. Invariant after every take() and restore(): each page is clean (no write since
 * Memory.trackWrites) and `loaded` holds an immutable copy equal to its content, so a clean page is
 * never copied again and a page already holding the wanted copy is never rewritten.
 */
export class Snapshots {
  private readonly loaded = new Map<Page, Uint8Array>();
  private events: readonly SysEvent[] = [];
  constructor(private readonly cpu: Cpu, private readonly model: SystemModel) {}

  take(): Snapshot {
    const ev = this.model.events;
    if (ev.length !== this.events.length || (ev.length > 0 && ev[ev.length - 1] !== this.events[ev.length - 1])) this.events = ev.slice();
    const mem = this.cpu.mem;
    const nums: number[] = [];
    const bytes: Uint8Array[] = [];
    for (const [n, p] of mem.pages) {
      let c = this.loaded.get(p);
      if (c === undefined || p.dirty) { c = p.data.slice(); this.loaded.set(p, c); }
      nums.push(n);
      bytes.push(c);
    }
    mem.trackWrites();
    return { cpu: capture(this.cpu, CPU_SKIP), model: capture(this.model, MODEL_SKIP), mem: { nums, bytes }, events: this.events };
  }

  restore(s: Snapshot): void {
    const mem: Memory = this.cpu.mem;
    const { nums, bytes } = s.mem;
    for (let i = 0; i < nums.length; i++) {
      const p = mem.pages.get(nums[i]);
      if (p === undefined) throw new Error(`snapshot restore: page 0x${nums[i].toString(16)} is not mapped in the target machine`);
      const want = bytes[i];
      if (p.dirty || this.loaded.get(p) !== want) {
        mem.restorePage(p, want);
        this.loaded.set(p, want);
      }
    }
    mem.trackWrites();
    restoreFields(this.cpu, s.cpu);
    this.cpu.flushTlb();
    restoreFields(this.model, s.model);
    const ev = this.model.events;
    ev.length = 0;
    for (const e of s.events) ev.push(e);
    this.events = s.events;
  }
}
