# The same in 32-bit and 16-bit code.
	monitorx
	mwaitx
	rdpru
	invlpgb
	tlbsync
	mcommit
	monitorx %eax,%ecx,%edx
	monitorx %ax,%ecx,%edx
	mwaitx %eax,%ecx,%ebx
	invlpgb %eax,%ecx,%edx
	invlpgb %ax,%ecx,%edx
	clzero %eax
	clzero %ax
	pvalidate
	wrmsrns
	hreset $8
	xsusldtrk
	xresldtrk
	tdcall
	cldemote (%eax)
	ptwrite %eax
	ptwritel (%eax)
	enqcmd (%ecx),%eax
	enqcmd (%si),%ax
	enqcmds (%ecx),%eax
	crc32b %al,%eax
	crc32w %ax,%eax
	crc32l %ecx,%eax
	crc32 %cl,%ebx
	crc32b (%eax),%eax
	crc32w (%eax),%eax
	crc32l (%eax),%eax
	.code16
	crc32w %ax,%eax
	enqcmd (%si),%ax
	enqcmd (%esi),%eax
	ptwrite %eax
	monitorx %ax,%ecx,%edx
	monitorx %eax,%ecx,%edx
