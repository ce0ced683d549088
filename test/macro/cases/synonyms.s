# GNU's other spellings: .rep/.irep/.irepc, .mexit, .ifnotdef, .ifeqs/.ifnes, and .fail
.rep 2
.byte 1
.endr
.irep x, 2, 3
.byte \x
.endr
.irepc c, 45
.byte \c
.endr
.macro early
.byte 6
.mexit
.byte 0xee
.endm
early
.ifnotdef undefined_symbol
.byte 7
.endif
.ifeqs "a b", "a b"
.byte 8
.endif
.ifnes "a", "b"
.byte 9
.endif
.rept 2
.irep y, 10
.byte \y
.endr
.endr
.fail 600
