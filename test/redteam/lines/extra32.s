.text
start:
1:
addr16 call ext_func
addr16 jmp ext_func
addr16 jmp 1f
addr16 jne 1f
1:
cs je 1b
ds jne ext_func
fs jmp 1b
es call ext_func
gs jmp ext_func
ss je ext_func
addr16 loop 1b
addr16 jecxz 1b
addr16 jcxz 1b
data16 call ext_func
data16 jmp ext_func
data16 jmp 1b
data16 je ext_func
lret $8
lret
retf
retf $4
retfl
retfw $2
iret
pusha
popa
mov 4(%esp), %fs
mov %fs, 4(%esp)
mov %ds, (%eax)
movw (%eax), %ds
smsw (%eax)
str (%eax)
sldt (%eax)
pushl %ds
popl %es
nop
.code16
addr32 movl (%eax), %eax
pushl $1
push $1
call 1f
1: calll 1b
jmp 1b
lgdt (%bx)
lgdtl (%bx)
movl %cr0, %eax
retl
lret
pushfl
pushf
popa
pushal
ljmp $0x10,$0x100
ljmpl $0x10,$0x100
int $0x10
movw $0x10, %ax
mov %ax, %ds
xorl %eax,%eax
in $0x60,%al
rep movsw
rep movsl
lodsb
loop 1b
jcxz 1b
jecxz 1b
data16 nop
addr16 nop
iret
iretl
sysexit
cmpxchg8b (%bx,%si)
fxsave (%di)
cwtl
cltd
inl $0x60, %eax
data32 call start
.code32
nop
