# GNU 2.40 general-purpose extensions in 64-bit code (src/isa/forms/ext.ts).
	monitorx
	mwaitx
	rdpru
	invlpgb
	tlbsync
	mcommit
	monitorx %rax,%ecx,%edx
	monitorx %eax,%ecx,%edx
	mwaitx %eax,%ecx,%ebx
	invlpgb %rax,%ecx,%edx
	invlpgb %eax,%ecx,%edx
	clzero %rax
	clzero %eax
	rmpadjust
	rmpupdate
	psmash
	pvalidate
	wrmsrns
	rdmsrlist
	wrmsrlist
	uiret
	testui
	clui
	stui
	senduipi %rax
	senduipi %r13
	hreset $8
	xsusldtrk
	xresldtrk
	tdcall
	seamret
	seamops
	seamcall
	cldemote (%rax)
	cldemote 0x10(%r8,%rax,2)
	ptwrite %eax
	ptwrite %rax
	ptwritel (%rax)
	ptwriteq (%rax)
	ptwrite %r9d
	enqcmd (%rcx),%rax
	enqcmd (%ecx),%eax
	enqcmds (%rcx),%r8
	enqcmds 0x10(%r9d),%r10d
	crc32b %al,%eax
	crc32b %cl,%rax
	crc32w %ax,%eax
	crc32l %ecx,%eax
	crc32q %rcx,%rax
	crc32 %sil,%r9d
	crc32b (%rax),%eax
	crc32w (%rax),%eax
	crc32l (%rax),%r10d
	crc32q (%rax),%rax
	crc32b (%rax),%rax
	aadd %eax,(%rcx)
	aadd %rax,(%rcx)
	aand %r9d,(%r8)
	aor %eax,(%rcx)
	axor %r10,0x10(%rcx)
