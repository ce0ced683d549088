.altmacro
.macro am a, b
.byte a, \b
.ascii "[a]"
.endm
am %1+2, 4
am <5>, 6
.macro lst a
.ascii a
.endm
lst "q r"
lst <"x!>y">
.macro local_demo n
.byte n&0
.endm
local_demo 7
.noaltmacro
.macro plain a
.byte \a
.ascii "a"
.endm
plain 9
