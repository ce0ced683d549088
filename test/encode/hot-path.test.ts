// The encoder's hot-path machinery against the plain code it stands in for: its copies of the table
// rows (enc-forms.ts) against the table, the per-shape candidate memo (CandList) against findMatch
// over every candidate, and the reused output buffer (bytes.ts) against aliasing. Bytes are GNU
// as 2.40's (measured with `as --64`).

import { describe, expect, it } from 'vitest';
import { FORMS } from '../../src/isa/index.js';
import { encForm } from '../../src/encode/enc-forms.js';
import { encodeInstruction } from '../../src/encode/index.js';
import { CandList, candidatesInMode, findMatch, findMatchIn, type Ctx } from '../../src/encode/match.js';
import { parseLine } from './line-parser.js';

describe('the encoder copies of table rows', () => {
  it('carry every field of every row, with the same values', () => {
    for (const f of FORMS) {
      const c = encForm(f);
      expect(encForm(f)).toBe(c); // one copy per row
      for (const k of Object.keys(f) as (keyof typeof f)[]) {
        if (k === 'operands') expect(c.operands.map((d) => ({ ...d }))).toEqual(f.operands.map((d) => ({ ...d })));
        else if (k === 'modrm') expect({ ...c.modrm }).toEqual({ ...f.modrm });
        else expect(c[k], `${f.id}.${k}`).toBe(f[k]);
      }
      // Nothing but the row's fields (those it lacks are present as undefined).
      for (const k of Object.keys(c)) if (!(k in f)) expect((c as unknown as Record<string, unknown>)[k], `${f.id}.${k}`).toBeUndefined();
    }
  });
});

describe('candidates memoized per operand shape', () => {
  const lines = ['mov %eax,%ebx', 'mov $1,%eax', 'mov 8(%rsp),%rax', 'movq $-1,(%rax)', 'add $0x80,%al', 'shl %eax', 'imul $3,%eax',
    'push %fs', 'in $0x60,%al', 'out %al,(%dx)', 'jmp *%rax', 'call foo', 'lea 4(%rax,%rbx,2),%ecx', 'xchg %eax,%eax', 'test %al,(%rsi)'];
  it('find the row and size findMatch finds among all candidates', () => {
    for (const line of lines) {
      const insn = parseLine(line);
      const ops = insn.operands;
      const cands = candidatesInMode(insn.mnemonic, 64);
      const list = new CandList(cands, 64);
      const ctx: Ctx = { mode: 64, movabs: false, addr32: false, ignoreRegSize: false, noGpr: !ops.some((o) => o.kind === 'reg' && o.reg.cls === 'gpr'), sized: true };
      const a = findMatch(cands, ops, ctx);
      const b = findMatchIn(list, ops, ctx);
      expect(b?.form.id, line).toBe(a?.form.id);
      expect(b?.size, line).toBe(a?.size);
      // The second time from the memo: the same answer.
      expect(findMatchIn(list, ops, ctx)?.form.id, line).toBe(a?.form.id);
    }
  });
});

describe('the reused output buffer', () => {
  it('leaves earlier results alone', () => {
    const first = encodeInstruction(parseLine('movabs $0x1122334455667788,%rax'), { mode: 64 });
    const copy = Buffer.from(first.bytes).toString('hex');
    encodeInstruction(parseLine('lock addl $0x7fffffff,%fs:0x12345678(%r12,%r13,8)'), { mode: 64 });
    expect(Buffer.from(first.bytes).toString('hex')).toBe(copy);
    expect(copy).toBe('48b88877665544332211');
    expect(first.fixups).toEqual([]);
  });
});
