# Stack operations with the non-default operand size: objdump -M intel names it (pushw 0xffff, pushfw, pushw fs).
.intel_syntax noprefix
pushw 0xffff
pushw 1
push 1
pushfw
popfw
pushf
pushw fs
popw gs
push fs
push ax
pop r9w
