	.text
	.byte 1
	.subsection 2
	.byte 2
	.subsection 1
a:	.byte 3
	.previous
	.byte 4
	.text 2
	.byte 5
	.data 1
	.byte 6
	.data
	.byte 7
	.subsection -1
	.byte 8
	jmp a
	.text 1
	jmp a
