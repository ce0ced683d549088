/*
 * spinlock.S - every CPU adds 1 to `counter` ROUNDS times, each time inside a spin
 * lock (x86-64; run with --cpus 2 or more).  The critical section is a load, some work
 * and a store, so two CPUs inside it at once lose an update.
 *
 * The lock is taken with `lock btsl` (an atomic test-and-set).  -D NO_LOCK drops the
 * lock prefix: a read-modify-write of memory without lock is not atomic (SDM Vol.3A
 * 8.1.2: only locked operations are), so two CPUs may both read the bit as 0 and both
 * enter.  The explorer tries each such btsl split between its read and its write (a
 * T~C schedule item) and finds the lost update:
 *
 *   x86lab explore --cpus 2 --expect counter=6 examples/multi/spinlock.S            # passes
 *   x86lab explore --cpus 2 --expect counter=6 -D NO_LOCK examples/multi/spinlock.S  # fails
 *
 * Each CPU ends halted at done; counter = CPUs * ROUNDS; ids holds each CPU's APIC ID
 * bit as read with rdpid (IA32_TSC_AUX = the CPU number).
 */
#define ROUNDS	3
#define WORK	20

	.text
	.globl _start
_start:
	rdpid %rax				/* this CPU's number */
	movl $1, %edx
	movl %eax, %ecx
	shll %cl, %edx
	lock orl %edx, ids(%rip)
	movl $ROUNDS, %r12d
1:	call spin_lock
	movq counter(%rip), %rax		/* critical section: load ... */
	movl $WORK, %ecx
2:	decl %ecx				/* ... work ... */
	jnz 2b
	incq %rax
	movq %rax, counter(%rip)		/* ... store */
	call spin_unlock
	decl %r12d
	jnz 1b
done:
	hlt

spin_lock:
#ifdef NO_LOCK
1:	btsl $0, slock(%rip)
#else
1:	lock btsl $0, slock(%rip)
#endif
	jnc 3f
2:	pause					/* wait until it looks free, then try again */
	testl $1, slock(%rip)
	jnz 2b
	jmp 1b
3:	ret

spin_unlock:
	movl $0, slock(%rip)			/* a store releases: stores are not reordered with older accesses */
	ret

	.data
	.balign 8
counter:	.quad 0
slock:		.long 0
ids:		.long 0
