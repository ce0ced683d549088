# NOP padding in .code16 for every pad length 1..15, a long pad (eb jump-over), a longer one (66 e9), and .nops.
.code16
.text
nop
.rept 30
nop
.endr
.p2align 5
nop
.rept 29
nop
.endr
.p2align 5
nop
.rept 28
nop
.endr
.p2align 5
nop
.rept 27
nop
.endr
.p2align 5
nop
.rept 26
nop
.endr
.p2align 5
nop
.rept 25
nop
.endr
.p2align 5
nop
.rept 24
nop
.endr
.p2align 5
nop
.rept 23
nop
.endr
.p2align 5
nop
.rept 22
nop
.endr
.p2align 5
nop
.rept 21
nop
.endr
.p2align 5
nop
.rept 20
nop
.endr
.p2align 5
nop
.rept 19
nop
.endr
.p2align 5
nop
.rept 18
nop
.endr
.p2align 5
nop
.rept 17
nop
.endr
.p2align 5
nop
.rept 16
nop
.endr
.p2align 5
nop
.rept 15
nop
.endr
.p2align 5
nop
.rept 14
nop
.endr
.p2align 5
nop
.rept 13
nop
.endr
.p2align 5
nop
.rept 12
nop
.endr
.p2align 5
nop
.rept 11
nop
.endr
.p2align 5
nop
.p2align 9
.rept 312
nop
.endr
.p2align 9
.nops 7
.nops 9, 2
.balign 16, 0x90
.byte 1
.balign 16
