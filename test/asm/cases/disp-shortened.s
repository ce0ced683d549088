# modes: 32
# GNU's range check of constant 16-bit displacements and moffs: "shortened" warnings, boundaries included.
movl 0x123456789, %eax
movl %eax, 0x123456789(%ebx)
movl -0x80000001(%ebx), %eax
movl 0xffffffff(%ebx), %eax
movw %ax, -70000(%bx)
movw %ax, 0xffff(%bx)
movw %ax, -0xffff(%bx)
addr16 movl 0x12345, %eax
.code16
movl %eax, %fs:65536
movw %ax, 0x10000(%si)
movw %ax, -65536(%si)
movw %ax, -65535(%si)
movl 0x123456789(%esi), %eax
lea 0x12345(%bx), %ax
movw %ax, %es:0x10000
movb 0xfffff, %al
