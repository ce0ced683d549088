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
.macro amp a, b
.ascii "x&a& &b y&c& &&a z& a&b"
.endm
amp 1, 2
.altmacro
.macro amp2 a, b
.ascii "x&a& &b y&c& &&a z& a&b"
.endm
amp2 1, 2
.macro loc a
LOCAL l1, l2
l1: .byte a
l2: .long l2 - l1
.endm
loc 1
loc 2
.noaltmacro
