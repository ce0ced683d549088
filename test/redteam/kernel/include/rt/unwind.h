#ifndef _RT_UNWIND_HINTS_H
#define _RT_UNWIND_HINTS_H
#ifdef __ASSEMBLY__
.macro UNWIND_HINT_EMPTY
.endm
.macro UNWIND_HINT_ENTRY
.endm
.macro UNWIND_HINT_REGS base=%rsp offset=0 indirect=0 extra=1 partial=0 signal=1
.endm
.macro UNWIND_HINT_IRET_REGS base=%rsp offset=0 signal=1
	UNWIND_HINT_REGS base=\base offset=\offset partial=1 signal=\signal
.endm
.macro UNWIND_HINT_FUNC
.endm
.macro UNWIND_HINT_END_OF_STACK
.endm
#define ANNOTATE_NOENDBR
#define ANNOTATE_RETPOLINE_SAFE
#define ENDBR endbr64
#endif
#endif
