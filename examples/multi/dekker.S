/*
 * dekker.S - Dekker-style mutual exclusion on 2 CPUs (x86-64, --cpus 2): each CPU raises
 * its flag, then enters the critical section only if the other's flag is down; if not,
 * it lowers its flag, waits, and tries again.  Inside, it counts itself in `inside` and
 * records a violation when the other CPU is there too.
 *
 * The store of the flag and the load of the other flag must not be reordered, which x86
 * allows (SDM Vol.3A 8.2.3.4: loads may be reordered with older stores to other
 * locations): the store waits in the store buffer.  mfence between them forbids it.
 * -D NO_MFENCE drops the mfence; under --tso the explorer holds the flag store in the
 * store buffer and finds both CPUs inside:
 *
 *   x86lab explore --cpus 2 --tso --expect violations=0 examples/multi/dekker.S
 *   x86lab explore --cpus 2 --tso --expect violations=0 -D NO_MFENCE examples/multi/dekker.S
 *
 * Without --tso (sequential consistency) both variants pass.
 */
#define ROUNDS	2

	.text
	.globl _start
_start:
	rdpid %rbx				/* this CPU: 0 or 1 */
	leaq flags(%rip), %rsi
	movl %ebx, %edi
	xorl $1, %edi				/* the other CPU */
	movl $ROUNDS, %r12d
again:
	movl $1, (%rsi,%rbx,4)			/* my flag up */
#ifndef NO_MFENCE
	mfence
#endif
	cmpl $0, (%rsi,%rdi,4)			/* the other's flag */
	je enter
	movl $0, (%rsi,%rbx,4)			/* back off */
	movl $30, %ecx
1:	decl %ecx
	jnz 1b
	jmp again
enter:
	lock incl inside(%rip)
	cmpl $1, inside(%rip)
	je 2f
	lock incl violations(%rip)		/* both CPUs in the critical section */
2:	movl $10, %ecx
3:	decl %ecx
	jnz 3b
	lock decl inside(%rip)
	movl $0, (%rsi,%rbx,4)			/* my flag down */
	movl $30, %ecx
4:	decl %ecx
	jnz 4b
	decl %r12d
	jnz again
done:
	hlt

	.data
	.balign 8
flags:		.long 0, 0
inside:		.long 0
violations:	.long 0
