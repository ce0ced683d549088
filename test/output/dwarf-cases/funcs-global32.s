# All functions global (DW_AT_external as flag_present from DWARF 4), 32-bit addresses, REL addends.
	.code16
	.text
	.globl memcpy
	.type memcpy, @function
memcpy:
	pushw %si
	pushw %di
	movw %ax, %di
	rep; movsb
	popw %di
	popw %si
	retl
	.size memcpy, .-memcpy
	.code32
	.globl copy_from_fs
	.type copy_from_fs, @function
copy_from_fs:
	pushl %ds
	call memcpy
	popl %ds
	ret
	.size copy_from_fs, .-copy_from_fs
