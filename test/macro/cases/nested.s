# nested definitions and invocations, .purgem, .exitm
.macro outer name, val
.macro \name
.byte \val
.endm
.endm
outer inner1, 0x21
outer inner2, 0x22
inner1
inner2
.purgem inner1
.macro inner1
.byte 0x23
.endm
inner1
.macro twice m
\m
\m
.endm
twice inner2
.macro early n
.byte 1
.if \n
.exitm
.endif
.byte 2
.endm
early 0
early 1
early 0
.macro rec n
.if \n
.byte \n
rec \n-1
.endif
.endm
rec 5
.macro fact n, acc=1
.if \n <= 1
.long \acc
.else
fact \n-1, \acc*(\n)
.endif
.endm
fact 6
# errors inside .irp inside a macro: GNU indents the Info line one level deeper
.macro bad_in_irp
.irp x, 1
bogus_insn_\x
.endr
.endm
bad_in_irp
.rept 1
bad_in_irp
.endr
