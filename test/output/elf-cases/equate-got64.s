.set a, b
 movq a@GOTPCREL(%rip), %rax
.globl c
.set c, d
 movq c@GOTPCREL(%rip), %rax
