/* Intel's spelling of the dword string moves without operands (as 5.15's iomap_copy_64.S and
   realmode/rm/bioscall.S write them): GNU as takes `movsd`/`cmpsd` as movsl/cmpsl and warns;
   in .code16 the dword form gets its 66h prefix. */
.text
.globl copy_dwords
copy_dwords:
	movl %edx, %ecx
	rep movsd
	ret

.globl same_dwords
same_dwords:
	movl %edx, %ecx
	repe cmpsd
	sete %al
	movsd
	cmpsd
	ret

.code16
.globl copy_dwords16
copy_dwords16:
	movw $4, %cx
	rep ; movsd
	movsd
	retl
.code64
