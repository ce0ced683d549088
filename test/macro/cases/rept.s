.rept 3
.byte 1
.endr
.rept 0
.byte 2
.endr
.rept 2
.rept 2
.byte 3
.endr
.byte 4
.endr
.irp r, 1, 2, 3
.byte \r
.endr
.irp r, 4 5 6
.byte \r*2
.endr
.irp r
.byte 7 \r
.endr
.irp x, 1, 2,,3
.byte \x+1
.endr
.irpc c, 123
.byte \c
.endr
.irpc c, "4 5"
.ascii "\c"
.endr
.macro regs list:vararg
.irp r, \list
push %\r
.endr
.endm
regs rax, rbx, r12
n = 3
.rept n
.byte n
n = n - 1
.endr
.irp i, 0,1,2
.irp j, 0,1
.byte \i*2+\j
.endr
.endr
