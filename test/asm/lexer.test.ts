// The lexer and grammar contract: every %token the grammar names exists in the lexer (nearley's
// has() would accept a misspelt one silently with moo), the fast scanner yields exactly moo's
// tokens, and every statement shape parses in exactly one way.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_TYPES, tokenize, tokenizeMoo } from '../../src/asm/lexer.js';
import { isParsed, parseStatement, parseStats } from '../../src/asm/parse.js';
import { tokenStream } from '../../src/asm/token-stream.js';

const grammarText = readFileSync(join(import.meta.dirname, '..', '..', 'grammar', 'statement.ne'), 'utf8');

describe('grammar tokens', () => {
  const named = [...new Set([...grammarText.matchAll(/%([a-z]+)/g)].map((m) => m[1]))];
  it('the grammar names some tokens', () => expect(named.length).toBeGreaterThan(20));
  for (const t of named) {
    it(`%${t} is a lexer token type`, () => {
      expect(TOKEN_TYPES).toContain(t);
      expect(tokenStream.has(t)).toBe(true);
    });
  }
  it('has() rejects unknown types', () => expect(tokenStream.has('nosuchtoken')).toBe(false));
  it('every moo token type can be produced', () => {
    const sample = "%eax 12 'c \"s\" foo || && << >> <= >= != <> == < > = ( ) , : $ * + - / % & | ^ ~ ! @ [";
    const seen = new Set(tokenizeMoo(sample).map((t) => t.type));
    for (const t of TOKEN_TYPES.filter((x) => !['dname', 'prefix', 'lbrack', 'rbrack'].includes(x))) expect(seen, t).toContain(t);
  });
});

/** xorshift32, so the fuzz corpus is the same on every run. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

describe('fast scanner', () => {
  it('yields exactly the moo lexer tokens (50,000 random statements)', () => {
    const alphabet = ['%', 'a', 'Z', '_', '.', '$', '0', '1', '9', 'x', 'b', 'f', 'B', ' ', '\t', '(', ')', ',', ':', '<', '>', '=', '!', '|', '&', '*', '+', '-', '/', '^', '~', '@', '#', '[', 'é', 'e', 'X', '2', 'r', '"', "'", '\\', '7'];
    const r = rng(99);
    const bad: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let s = '';
      const len = 1 + Math.floor(r() * 14);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      const a = JSON.stringify(tokenize(s).map((t) => [t.type, t.value, t.offset]));
      const b = JSON.stringify(tokenizeMoo(s).map((t) => [t.type, t.value, t.offset]));
      if (a !== b) bad.push(s);
    }
    expect(bad).toEqual([]);
  });
  it('numbers: hex, binary, octal, decimal and local label references', () => {
    const t = tokenize('0x1F 0b101 017 42 1f 2b 0b 0x 08 1fz');
    expect(t.map((x) => `${x.type}:${x.value}`)).toEqual([
      'num:0x1F', 'num:0b101', 'num:017', 'num:42', 'num:1f', 'num:2b', 'num:0b', 'num:0', 'ident:x', 'num:08', 'num:1', 'ident:fz',
    ]);
  });
});

describe('statement grammar', () => {
  const statements = [
    '', 'foo:', '.Lfoo:', '1:', 'a: b: nop', '1: jmp 1b', 'jmp 1f',
    'movl %eax, %ebx', 'lock addl $1, %fs:4(%rax,%rbx,8)', 'rep movsb', 'rep', 'movsb %ds:(%rsi), %es:(%rdi)',
    'mov (,%rax,4), %eax', 'mov 8(,%rax), %eax', 'mov (%rax,%rbx), %eax', 'leaq sym(%rip), %rax', 'jmp *%rax', 'call *8(%rax)',
    'jmp *foo(,%rax,8)', 'ljmp $0x10, $1f', 'movl $-1<<3|~2, (%rax)', 'movl $(1+2)*3, %eax', 'movl (4)(%eax), %eax',
    'x = 1 + 2 * 3', '.set x, . - 4', '.section .text,"ax",@progbits', '.type f,%function', '.type f, @object', '.p2align 4,,5',
    '.byte 1, 2, 3', '.ascii "a", "b"', '.long a % b, b%a', '.long 1 || 2 && 3 == 4 <> 5 <= 6 >= 7 < 8 > 9 + 10 - 11 | 12 & 13 ^ 14 ! 15 * 16 / 17 % 18 << 19 >> 20',
    '.long -~!+1', "movb $'a, %al", 'int3', 'nop # not a comment here',
  ];
  for (const s of statements) {
    it(`parses \`${s}\` in exactly one way`, () => {
      const p = parseStatement(s.replace(/#.*/, ''));
      expect(isParsed(p)).toBe(true);
    });
  }
  it('reuses the parse of a statement shape (memo)', () => {
    parseStatement('addq %r12, %r13');
    const runs = parseStats.nearleyRuns;
    for (const r of ['rax', 'rbx', 'rcx', 'rdx']) parseStatement(`subq %${r}, %rsi`);
    expect(parseStats.nearleyRuns).toBe(runs);
  });
  it('builds trees with the GNU precedence', () => {
    const p = parseStatement('.long 1 + 2 << 3 == 17 && 1 || 0');
    expect(isParsed(p)).toBe(true);
    if (!isParsed(p)) return;
    const body = p.stmt.body!;
    expect(body.k).toBe('dir');
    const e = (body as unknown as { args: unknown[] }).args[0] as { op: string; a: { op: string; a: { op: string; a: { op: string; b: { op: string } } } } };
    expect(e.op).toBe('||');
    expect(e.a.op).toBe('&&');
    expect(e.a.a.op).toBe('==');
    expect(e.a.a.a.op).toBe('+');
    expect(e.a.a.a.b.op).toBe('<<');
  });
  it('reports where a statement stops parsing', () => {
    const p = parseStatement('.long 1 2');
    expect(isParsed(p)).toBe(false);
    if (!isParsed(p)) expect(p.at?.value).toBe('2');
  });
});
