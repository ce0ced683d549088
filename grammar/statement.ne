# One AT&T statement as GNU as reads it: labels, then an instruction, a directive or `sym = expr`.
# Tokens come from src/asm/lexer.ts via the token-array adapter in src/asm/token-stream.ts;
# parse.ts retags directive names (%dname) and prefix mnemonics (%prefix) before parsing.
# Post-processors build src/asm/ast.ts nodes holding token indices only (shape, not values),
# so a parse can be reused for every statement with the same token-type sequence.
# Expression precedence is GNU as's (expr.c op_rank): unary > * / % << >> > | & ^ ! > + -
# > == != <> < > <= >= > && > ||, all binary operators left-associative.

@preprocessor typescript
@{%
import { tokenStream as lexer } from './token-stream.js';
const ix = (d: any) => d[0].i;
const opTok = (x: any) => (Array.isArray(x) ? x[0] : x);
const bin = (d: any) => ({ k: 'bin', op: opTok(d[1]).value === '<>' ? '!=' : opTok(d[1]).value, a: d[0], b: d[2] });
%}
@lexer lexer

statement -> label:* body:?            {% (d) => ({ labels: d[0], body: d[1] ?? undefined }) %}

label -> %ident %colon                 {% ix %}
       | %num %colon                   {% ix %}

body -> insn                           {% id %}
      | directive                      {% id %}
      | %ident %assign expr            {% (d) => ({ k: 'set', sym: d[0].i, e: d[2] }) %}

insn -> %prefix:* %ident operands:?    {% (d) => ({ k: 'insn', prefixes: d[0].map((t: any) => t.i), mn: d[1].i, ops: d[2] ?? null }) %}

operands -> operand                    {% (d) => ({ head: d[0] }) %}
          | operands %comma operand    {% (d) => ({ head: d[2], tail: d[0] }) %}

operand -> %dollar expr                {% (d) => ({ k: 'imm', e: d[1] }) %}
         | %reg                        {% (d) => ({ k: 'reg', t: d[0].i, ind: false }) %}
         | %star %reg                  {% (d) => ({ k: 'reg', t: d[1].i, ind: true }) %}
         | mem                         {% (d) => ({ ...d[0], ind: false }) %}
         | %star mem                   {% (d) => ({ ...d[1], ind: true }) %}
         | %reg %colon %star memref    {% (d) => ({ ...d[3], seg: d[0].i, ind: true }) %}

mem -> %reg %colon memref              {% (d) => ({ ...d[2], seg: d[0].i }) %}
     | memref                          {% id %}

memref -> expr                         {% (d) => ({ k: 'mem', disp: d[0], paren: false }) %}
        | expr:? %lparen baseidx %rparen {% (d) => ({ k: 'mem', ...(d[0] ? { disp: d[0] } : {}), ...d[2], paren: true }) %}

baseidx -> %reg                        {% (d) => ({ base: d[0].i }) %}
         | %reg:? %comma %reg          {% (d) => ({ ...(d[0] ? { base: d[0].i } : {}), index: d[2].i }) %}
         | %reg:? %comma %reg %comma expr {% (d) => ({ ...(d[0] ? { base: d[0].i } : {}), index: d[2].i, scale: d[4] }) %}
         | %reg:? %comma %reg %comma   {% (d) => ({ ...(d[0] ? { base: d[0].i } : {}), index: d[2].i }) %}
         | %reg:? %comma expr          {% (d) => ({ ...(d[0] ? { base: d[0].i } : {}), scale: d[2] }) %}

directive -> %dname                    {% (d) => ({ k: 'dir', name: d[0].i, args: [] }) %}
           | %dname dargs              {% (d) => ({ k: 'dir', name: d[0].i, args: d[1] }) %}

# Argument and operand lists are cons lists (last element first) that parse.ts flattens once per
# statement: copying an array at each comma, or flattening in a post-processor that runs at every
# column, made a long `.byte` list quadratic in time and memory (Earley keeps every partial result).
dargs -> darg                          {% (d) => ({ head: d[0] }) %}
       | dargs %comma dargE            {% (d) => ({ head: d[2], tail: d[0] }) %}

dargE -> null                          {% () => ({ k: 'empty' }) %}
       | darg                          {% id %}

darg -> expr                           {% id %}
      | %string                        {% (d) => ({ k: 'str', t: d[0].i }) %}
      | %at %ident                     {% (d) => ({ k: 'at', t: d[1].i }) %}
      | %reg                           {% (d) => ({ k: 'regarg', t: d[0].i }) %}

expr -> oror                           {% id %}
oror -> oror %oror andand              {% bin %}
      | andand                         {% id %}
andand -> andand %andand cmp           {% bin %}
        | cmp                          {% id %}
cmp -> cmp (%eqeq | %ne | %lt | %gt | %le | %ge) add {% bin %}
     | add                             {% id %}
add -> add (%plus | %minus) bit        {% bin %}
     | bit                             {% id %}
bit -> bit (%pipe | %amp | %caret | %bang) mul {% bin %}
     | mul                             {% id %}
mul -> mul (%star | %slash | %percent | %shl | %shr) unary {% bin %}
     | unary                           {% id %}
unary -> (%minus | %tilde | %bang | %plus) unary {% (d) => ({ k: 'un', op: d[0][0].value, a: d[1] }) %}
       | primary                       {% id %}
primary -> %num                        {% (d) => ({ k: 'num', t: d[0].i }) %}
         | %char                       {% (d) => ({ k: 'num', t: d[0].i }) %}
         | %ident                      {% (d) => ({ k: 'sym', t: d[0].i }) %}
         | %lparen expr %rparen        {% (d) => d[1] %}
         | %lbrack expr %rbrack        {% (d) => d[1] %}
