sym1 = 5
.ifdef sym1
.byte 1
.endif
.ifndef sym2
.byte 2
.endif
.ifnotdef sym1
.byte 0xee
.else
.byte 3
.endif
.if sym1 > 4
.byte 4
.elseif sym1 > 2
.byte 0xee
.else
.byte 0xee
.endif
.if sym1 == 1
.byte 0xee
.elseif sym1 == 5
.byte 5
.else
.byte 0xee
.endif
.ifeq sym1 - 5
.byte 6
.endif
.ifne 0
.byte 0xee
.endif
.ifgt 1
.byte 7
.endif
.ifge 0
.byte 8
.endif
.iflt -1
.byte 9
.endif
.ifle 1
.byte 0xee
.endif
.ifb
.byte 10
.endif
.ifnb x
.byte 11
.endif
.ifc a,a
.byte 12
.endif
.ifc a b , a b
.byte 13
.endif
.ifnc a,A
.byte 14
.endif
.ifeqs "x y", "x y"
.byte 15
.endif
.ifnes "x", "y"
.byte 16
.endif
.if 0
.if 1/0
.error "never"
.endif
.byte 0xee
.macro notdefined
.endm
.else
.byte 17
.endif
.ifdef notdefined
.byte 0xee
.endif
.macro m a
.ifc \a,foo
.byte 18
.else
.byte 19
.endif
.ifb \a
.byte 20
.endif
.endm
m foo
m bar
m
lbl: .if 1
.byte 21
.endif
.ifdef lbl
.byte 22
.endif
v = 1
.rept 3
.if v == 2
.byte 0x30
.endif
v = v + 1
.endr
