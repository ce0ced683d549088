# modes: 64
# bnd on instructions that are not near branches, and twice.
bnd loop 1f
bnd jecxz 1f
bnd ljmp *(%rax)
bnd syscall
bnd nop
bnd rep ret
bnd bnd ret
bnd lretq
1:
