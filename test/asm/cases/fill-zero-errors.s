# .zero takes at most a count and a fill value.
	.zero	1, 2, 3
	.zero	4, 0x90
