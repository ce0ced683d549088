// The one shape of an event the harness reports: what `Machine.eventRecords()` returns, what the
// dump's "events" array holds, and (its `text`) the `**` line the trace prints. Addresses and frame
// words are hex strings (JSON cannot hold 64-bit numbers); docs/harness.md documents each field.

import { canonToBig } from '../cpu/state.js';
import type { SysEvent } from '../cpu/system/model.js';
import { eventText, type Symbolizer } from './trace.js';

export interface EventRecord {
  /** exception, nmi, interrupt, iret, nmi-latched, irq-latched, delivery-fault, double-fault, triple-fault, wake, unsupported. */
  readonly kind: SysEvent['kind'];
  /** Instructions retired when it happened. */
  readonly step: number;
  readonly vector?: number;
  /** Error code pushed (or, for a fault raised while delivering, the fault's error code). */
  readonly error_code?: number;
  /** RIP saved in the frame (the iret's own address for an iret), "0x…". */
  readonly from?: string;
  /** RIP after the event: handler entry, iret target. */
  readonly to?: string;
  /** Address of the frame's lowest word, and its words, lowest address first (error code first). */
  readonly frame_addr?: string;
  readonly frame?: readonly string[];
  /** The trace line for it (without the indentation). */
  readonly text: string;
}

function hx(v: bigint): string { return '0x' + v.toString(16); }

export function eventRecord(e: SysEvent, mode: 32 | 64, sym: Pick<Symbolizer, 'lookup'>): EventRecord {
  const mask = mode === 64 ? (1n << 64n) - 1n : 0xffffffffn;
  const addr = (a: number): string => hx(canonToBig(a) & mask);
  return {
    kind: e.kind,
    step: e.step,
    ...(e.vector !== undefined ? { vector: e.vector } : {}),
    ...(e.errorCode !== undefined ? { error_code: e.errorCode } : {}),
    ...(e.from !== undefined ? { from: addr(e.from) } : {}),
    ...(e.to !== undefined ? { to: addr(e.to) } : {}),
    ...(e.frameAddr !== undefined ? { frame_addr: addr(e.frameAddr), frame: (e.frame ?? []).map(hx) } : {}),
    text: eventText(e, mode, sym),
  };
}
