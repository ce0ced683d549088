/* object-like and function-like macros, # and ##, variadic */
#define REG(x) %r##x
#define REG32(x) %e##x
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define VAL 42
#define EMPTY
#define PUSH_ALL(...) .irp r, __VA_ARGS__; pushq %\r; .endr
#define CALL_ARGS(f, ...) call f __VA_OPT__(;) __VA_ARGS__
#define GNU_COMMA(fmt, args...) .byte fmt, ## args
#define LOOP LOOP + 1
#define F(x) G(x)
#define G(x) F(x) x
	mov REG(ax), REG32(bx)
	.ascii STR(hello   "world"  'c'  \n)
	.ascii XSTR(VAL)
	.ascii STR(VAL)
	.long CAT(V, AL), XCAT(V, AL)
	.long CAT(0x, 10), CAT(,VAL), CAT(VAL,)
	PUSH_ALL(rax, rbx, rcx)
	CALL_ARGS(foo)
	CALL_ARGS(foo, nop)
	GNU_COMMA(1)
	GNU_COMMA(1, 2, 3)
	.long LOOP
	.long F(1)
	mov EMPTY %eax, %ebx
	mov$VAL,%eax
	movl $VAL+VAL, VAL(%rsp)
	lea -VAL(%rbp,%rax,8), %rsi
#define f(x) [x]
#define g f
	.ascii "g(1)"
	g(2)
	f (3)
	f
	f x
#define ARGS 1, 2
#define TWO(a, b) .byte a; .byte b
#define APPLY(m, x) m(x)
#define APPLY2(m, x) m x
	APPLY2(TWO, (7, 8)) ; APPLY(XSTR, VAL)
#define PAREN (1)
	.byte f PAREN
#define H(x) #x
	.ascii H( a  +  b ), H(), H( "q\"r" ), H('x')
#define SELF SELF
	.long SELF
#define X1 X2 + 1
#define X2 X1 * 2
	.long X1
