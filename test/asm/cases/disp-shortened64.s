# 32-bit displacements and moffs under addr32 in 64-bit code: GNU's "shortened" warnings.
movl 0x123456789(%ebx), %eax
addr32 movl 0x123456789, %eax
movl 0xffffffff(%ebx), %eax
movl -0xffffffff(%ebx), %eax
movl -0x100000000(%ebx), %eax
movabs 0x123456789, %eax
movl 0x7fffffff(%rbx), %eax
