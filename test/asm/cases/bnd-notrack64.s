# modes: 64
# bnd (f2) and notrack (3e) prefixes on branches.
bnd jmp *%rax
bnd ret
bnd call foo
bnd jmp lab
bnd call *%rax
bnd jmp *(%rax)
notrack jmp *%rax
notrack call *%rax
notrack call *(%rax)
notrack bnd jmp *%rax
bnd notrack jmp *%rax
bnd jne lab
lab: nop
