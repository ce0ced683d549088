// cpp-opts: -Isys
#include "inc/defs.h"
#include "inc/defs.h"	/* guarded: second time empty */
#include <asm/linkage.h>
ENTRY(func)
	movq PT_RAX(%rsp), %rax
	movq NESTED_VALUE(%rsp), %rbx
	ret
END(func)
#define HDR <asm/linkage.h>
#include HDR
	.byte __LINE__
