# BMI1, BMI2 and ADX in 64-bit code: VEX.W1 (64-bit operands), VEX.R/X/B for r8-r15 in each field,
# RIP-relative and relocated operands.
.text
andn %rax,%rbx,%rcx
andn %r8,%r9,%r10
andn (%r12,%r13,8),%r14,%r15
andnq foo(%rip),%rax,%rdx
andn %r8d,%eax,%r15d
bextr %r11,%r12,%r13
bextr %rax,0x40(%rsp),%rdi
bextrq %r9,foo,%rax
blsi %r8,%r9
blsi (%rax,%r11,2),%r12
blsmsk %rax,%r15
blsmskq (%r8),%rbx
blsr %r13d,%r14d
blsrq foo(%rip),%r10
bzhi %r11,%r12,%r13
bzhi %rax,(%rbx),%rcx
mulx %r8,%r9,%r10
mulx (%rax),%rbx,%rcx
mulxq -0x80(%rbp),%rdx,%rax
pdep %r8,%r9,%r15
pdepq 8(%rsp),%r11,%r11
pext %rax,%rbx,%rcx
pext (%r9),%r10d,%r11d
rorx $0x3f,%r8,%r9
rorx $0x45,(%rax),%rbx
rorxq $1,foo(%rip),%rax
sarx %r15,%r8,%r9
sarx %rcx,(%r12),%rdx
shlx %rax,%rbx,%rcx
shlx %r9d,%ebx,%ecx
shrx %r9,(%r8,%r9,8),%r10
shrxq %rax,bar,%rdx
adcx %rax,%rbx
adcx (%rax),%r8
adcxq foo(%rip),%r15
adox %r8,%r9
adox (%r12),%r13d
adoxq 0x1000(%rax,%rbx,1),%rcx
addr32 andn (%eax),%ebx,%ecx
fs andn (%rax),%rbx,%rcx
