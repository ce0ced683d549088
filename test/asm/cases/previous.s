# .previous after switching to the section already current: GNU makes it the previous one.
.text
.data
.data
.previous
.byte 1
.text
.section .rodata
.section .rodata
.previous
.byte 2
