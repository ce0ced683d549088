# .zero takes a fill value like .skip (GNU reads it with the same routine), and a count known later.
	.text
	.zero	6, 0x90
	.zero	2
	.zero	n, 0x41
	.zero	3, -1
	.skip	2, 0xcc
	.data
	.zero	m
	.byte	1
n = 3
m = 2
