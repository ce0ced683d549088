# No defined symbol in the object: objdump prints branch targets as bare addresses.
	data16 rex.w jmp foo
	data16 rex.w call foo
	rex.w jmp foo
	data16 jmp foo
	rex.w data16 jmp foo
	data16 rex.w jne foo
	data16 rex.w jmp 1f
1:	nop
	lea 0xffffffff(%rip),%eax
