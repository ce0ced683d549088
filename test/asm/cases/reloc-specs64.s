# modes: 64
# Relocation specifiers (sym@PLT, @GOTPCREL, TLS models) in 64-bit code.
call foo@PLT
jmp foo@PLT
call foo@plt
movq foo@GOTPCREL(%rip),%rax
movq %fs:foo@tpoff,%rax
movq foo@gottpoff(%rip),%rax
leaq foo@tlsgd(%rip),%rdi
leaq foo@tlsld(%rip),%rdi
leaq foo@dtpoff(%rax),%rdi
call bar@PLT
.quad foo@GOTOFF
.quad foo@dtpoff
.long foo@tpoff
.long foo@GOTPCREL+4
bar: ret
movl foo@GOTPCREL(%rip),%eax
call *foo@GOTPCREL(%rip)
addq foo@GOTPCREL(%rip),%rax
leaq foo@GOTPCREL(%rip),%rax
