# Assigning the location counter: '. = expr' works like .org.
nop
. = . + 4
nop
. = 0x10
.byte 1
