# Space whose size is a symbol defined later (.skip, one-byte .fill).
	.skip len
	.byte 1
	.fill cnt, 1, 0x90
len = 3
cnt = 2
al = 4
