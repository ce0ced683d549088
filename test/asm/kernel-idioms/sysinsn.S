/* System instructions kernel headers emit (kvm vmenter.S, sgx, special_insns.h), as GNU spells them. */
.text
	vmxon (%rax)
	vmptrld (%rdi)
	vmptrst 8(%rsp)
	vmclear (%rdx)
	vmread %rax, %rbx
	vmread %rdx, 16(%rsi)
	vmwrite %rbx, %rax
	vmwrite (%rbx), %r8
	invept (%rax), %rbx
	invvpid 16(%rsp), %r11
	vmlaunch
	vmresume
	vmcall
	vmxoff
	vmfunc
	pconfig
	vmrun %rax
	vmload %rax
	vmsave %rax
	vmrun
	vmmcall
	vmgexit
	stgi
	clgi
	skinit %eax
	invlpga %rax, %ecx
	encls
	enclu
	enclv
	xbegin 1f
	xabort $0xff
	xend
	xtest
1:	xacquire lock incl (%rax)
	xrelease lock decl 4(%rbx)
	xrelease movl $0, (%rdi)
	xacquire xchg %eax, (%rbx)
	movdir64b (%rsi), %rdi
	movdiri %eax, (%rdi)
	movdiri %rcx, 8(%rdi)
	tpause %edi
	umonitor %rax
	umwait %ecx
	serialize
	wbnoinvd
	rdpid %rax
	rdpkru
	wrpkru
	incsspq %rax
	rdsspq %rax
	saveprevssp
	rstorssp (%rax)
	wrssq %rax, (%rbx)
	wrussq %rax, (%rbx)
	setssbsy
	clrssbsy (%rax)
	endbr64
	movsxl %eax, %rbx
	movsxl (%rax), %rcx
	xbegin outside
	ret
