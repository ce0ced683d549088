# Intel-syntax instructions in 32-bit code: 32-bit addressing, far pointers, string operations with
# operands, 16-bit code with 16-bit addressing.
	.intel_syntax noprefix
	.text
	mov	eax, [ebx+esi*2+4]
	mov	ax, [ebp]
	mov	dword ptr [esp+4], 0
	push	dword ptr [eax]
	push	word ptr [eax]
	pushd	5
	pushfd
	popfd
	pushad
	popad
	jmp	0x10:0x1000
	call	0x18:0x2000
	jmp	fword ptr [eax]
	call	dword ptr [eax]
	call	word ptr [eax]
	jecxz	1f
	movs	byte ptr es:[edi], [esi]
	movs	dword ptr es:[edi], [esi]
	movsd
	cmps	byte ptr [esi], es:[edi]
	cmpsd
	stos	dword ptr es:[edi]
	lods	byte ptr [esi]
	scas	word ptr es:[edi]
	lodsd
	stosd
	scasd
	xlat	byte ptr [ebx]
	xlatb
	lea	eax, [eax*8]
	lds	eax, fword ptr [ebx]
	les	ax, dword ptr [ebx]
	bound	eax, qword ptr [ebx]
	arpl	ax, bx
	iretd
1:	mov	eax, dword ptr fs:[0x30]
	mov	eax, OFFSET FLAT:sym
	mov	eax, [sym@GOTOFF+ebx]
	call	sym@PLT
	.code16
	mov	ax, [bx+si]
	mov	ax, [si+bx]
	mov	ax, [di][bp]
	mov	ax, [bp+di+4]
	mov	eax, [ebx]
	lea	ax, [si+bx]
	movzx	eax, byte ptr [bx]
	jmp	$+3
	nop
	.code32
	notd	[ebx]
