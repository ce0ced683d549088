# A small x86-64 program in GNU as syntax: write(1, msg, len); exit(0).
# Assemble:  npx x86lab as -f json examples/hello.s      (or -f bin -o hello.bin)

	.text
	.globl	_start
	.type	_start, @function
_start:
	movl	$1, %eax		# write
	movl	$1, %edi		# fd 1
	leaq	msg(%rip), %rsi
	movl	$len, %edx
	syscall
	testq	%rax, %rax
	js	1f
	xorl	%edi, %edi		# status 0
	jmp	2f
1:	movl	$1, %edi
2:	movl	$60, %eax		# exit
	syscall
	.size	_start, . - _start

	.section .rodata
msg:	.ascii	"Hello, world\n"
	len = . - msg
