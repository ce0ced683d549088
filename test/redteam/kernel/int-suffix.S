/* C integer suffixes that leak into assembler expressions through shared headers (no _AC()). */
#define GDT_ENTRY(flags, base, limit)			\
	((((base)  & 0xff000000ULL) << (56-24)) |	\
	 (((flags) & 0x0000f0ffULL) << 40) |		\
	 (((limit) & 0x000f0000ULL) << (48-16)) |	\
	 (((base)  & 0x00ffffffULL) << 16) |		\
	 (((limit) & 0x0000ffffULL)))
#define PAGE_SIZE	4096UL
#define KERNEL_IMAGE_SIZE (512 * 1024 * 1024UL)

	.data
	.balign 16
gdt:
	.quad	0
	.quad	GDT_ENTRY(0xc09b, 0, 0xfffff)
	.quad	GDT_ENTRY(0xa09b, 0, 0xfffff)
	.quad	GDT_ENTRY(0xc093, 0, 0xfffff)
	.quad	KERNEL_IMAGE_SIZE, PAGE_SIZE
	.text
	movl	$PAGE_SIZE, %eax
	addq	$(PAGE_SIZE - 1), %rdi
	andq	$~(PAGE_SIZE - 1), %rdi
