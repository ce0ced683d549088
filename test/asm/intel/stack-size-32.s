# Stack operations with the non-default operand size: objdump -M intel names it (pushw 0xffff, pushw ds, pushfw).
.intel_syntax noprefix
push word ptr 1
push 0x1234
pushw 0xffff
pushfw
popfw
pushf
push ds
pushw ds
pop es
pushw fs
popw gs
push ax
pop bx
