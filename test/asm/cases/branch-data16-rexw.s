# modes: 64
# REX.W overrides data16 on a near branch: rel32 and PLT32 again (only data16 gives rel16, PC16).
	data16 rex.w jmp foo
	data16 rex.w call foo
	rex.w jmp foo
	data16 jmp foo
	rex.w data16 jmp foo
	data16 rex.w jne foo
	data16 rex.w jmp 1f
1:	nop
