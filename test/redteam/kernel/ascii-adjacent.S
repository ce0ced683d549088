/* Adjacent string literals, as __stringify() and header macros produce them: GNU concatenates. */
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define VERSION_MAJOR 6
#define VERSION_MINOR 1
	.section .rodata, "a"
	.globl linux_banner_short
linux_banner_short:
	.asciz "Linux version " __stringify(VERSION_MAJOR) "." __stringify(VERSION_MINOR) "\n"
	.ascii "tag" "\0"
	.string "a" "b", "c"
