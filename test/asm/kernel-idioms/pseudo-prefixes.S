/* GNU's pseudo-prefixes as hand-tuned code uses them: pick the load/store form of a register
   move, a disp8/disp32 field, a rel32 branch that is never shortened. */
.text
1:	{load} mov %eax, %ebx
	{store} mov %eax, %ebx
	{load} add %rcx, %r9
	{disp8} movq (%rax), %rbx
	{disp8} movq 0x100(%rax), %rbx
	{disp32} movq 8(%rsp,%rcx,8), %rbx
	{disp32} movl %eax, (%rbp)
	{disp32} jmp 1b
	{disp32} jz 1b
	{disp8} {load} mov 0(%rdi), %esi
	{nooptimize} movq $1, %rax
	{disp32} call external
	ret
