/*
 * xmc.S - the rule of SDM Vol.3A 8.1.3 in its smallest form (x86-64, --cpus 2).
 * CPU 1 rewrites the immediate of `movl $1, %eax` at `patched` to 2, then sets `flag`.
 * CPU 0 waits for the flag and runs `patched`.  Without a serializing instruction in
 * between, CPU 0 may still run the old bytes (the default run shows the oldest value:
 * result = 1); with -D SERIALIZE it executes cpuid first and must see the new ones
 * (result = 2).
 */
	.text
	.globl _start
_start:
	rdpid %rax
	testl %eax, %eax
	jnz writer
1:	cmpl $0, flag(%rip)			/* CPU 0: wait for the writer */
	je 1b
#ifdef SERIALIZE
	xorl %eax, %eax
	cpuid					/* serializing: later fetches see the new code */
#endif
patched:
	movl $1, %eax
	movl %eax, result(%rip)
	hlt

writer:
	movb $2, patched+1(%rip)		/* the immediate's low byte */
	movl $1, flag(%rip)
	hlt

	.data
flag:	.long 0
result:	.long 0
