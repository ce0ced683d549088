// The statement tree the grammar builds. It holds token INDICES, never token text, so one tree
// describes every statement of the same shape (`movl %eax,%ebx` and `addq %rcx,%rdx` share one)
// and parse.ts can reuse it; the values are read from the statement's own token array.

export type BinOp =
  | '*' | '/' | '%' | '<<' | '>>'
  | '|' | '&' | '^' | '!'
  | '+' | '-'
  | '==' | '!=' | '<' | '>' | '<=' | '>='
  | '&&' | '||';
export type UnOp = '-' | '~' | '!' | '+';

export type Expr =
  | { readonly k: 'num'; readonly t: number } // number, char constant or numeric label ref (1f/1b)
  | { readonly k: 'sym'; readonly t: number } // symbol, or '.' for the current location
  | { readonly k: 'un'; readonly op: UnOp; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: BinOp; readonly a: Expr; readonly b: Expr };

export type Operand =
  | { readonly k: 'imm'; readonly e: Expr }
  | { readonly k: 'reg'; readonly t: number; readonly ind: boolean }
  | {
      readonly k: 'mem';
      readonly seg?: number;
      readonly disp?: Expr;
      readonly base?: number;
      readonly index?: number;
      readonly scale?: Expr;
      readonly ind: boolean;
      /** A parenthesised base/index part was written. */
      readonly paren: boolean;
    };

/** A directive argument: an expression, a string, `@type`, `%type`, or nothing (`.p2align 4,,5`). */
export type DirArg =
  | Expr
  | { readonly k: 'str'; readonly t: number }
  | { readonly k: 'at'; readonly t: number }
  | { readonly k: 'regarg'; readonly t: number }
  | { readonly k: 'empty' };

export type Body =
  | { readonly k: 'insn'; readonly prefixes: readonly number[]; readonly mn: number; readonly ops: readonly Operand[] }
  | { readonly k: 'dir'; readonly name: number; readonly args: readonly DirArg[] }
  | { readonly k: 'set'; readonly sym: number; readonly e: Expr };

export interface Stmt {
  /** Token indices of label names (`foo:` or `1:`). */
  readonly labels: readonly number[];
  readonly body?: Body;
}
