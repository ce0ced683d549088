# TBM and LWP in Intel syntax.
	.intel_syntax noprefix
	.text
	bextr	edx, ecx, 0x1234
	bextr	esi, DWORD PTR [ebx], -1
	blcfill	ebx, eax
	blsfill	edx, DWORD PTR [ecx+8]
	t1mskc	eax, [eax*2+0x10]
	blci	eax, es:[ebx]
	llwpcb	ecx
	slwpcb	edx
	lwpins	ebx, eax, 0x10
	lwpval	edx, DWORD PTR [ecx], -2
	lwpins	eax, fs:[esi+edi*4], 0x11223344
