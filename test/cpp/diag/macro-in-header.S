#include "checks.h"
#define SLOT 12
	nop
	CHECK_ALIGN 16
	CHECK_ALIGN SLOT
	.rept 2
	CHECK_ALIGN 4
	.endr
	FRAME 20
	.irp s, 8, 9
	FRAME \s
	.endr
