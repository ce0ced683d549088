# modes: 32
# Relocation specifiers (sym@PLT, @GOT, @GOTOFF, TLS models) in 32-bit code.
call foo@PLT
call bar@PLT
movl foo@GOT(%ebx),%eax
leal foo@GOTOFF(%ebx),%eax
leal bar@GOTOFF(%ebx),%eax
movl %gs:foo@ntpoff,%eax
movl foo@gotntpoff(%ebx),%eax
movl foo@indntpoff,%eax
leal foo@tlsgd(,%ebx,1),%eax
leal foo@tlsldm(%ebx),%eax
leal foo@dtpoff(%eax),%edx
movl $foo@tpoff,%eax
.long foo@GOTOFF
.long foo@GOTOFF+8
.long foo@dtpoff
bar: ret
