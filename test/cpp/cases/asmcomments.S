#define OFF 8
# save registers: it's a comment with OFF in it
#save
 # OFF indented comment
	movl $'a, %eax   # it's OFF
	movb $'', %al  /* comment */ nop
	mov $'OFF, %eax
	mov $'OFF', %eax
	.ascii "OFF"
	mov OFF(%rsp), %rax // c++ comment OFF
	mov /* multi
	       line */ OFF(%rsp), %rbx
	nop /* one */ ; nop /* two */
	.byte 1 ; .byte 2
	$foo$ = 1
	.byte OFF$
#
#! not a directive
#pragma something
#ident "ident string"
# 99 "passed-through.S"
	.byte __LINE__
	a\
b = 1
	.long \
	  OFF
#define MULTI(a, b) a + b
	.long MULTI(1,
	  2)
	.long MULTI(
#if 1
	  3
#else
	  4
#endif
	  , 5)
	.byte __LINE__
#line 200
	.byte __LINE__
#line 300 "renamed.S"
	.byte __LINE__
	.ascii __FILE__
