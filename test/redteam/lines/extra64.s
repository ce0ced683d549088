.text
start:
1:
addr32 call ext_func
addr32 jmp ext_func
addr32 jmp 1f
addr32 jne 1f
1:
cs je 1b
ds jne ext_func
fs jmp 1b
gs jmp ext_func
addr32 loop 1b
addr32 jrcxz 1b
addr32 jecxz 1b
data16 call ext_func
data16 jmp 1b
rex64 jmp 1b
rex64 call ext_func
data16 je 1b
data16 je ext_func
lret $8
lret
retf
retf $4
retfq
retfw $2
iret
sysret
sysexit
mov 4(%rsp), %fs
mov %gs, (%rax)
movw (%rax), %ds
smsw (%rax)
str (%rax)
sldt (%rax)
pushf
popf
ret $8
nop
