# lea into a 32/16-bit register wraps a displacement within 32 bits (disp8 when it then fits), as GNU does.
	lea 0xffffffff(%rcx),%eax
	lea 0xffff(%rcx),%ax
	lea 0x1ffff(%rcx),%ax
	lea 0xffffff80(%rcx),%eax
	lea 0xffffff7f(%rcx),%eax
	lea -1(%rcx),%eax
	lea 0x7fffffff(%rcx),%eax
	lea 0xffffffff(%rip),%eax
	lea 0xffffffff,%eax
	lea 0xffff(%ecx),%ax
	lea 0xffffffff(%rcx),%ax
	lea 0xffffffff(%rsp),%eax
	lea 0xffffffff(%rbp,%rax,2),%eax
