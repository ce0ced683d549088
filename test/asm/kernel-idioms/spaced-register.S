/* Linux 6.8 CLEAR_CPU_BUFFERS: ALTERNATIVE "", __stringify(verw _ASM_RIP(mds_verw_sel)), ...
   gcc's stringification writes `verw mds_verw_sel (% rip)`; GNU takes one blank after the
   register prefix wherever a register may start, and `%` stays modulo in expressions. */
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define _ASM_RIP(x)		x(%rip)

	.macro ALT newinstr
	.pushsection .altinstr_replacement,"ax"
	\newinstr
	.popsection
	.endm

	.text
	ALT __stringify(verw _ASM_RIP(mds_verw_sel))
	ALT "movq % rax, % rbx"
	mov (% rax, % rbx, 2), % ecx
	jmp *% rax
	mov % gs:8, %eax
	.long 7 % 3
	movl $(7 % 3), %eax
