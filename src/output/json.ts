// `-f json`: the whole assembly as one JSON document, for tools and tests.
// Numbers that fit in a JS number are numbers; larger 64-bit values are decimal strings.
//
//   { "file": "x.s", "mode": 64,
//     "sections":    [{ "name": ".text", "flags": "ax", "type": "progbits", "align": 16, "size": 12,
//                       "hex": "4889e5..." }, ...]                 // every section, nobits: hex ""
//     "symbols":     [{ "name": "foo", "section": ".text", "value": 0, "binding": "global",
//                       "type"?: "function", "size"?: 12, "visibility"?: "hidden" }, ...]
//                     // local labels too (numeric ones as ".L1\u00022"); "*UND*", "*ABS*", "*COM*"
//     "relocations": [{ "section": ".text", "offset": 1, "type": "R_X86_64_PLT32",
//                       "symbol": "ext", "addend": -4 }, ...]      // what GNU leaves to the linker;
//                     // local targets are named by their section, as GNU does; on i386 (REL) the
//                     // addend is also what the section bytes hold
//     "listing":     [{ "file": "x.s", "line": 3, "section": ".text", "offset": 0, "hex": "55" }, ...]
//                     // one record per source line that emitted bytes, in emission order
//     "warnings":    [{ "file": "x.s", "line": 7, "message": "..." }] }

import type { AssembleResult } from '../asm/result.js';

function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

function num(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

export interface JsonOptions {
  readonly file: string;
}

/** The JSON document (as a plain object, so tests can compare fields). */
export function toJsonObject(r: AssembleResult, opts: JsonOptions): unknown {
  const bySec = new Map(r.sections.map((s) => [s.name, s]));
  return {
    file: opts.file,
    mode: r.mode,
    sections: r.sections.map((s) => ({
      name: s.name,
      flags: s.flags,
      type: s.type,
      align: s.align,
      size: s.size,
      ...(s.entsize !== undefined ? { entsize: s.entsize } : {}),
      hex: s.type === 'nobits' ? '' : hex(s.bytes),
    })),
    symbols: r.symbols.map((s) => ({
      name: s.name,
      section: s.section,
      value: num(s.value),
      binding: s.binding,
      ...(s.type ? { type: s.type } : {}),
      ...(s.size !== undefined ? { size: num(s.size) } : {}),
      ...(s.visibility ? { visibility: s.visibility } : {}),
    })),
    relocations: r.relocations.map((x) => ({
      section: x.section,
      offset: x.offset,
      type: x.type,
      symbol: x.symbol,
      addend: num(x.addend),
    })),
    listing: r.listing.map((l) => {
      const s = bySec.get(l.section)!;
      return {
        file: l.file,
        line: l.line,
        section: l.section,
        offset: l.offset,
        hex: s.type === 'nobits' ? '00'.repeat(l.size) : hex(s.bytes.subarray(l.offset, l.offset + l.size)),
      };
    }),
    warnings: r.diagnostics.filter((d) => d.severity !== 'error').map((d) => ({ file: d.loc.file, line: d.loc.line, message: d.message })),
  };
}

export function toJson(r: AssembleResult, opts: JsonOptions): string {
  return JSON.stringify(toJsonObject(r, opts), null, 1) + '\n';
}
