// x86lab-opts: -include include/linkage.h
/* SYM_FUNC_ALIAS and friends (memcpy_64.S, memset_64.S): a global alias is relocated against
   itself and takes its target's type and size; a local alias reads as a local label. */
.text
SYM_FUNC_START(__memcpy)
	movq %rdi, %rax
	movq %rdx, %rcx
	rep movsb
	ret
SYM_FUNC_END(__memcpy)
SYM_FUNC_ALIAS(memcpy, __memcpy)
SYM_FUNC_ALIAS_WEAK(memcpy_weak, __memcpy)
SYM_FUNC_ALIAS_LOCAL(memcpy_local, __memcpy)
.globl later_alias
.set later_alias, later
.set undef_alias, not_here

SYM_FUNC_START(user)
	call memcpy
	call memcpy_weak
	call memcpy_local
	jmp later_alias
	call undef_alias
	ret
SYM_FUNC_END(user)
.type later, @object
later:	.byte 1
.size later, 1

.section .export_symbol, "a"
	.quad memcpy, memcpy_weak, memcpy_local, later_alias, undef_alias
