.gnu_attribute 4,1
.gnu_attribute 7,"x"
.gnu_attribute 4,2
.gnu_attribute 0x80,3
.section .foo,"a"
.byte 1
.text
.cfi_startproc
nop
.cfi_endproc
.ident "a"
