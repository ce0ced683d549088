.set a, b
 movl a@GOT(%ebx), %eax
.globl c
.set c, d
 movl c@GOT(%ebx), %eax
