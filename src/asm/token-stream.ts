// Adapts a pre-lexed token array to the lexer interface nearley expects, so the grammar sees
// exactly the tokens parse.ts prepared (whitespace dropped, directive names and prefixes retagged).

import { TOKEN_TYPES, type Tok } from './lexer.js';

const known = new Set(TOKEN_TYPES);

class TokenStream {
  private toks: readonly Tok[] = [];
  private pos = 0;
  reset(chunk: unknown): void {
    this.toks = chunk as readonly Tok[];
    this.pos = 0;
  }
  next(): Tok | undefined {
    return this.toks[this.pos++];
  }
  save(): Record<string, never> {
    return {};
  }
  formatError(tok: Tok): string {
    return `unexpected ${tok.type} '${tok.value}'`;
  }
  /** Unlike moo's, this answers only for types that exist, so a misspelt %token fails the build test. */
  has(type: string): boolean {
    return known.has(type);
  }
}

export const tokenStream = new TokenStream();
