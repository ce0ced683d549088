# modes: 64
# crc32 without a suffix: a register source names the size; a memory source takes l (q for a 64-bit destination), warned.
	crc32 (%eax),%r8d
	crc32 (%rax),%r15
	crc32 %al,%rax
	crc32 %al,%eax
	crc32 %ax,%eax
	crc32 %eax,%eax
	crc32 %rax,%rax
	crc32 foo(%rip),%esi
