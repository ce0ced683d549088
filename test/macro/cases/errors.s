.rept -1
nop
.endr
.endr
.endm
.exitm
.purgem nosuch
.else
.elseif 1
.macro dup
.endm
.macro dup
.endm
.macro
.endm
.macro two a, b
.byte 0\a, 0\b
.endm
two 1, 2, 3
two b=1, z=2
.if 1
.else
.else
.endif
.if 0
.else
.elseif 1
.endif
.ifdef
.endif
.macro q a:req
.byte \a
.endm
q
q 1
.macro p x, y
.endm
p x=1, 2
.macro bq a:foo
.endm
.macro dd a=1, a
.endm
.error "custom error"
.warning "custom warning"
.error
.warning
.error foo
.err
.irp
.endr
.ifc a
.endif
.macro z a:req=1
.endm
.endif
