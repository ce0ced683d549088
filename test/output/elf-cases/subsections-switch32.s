.text
.byte 0
.subsection 1
.byte 1
.data
.text
.byte 2
.section .text
.byte 3
.subsection 2
.byte 4
.pushsection .data
.byte 9
.popsection
.byte 5
.text 1
.byte 6
.previous
.byte 7
.bss 1
.zero 2
.bss
.zero 1
